/**
 * The form engine: asks a list of steps in order, with Back at every step, then shows a summary
 * with one edit button per answer and Confirm. After an edit it asks only what the change made
 * invalid or newly needed (e.g. a demonstration level after the list changed to demo) and
 * returns to the summary. Cancel is handled outside the conversation (/cancel and its button).
 */
import { askStep, displayOf, howToAnswer, stillValid, type Asked, type FilesAsker } from './ask.ts';
import { formCommandReply } from './commands.ts';
import { stepPosition } from './progress.ts';
import type { Button, FormIO } from './io.ts';
import type { Answers, ChoiceStep, FormEnv, RepeatStep, Step } from './step.ts';

/** What the whole set of answers looks like to the validator: notes to show, and problems that block Confirm. */
export interface Review {
  notes: string[];
  problems: string[];
}

/** A form: its steps, its environment, and how its answers are reviewed before Confirm. */
export interface FormSpec<D> {
  /** Summary heading, e.g. "新增记录". */
  title: string;
  steps: Step<D>[];
  env: FormEnv<D>;
  askFiles: FilesAsker;
  review(answers: Answers): Promise<Review>;
}

const applies = <D>(step: Step<D>, answers: Answers, env: FormEnv<D>) =>
  !step.applies || step.applies(answers, env);

/** Runs a form to Confirm and returns its answers (the caller submits them); `atSummary` resumes at the summary. */
export async function runForm<D>(
  io: FormIO,
  spec: FormSpec<D>,
  answers: Answers = {},
  atSummary = false,
  /** The first step to ask (a deep link answered the ones before it); Back still reaches them. */
  startAt = 0,
): Promise<Answers> {
  const { steps, env } = spec;
  const visited = new Set<string>(Object.keys(answers));
  let i = atSummary ? steps.length : startAt;
  let forced = 0; // the step to ask even though it has a valid answer
  let editing = false; // came from the summary: go back there once nothing else is needed
  for (;;) {
    if (i >= steps.length) {
      const choice = await summary(io, spec, answers);
      if (choice.action === 'confirm') return answers;
      editing = choice.action === 'edit';
      i = choice.action === 'edit' ? choice.index : lastApplicable(steps, answers, env);
      forced = i;
      continue;
    }
    const step = steps[i]!;
    if (!applies(step, answers, env)) {
      delete answers[step.key];
      i++;
      continue;
    }
    if (
      i !== forced &&
      editing &&
      visited.has(step.key) &&
      stillValid(step, answers[step.key], answers, env)
    ) {
      i++;
      continue;
    }
    const { index, count, first: firstStep } = stepPosition(steps, i, answers, env);
    const position = `(${index}/${count})`;
    const first = !editing && firstStep;
    const asked: Asked =
      step.input === 'repeat'
        ? await askRepeat(io, step, answers, env, position, spec.askFiles)
        : await askStep(io, step, answers, env, position, first, spec.askFiles);
    if (asked.nav === 'back') {
      if (editing) i = steps.length;
      else forced = i = previousApplicable(steps, i, answers, env);
      continue;
    }
    if (asked.nav === 'answer') answers[step.key] = asked.value;
    if (asked.nav === 'skip') delete answers[step.key];
    visited.add(step.key);
    i++;
  }
}

function previousApplicable<D>(
  steps: Step<D>[],
  i: number,
  answers: Answers,
  env: FormEnv<D>,
): number {
  for (let j = i - 1; j >= 0; j--) if (applies(steps[j]!, answers, env)) return j;
  return i;
}

function lastApplicable<D>(steps: Step<D>[], answers: Answers, env: FormEnv<D>): number {
  return previousApplicable(steps, steps.length, answers, env);
}

type SummaryChoice = { action: 'confirm' } | { action: 'back' } | { action: 'edit'; index: number };

