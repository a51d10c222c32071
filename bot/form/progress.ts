/**
 * "Step i of n" as the person sees it. i counts the questions of the path so far, so it goes up
 * by one with each answer. n is the length of the whole path the form will take: questions not
 * answered yet are counted as the answers so far imply, and where an unanswered choice decides
 * which questions follow (the list decides the attachments, the kind of subject the credit
 * code), the longest branch is counted — so n changes only when an answer really changes the
 * path, instead of growing with every answer that reveals more questions.
 */
import type { Answers, FormEnv, Step } from './step.ts';

const applies = <D>(step: Step<D>, answers: Answers, env: FormEnv<D>) =>
  !step.applies || step.applies(answers, env);

/** How many of steps[from…] apply to these answers. */
function countFrom<D>(steps: Step<D>[], from: number, answers: Answers, env: FormEnv<D>): number {
  let n = 0;
  for (let j = from; j < steps.length; j++) if (applies(steps[j]!, answers, env)) n++;
  return n;
}

/** The questions still to come from steps[from], taking each unanswered choice's longest branch. */
function remaining<D>(steps: Step<D>[], from: number, answers: Answers, env: FormEnv<D>): number {
  const assumed: Answers = { ...answers };
  let n = 0;
  for (let j = from; j < steps.length; j++) {
    const step = steps[j]!;
    if (!applies(step, assumed, env)) continue;
    n++;
    if (step.input !== 'choice' || assumed[step.key] !== undefined) continue;
    let best: { value: string; count: number } | undefined;
    for (const choice of step.choices(assumed, env)) {
      const count = countFrom(steps, j + 1, { ...assumed, [step.key]: choice.value }, env);
      if (!best || count > best.count) best = { value: choice.value, count };
    }
    if (best) assumed[step.key] = best.value;
  }
  return n;
}

/** The position of steps[i] on the form's path: its number, the path's length, and whether it is the first. */
export function stepPosition<D>(
  steps: Step<D>[],
  i: number,
  answers: Answers,
  env: FormEnv<D>,
): { index: number; count: number; first: boolean } {
  const before = steps.slice(0, i).filter((s) => applies(s, answers, env)).length;
  return {
    index: before + 1,
    count: before + remaining(steps, i, answers, env),
    first: before === 0,
  };
}
