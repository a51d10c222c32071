/**
 * The loop every submitting conversation runs (/new, /objection, /repair): ask the form to its
 * summary, review the candidate record there exactly as the validator would, submit on Confirm,
 * and on a failed submission say so and return to the summary with the answers kept.
 */
import type { IsoDate, Problem } from '../../content/schema/index.ts';
import type { FormConversation } from '../context.ts';
import { runForm } from '../form/engine.ts';
import { filesAsker } from '../form/files-step.ts';
import type { FormIO } from '../form/io.ts';
import type { Answers, FormEnv, Step } from '../form/step.ts';
import type { PlannedFile } from '../record/build.ts';
import { reviewOf, validateCandidate } from '../record/review.ts';
import type { SubmissionDraft } from '../submission.ts';
import { submitDraft, type FlowKit, type Submitted } from './common.ts';

/** The record file a form's answers would submit, as its summary checks it. */
export interface Candidate {
  file: string;
  yaml: string;
  attachments: readonly PlannedFile[];
  /** The day the validator checks the record on. */
  date: IsoDate;
  /** Lines the summary shows above the validator's warnings. */
  notes?: string[];
  /** Problems that are not the person's to fix, left out of the summary. */
  ignore?: (problem: Problem) => boolean;
}

/** What a confirmed form submits, and what it says once submitted. */
export interface Confirmed {
  /** The submission; its creation time is added when it is submitted. */
  draft: Omit<SubmissionDraft, 'createdAt'>;
  /** Tells the person their submission was stored. */
  done(submitted: Extract<Submitted, { ok: true }>): Promise<void>;
}

/** A submitting conversation's form. */
export interface SubmitFlow<D> {
  /** The summary's heading. */
  title: string;
  steps: Step<D>[];
  env: FormEnv<D>;
  /** The candidate record of some answers (runs inside `conversation.external`). */
  candidate(answers: Answers): Candidate;
  /** The submission of the confirmed answers (its side effects inside `conversation.external`). */
  confirm(answers: Answers): Promise<Confirmed>;
  /** The reply when the submission could not be stored. */
  failed(error: string): string;
  /** Answers given before the form (a deep link's entry) and the step to ask first. */
  start?: { answers: Answers; at: number };
}

/** Runs a form to a stored submission: review, Confirm, submit, and back to the summary on failure. */
export async function reviewAndSubmit<D>(
  conversation: FormConversation,
  io: FormIO,
  kit: FlowKit,
  flow: SubmitFlow<D>,
): Promise<void> {
  const { env } = flow;
  const { t } = env;
  const askFiles = filesAsker(kit.services, kit.config.maxFileBytes);
  const review = (a: Answers) =>
    io.guarded(
      'checking the record',
      () => {
        const c = flow.candidate(a);
        const problems = validateCandidate(
          kit.services.repo,
          { file: c.file, yaml: c.yaml, attachments: c.attachments.map((f) => f.path) },
          c.date,
          env.lang,
        );
        return reviewOf(
          c.ignore ? problems.filter((p) => !c.ignore!(p)) : problems,
          env.lang,
          c.notes,
        );
      },
      () => ({ notes: [], problems: [t('check-failed')] }),
    );
  let answers: Answers = { ...flow.start?.answers };
  let atSummary = false;
  for (;;) {
    answers = await runForm(
      io,
      { title: flow.title, steps: flow.steps, env, askFiles, review },
      answers,
      atSummary,
      flow.start?.at,
    );
    const confirmed = await flow.confirm(answers);
    const submitted = await submitDraft(conversation, kit, {
      ...confirmed.draft,
      createdAt: await conversation.external(() => kit.services.now()),
    });
    if (submitted.ok) return confirmed.done(submitted);
    await io.say(flow.failed(submitted.error));
    atSummary = true;
  }
}
