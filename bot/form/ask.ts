/**
 * Asking one step: send the question, read answers until one passes the step's rules, re-asking
 * with the reason after each wrong one. Navigation (Back, Skip, keep) is returned to the engine.
 */
import { ATTACHMENT_EXTENSIONS, type AttachmentKind } from '../../content/schema/index.ts';
import type { Translate } from '../i18n.ts';
import { formCommandReply, type FormPlace } from './commands.ts';
import type { FormIO, Input, Button } from './io.ts';
import {
  isOptional,
  type Answers,
  type Check,
  type Choice,
  type FormEnv,
  type Refusal,
  type Step,
  type TextStep,
} from './step.ts';
import { normaliseText, textProblem } from './text-rules.ts';

/** What asking a step produced. */
export type Asked =
  { nav: 'answer'; value: unknown } | { nav: 'back' } | { nav: 'skip' } | { nav: 'keep' };

/** Handles files steps (attachments.ts), kept apart so this module stays about text and buttons. */
export type FilesAsker = (
  io: FormIO,
  step: Extract<Step<any>, { input: 'files' }>,
  env: FormEnv<any>,
  question: string,
  optional: boolean,
  place: FormPlace,
) => Promise<Asked>;

/** Shortens an answer for a one-line display. */
export function shorten(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The answer of a step as a person reads it. */
export function displayOf(
  step: Step<any>,
  value: unknown,
  answers: Answers,
  env: FormEnv<any>,
): string {
  if (step.display) return step.display(value, answers, env);
  if (step.input === 'choice')
    return step.choices(answers, env).find((c) => c.value === value)?.label ?? String(value);
  if (step.input === 'files')
    return env.t('files-count', { count: Array.isArray(value) ? value.length : 0 });
  if (step.input === 'repeat') {
    const items = Array.isArray(value) ? (value as Answers[]) : [];
    return items.length
      ? items.map((item, i) => `${i + 1}. ${step.itemLine(item, env)}`).join('；')
      : env.t('none');
  }
  return shorten(String(value));
}

/** Whether a stored answer still passes its step's rules (after another answer changed). */
export function stillValid(
  step: Step<any>,
  value: unknown,
  answers: Answers,
  env: FormEnv<any>,
): boolean {
  if (value === undefined) return isOptional(step, answers, env) && step.input !== 'choice';
  if (step.input === 'choice')
    return (
      step.choices(answers, env).some((c) => c.value === value) &&
      !step.refuse?.(String(value), answers, env)
    );
  if (step.input === 'text') return typeof value !== 'string' || step.check(value, answers, env).ok;
  return true;
}

/** What a files step accepts, in words: photos or PDF files, or pictures only (the schema's types for the kind). */
export function acceptedFiles(kind: AttachmentKind, t: Translate): string {
  return t(ATTACHMENT_EXTENSIONS[kind].includes('pdf') ? 'files-what-pdf' : 'files-what-pictures');
}

/** How to answer a step. */
export function howToAnswer(step: Step<any>, env: FormEnv<any>): string {
  return step.input === 'files'
    ? env.t('how-files', { what: acceptedFiles(step.kind, env.t) })
    : env.t(`how-${step.input}`);
}

/** Where a step is, as a command typed there needs to know. */
export function placeOf(
  step: Step<any>,
  answers: Answers,
  env: FormEnv<any>,
  first: boolean,
): FormPlace {
  return {
    question: {
      label: step.label(env),
      help: step.help?.(answers, env),
      how: howToAnswer(step, env),
    },
    back: !first,
    skip: isOptional(step, answers, env),
  };
}

/** The question: title, help, the current answer when there is one, and how to answer. */
export function questionText(
  step: Step<any>,
  answers: Answers,
  env: FormEnv<any>,
  position: string,
): string {
  const lines = [
    `${position} ${step.label(env)}${isOptional(step, answers, env) ? env.t('optional-mark') : ''}`,
  ];
  const help = step.help?.(answers, env);
  if (help) lines.push(help);
  const current = answers[step.key];
  if (current !== undefined)
    lines.push(env.t('current-answer', { value: displayOf(step, current, answers, env) }));
  lines.push(howToAnswer(step, env));
  return lines.join('\n');
}

function navButtons(
  step: Step<any>,
  answers: Answers,
  env: FormEnv<any>,
  first: boolean,
): Button[] {
  const row: Button[] = [];
  if (!first) row.push({ text: env.t('button-back'), action: 'back' });
  if (answers[step.key] !== undefined) row.push({ text: env.t('button-keep'), action: 'done' });
  if (isOptional(step, answers, env)) row.push({ text: env.t('button-skip'), action: 'skip' });
  return row;
}

function choiceRows(choices: Choice[], action: 'value' | 'option', perRow = 2): Button[][] {
  const rows: Button[][] = [];
  choices.forEach((c, i) => {
    if (i % perRow === 0) rows.push([]);
    rows[rows.length - 1]!.push({ text: c.label, action, index: i });
  });
  return rows;
}

/** Checks a typed answer: the text rules, the step's own rules, then its outside check. */
async function checkText(
  io: FormIO,
  step: TextStep<any>,
  raw: string,
  answers: Answers,
  env: FormEnv<any>,
): Promise<Check<unknown>> {
  const text = normaliseText(raw);
  const problem = step.raw
    ? text === ''
      ? 'empty'
      : undefined
    : textProblem(text, { multiline: step.multiline });
  if (problem)
    return { ok: false, what: env.t(`text-${problem}`), fix: env.t(`text-${problem}-fix`) };
  const checked = step.check(text, answers, env);
  if (!checked.ok || !step.resolve) return checked;
  const resolve = step.resolve;
  return io.guarded(
    `checking the answer to ${step.key}`,
    () => resolve(checked.value, answers, env),
    () => ({ ok: false, what: env.t('check-failed'), fix: env.t('check-failed-fix') }),
  );
}

/** Asks one step until it is answered or the user navigates away. */
export async function askStep(
  io: FormIO,
  step: Step<any>,
  answers: Answers,
  env: FormEnv<any>,
  position: string,
  first: boolean,
  askFiles: FilesAsker,
): Promise<Asked> {
  io.nextQuestion();
  const question = questionText(step, answers, env, position);
  if (step.input === 'files')
    return askFiles(
      io,
      step,
      env,
      question,
      isOptional(step, answers, env),
      placeOf(step, answers, env, first),
    );
  if (step.input === 'repeat')
    throw new Error(`step ${step.key}: repeat steps are asked by the engine`);
  const choices =
    step.input === 'choice' ? step.choices(answers, env) : (step.suggestions?.(answers, env) ?? []);
  const nav = navButtons(step, answers, env, first);
  const rows = [...choiceRows(choices, 'value'), ...(nav.length ? [nav] : [])];
  let shown = rows; // the buttons of the latest message, repeated under a reply to a command
  await io.say(question, rows, { cancel: true });
  let options: (Choice & { force?: boolean })[] = [];
  for (;;) {
    const input: Input = await io.receive();
    let outcome: Check<unknown> | undefined;
    if (input.type === 'button') {
      if (input.action === 'back') return { nav: 'back' };
      if (input.action === 'skip' && isOptional(step, answers, env)) return { nav: 'skip' };
      if (input.action === 'done' && answers[step.key] !== undefined) return { nav: 'keep' };
      const picked =
        input.action === 'value'
          ? choices[input.index]
          : input.action === 'option'
            ? options[input.index]
            : undefined;
      if (picked && 'force' in picked && picked.force)
        return { nav: 'answer', value: picked.value };
      if (picked && step.input === 'choice')
        outcome = step.refuse?.(picked.value, answers, env) ?? { ok: true, value: picked.value };
      if (picked && step.input === 'text')
        outcome = await checkText(io, step, picked.value, answers, env);
      if (!outcome) continue; // a button of this question that does nothing here
    } else if (input.type === 'stale') {
      continue;
    } else if (input.type === 'command') {
      if (input.command === 'back' && !first) return { nav: 'back' };
      if (input.command === 'skip' && isOptional(step, answers, env)) return { nav: 'skip' };
      // Not a wrong answer: the question stands, with its buttons, after the reply.
      await io.say(
        formCommandReply(input.command, placeOf(step, answers, env, first), env.t),
        shown,
        { cancel: true },
      );
      continue;
    } else if (input.type === 'text' && step.input === 'choice') {
      const typed = normaliseText(input.text).toLowerCase();
      const match = choices.find(
        (c) => c.label.toLowerCase() === typed || c.value.toLowerCase() === typed,
      );
      outcome = !match
        ? { ok: false, what: env.t('choice-typed'), fix: env.t('choice-typed-fix') }
        : (step.refuse?.(match.value, answers, env) ?? { ok: true, value: match.value });
    } else if (input.type === 'text' && step.input === 'text') {
      outcome = await checkText(io, step, input.text, answers, env);
    } else {
      outcome = {
        ok: false,
        what: env.t(input.type === 'file' ? 'file-not-expected' : 'wrong-message-type'),
        fix: howToAnswer(step, env),
      };
    }
    if (outcome.ok) return { nav: 'answer', value: outcome.value };
    options = outcome.options ?? [];
    shown = [
      ...choiceRows(options, 'option', 1),
      ...choiceRows(choices, 'value'),
      ...(nav.length ? [nav] : []),
    ];
    await reAsk(io, step, outcome, env, shown);
  }
}

/** Says why an answer was refused and asks again, with the same buttons. */
export async function reAsk(
  io: FormIO,
  step: Step<any>,
  refusal: Refusal,
  env: FormEnv<any>,
  rows: Button[][],
): Promise<void> {
  io.nextQuestion();
  // Bounded, so the question at the end is never cut off by Telegram's 4096-character limit.
  await io.say(
    env.t('re-ask', {
      what: shorten(refusal.what, 600),
      fix: refusal.fix.slice(0, 2000),
      label: step.label(env),
    }),
    rows,
    { cancel: true },
  );
}
