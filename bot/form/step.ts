/**
 * A form is a list of steps; each step fills one answer (by key, usually the record field's path)
 * and knows how to ask, how to check and how to show its answer. The engine (engine.ts) asks them
 * in order with Back, Skip, edit-from-summary and cancel.
 */
import type { AttachmentKind, IsoDate, Lang } from '../../content/schema/index.ts';
import type { Translate } from '../i18n.ts';

/** The answers of a form so far, by step key. */
export type Answers = Record<string, unknown>;

/** A button: its label and the value it answers with. */
export interface Choice {
  value: string;
  label: string;
}

/** A refused answer: what is wrong, how to fix it, and buttons that answer instead. */
export interface Refusal {
  ok: false;
  what: string;
  fix: string;
  /** Buttons shown with the re-ask; `force` stores the value without checking it again (an override). */
  options?: (Choice & { force?: boolean })[];
}

/** The outcome of checking an answer. */
export type Check<T = string> = { ok: true; value: T } | Refusal;

/** What a step may read while asking: the language, texts, the date and the flow's own data. */
export interface FormEnv<D = unknown> {
  lang: Lang;
  t: Translate;
  /** The date the form started (China time), fixed for the whole form. */
  today: IsoDate;
  data: D;
}

interface BaseStep<D> {
  key: string;
  /** The question's title. */
  label(env: FormEnv<D>): string;
  /** Help shown under the question (the schema's description). */
  help?(answers: Answers, env: FormEnv<D>): string | undefined;
  /** Whether the step is asked for these answers (default: always). */
  applies?(answers: Answers, env: FormEnv<D>): boolean;
  /** Offers a Skip button; a skipped answer is absent. */
  optional?: boolean | ((answers: Answers, env: FormEnv<D>) => boolean);
  /** The answer as the summary shows it. */
  display?(value: unknown, answers: Answers, env: FormEnv<D>): string;
  /** Shown in the summary (default true); false for steps whose answer is shown by another. */
  inSummary?: boolean;
}

/** Answered by pressing one of the buttons. */
export interface ChoiceStep<D = unknown> extends BaseStep<D> {
  input: 'choice';
  choices(answers: Answers, env: FormEnv<D>): Choice[];
  /**
   * A choice that ends the way to a successful submission (a condition not met) is refused at
   * once, with why and from when it would be possible, instead of being found at the summary.
   */
  refuse?(value: string, answers: Answers, env: FormEnv<D>): Refusal | undefined;
}

/** Answered by typing; suggestions are buttons that type for the user. */
export interface TextStep<D = unknown> extends BaseStep<D> {
  input: 'text';
  multiline?: boolean;
  /** Skips the text rules (codes and dates are checked by their own rules). */
  raw?: boolean;
  suggestions?(answers: Answers, env: FormEnv<D>): Choice[];
  /** The field's rules, without side effects (re-run to see whether an answer is still valid). */
  check(text: string, answers: Answers, env: FormEnv<D>): Check<unknown>;
  /** A check that needs the outside world (the content repository); run once, inside `external`. */
  resolve?(value: unknown, answers: Answers, env: FormEnv<D>): Promise<Check<unknown>>;
}

/** Answered by sending photos or PDF files, then Done. */
export interface FilesStep<D = unknown> extends BaseStep<D> {
  input: 'files';
  kind: AttachmentKind;
  max: number;
}

/** One or more items, each asked with its own steps (e.g. persons published with the entry). */
export interface RepeatStep<D = unknown> extends BaseStep<D> {
  input: 'repeat';
  max: number;
  item: Step<D>[];
  /** One line per item in the summary. */
  itemLine(item: Answers, env: FormEnv<D>): string;
}

/** Whether a step may be skipped for these answers. */
export function isOptional<D>(step: Step<D>, answers: Answers, env: FormEnv<D>): boolean {
  return typeof step.optional === 'function' ? step.optional(answers, env) : !!step.optional;
}

export type Step<D = unknown> = ChoiceStep<D> | TextStep<D> | FilesStep<D> | RepeatStep<D>;

/** An attachment as the form keeps it: Telegram's file id and what the content check found. */
export interface FileAnswer {
  fileId: string;
  /** The extension the content check found (jpg, png, webp, pdf). */
  ext: string;
  size: number;
  /** The SHA-256 of the bytes (hex): a private file's address in the private store. */
  sha256?: string;
  caption?: string;
}