/** Shows every answer with an edit button, the validator's problems, and Confirm when there are none. */
async function summary<D>(io: FormIO, spec: FormSpec<D>, answers: Answers): Promise<SummaryChoice> {
  const { steps, env } = spec;
  const { t } = env;
  const review = await spec.review(answers);
  const shown = steps
    .map((step, index) => ({ step, index }))
    .filter(({ step }) => step.inSummary !== false && applies(step, answers, env));
  const lines = [t('summary-title', { title: spec.title }), ''];
  for (const { step } of shown) {
    const value = answers[step.key];
    lines.push(
      `• ${step.label(env)}：${value === undefined ? t('none') : displayOf(step, value, answers, env)}`,
    );
  }
  const canConfirm = review.problems.length === 0;
  if (review.notes.length) lines.push('', ...review.notes);
  if (!canConfirm) lines.push('', t('summary-problems'), ...review.problems.map((l) => `⚠️ ${l}`));
  lines.push('', t(canConfirm ? 'summary-confirm-hint' : 'summary-fix-hint'));
  const rows: Button[][] = [];
  shown.forEach(({ step, index }, n) => {
    if (n % 2 === 0) rows.push([]);
    rows[rows.length - 1]!.push({
      text: t('button-edit', { label: step.label(env) }),
      action: 'edit',
      index,
    });
  });
  rows.push([
    { text: t('button-back'), action: 'back' },
    ...(canConfirm ? [{ text: t('button-confirm'), action: 'confirm' as const }] : []),
  ]);
  io.nextQuestion();
  await io.say(lines.join('\n'), rows, { cancel: true });
  for (;;) {
    const input = await io.receive();
    if (
      input.type === 'button' &&
      input.action === 'edit' &&
      shown.some((s) => s.index === input.index)
    )
      return { action: 'edit', index: input.index };
    if (input.type === 'button' && input.action === 'confirm' && canConfirm)
      return { action: 'confirm' };
    if (
      (input.type === 'button' && input.action === 'back') ||
      (input.type === 'command' && input.command === 'back')
    )
      return { action: 'back' };
    if (input.type === 'stale') continue;
    if (input.type === 'command') {
      await io.say(formCommandReply(input.command, { back: true, skip: false }, t), rows, {
        cancel: true,
      });
      continue;
    }
    io.nextQuestion();
    await io.say(t('summary-use-buttons'), rows, { cancel: true });
  }
}

/** Asks a list of items: a menu of the first item step's choices, then the item's other steps. */
async function askRepeat<D>(
  io: FormIO,
  step: RepeatStep<D>,
  answers: Answers,
  env: FormEnv<D>,
  position: string,
  askFiles: FilesAsker,
): Promise<Asked> {
  const { t } = env;
  const [head, ...rest] = step.item as [ChoiceStep<D>, ...Step<D>[]];
  const items: Answers[] = Array.isArray(answers[step.key])
    ? [...(answers[step.key] as Answers[])]
    : [];
  for (;;) {
    const listing = items.length
      ? items.map((item, n) => `${n + 1}. ${step.itemLine(item, env)}`).join('\n')
      : t('none');
    const choices = items.length < step.max ? head.choices(answers, env) : [];
    const rows: Button[][] = choices.map((c, index) => [
      { text: t('button-add', { label: c.label }), action: 'value' as const, index },
    ]);
    rows.push([
      { text: t('button-back'), action: 'back' },
      { text: t(items.length ? 'button-done' : 'button-skip'), action: 'done' },
    ]);
    io.nextQuestion();
    const help = step.help?.(answers, env);
    await io.say(
      [
        `${position} ${step.label(env)}${t('optional-mark')}`,
        ...(help ? [help] : []),
        t('repeat-listing', { items: listing }),
        t('how-repeat'),
      ].join('\n'),
      rows,
      { cancel: true },
    );
    let picked: string | undefined;
    while (picked === undefined) {
      const input = await io.receive();
      if (
        (input.type === 'button' && input.action === 'back') ||
        (input.type === 'command' && input.command === 'back')
      )
        return { nav: 'back' };
      if (input.type === 'button' && input.action === 'done')
        return items.length ? { nav: 'answer', value: items } : { nav: 'skip' };
      if (input.type === 'command' && input.command === 'skip' && !items.length)
        return { nav: 'skip' };
      if (input.type === 'button' && input.action === 'value' && choices[input.index])
        picked = choices[input.index]!.value;
      else if (input.type === 'command') {
        const question = { label: step.label(env), help, how: howToAnswer(step, env) };
        await io.say(
          formCommandReply(input.command, { question, back: true, skip: !items.length }, t),
          rows,
          { cancel: true },
        );
      } else if (input.type !== 'stale') {
        io.nextQuestion();
        await io.say(
          t('re-ask', {
            what: t('choice-typed'),
            fix: t('choice-typed-fix'),
            label: step.label(env),
          }),
          rows,
          { cancel: true },
        );
      }
    }
    const item: Answers = { [head.key]: picked };
    let j = 0;
    while (j >= 0 && j < rest.length) {
      const sub = rest[j]!;
      const asked = await askStep(
        io,
        sub,
        item,
        env,
        `${position} ${items.length + 1}.`,
        false,
        askFiles,
      );
      if (asked.nav === 'back') j--;
      else {
        if (asked.nav === 'answer') item[sub.key] = asked.value;
        if (asked.nav === 'skip') delete item[sub.key];
        j++;
      }
    }
    if (j === rest.length) items.push(item);
  }
}
