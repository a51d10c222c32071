/**
 * /objection (异议): anyone names a public entry, states the grounds and may attach evidence. The
 * submission adds an "under objection" event with the deadline — 3 working days after receipt on
 * the official calendar (002, 异议处理; publisher.objection_working_days) — to the entry's history.
 */
import { addWorkingDays, CalendarGapError, recordShape } from '../../content/schema/index.ts';
import type { FormContext, FormConversation } from '../context.ts';
import { runForm } from '../form/engine.ts';
import { filesAsker } from '../form/files-step.ts';
import { schemaLeaves } from '../form/schema-walk.ts';
import type { Answers, Step } from '../form/step.ts';
import { amendRecord } from '../record/amend.ts';
import { checkLeaf } from '../record/field-check.ts';
import type { RecordRef } from '../record/repository.ts';
import { reviewOf, validateCandidate } from '../record/review.ts';
import { startForm, submitDraft, submittedText, type FlowKit } from './common.ts';
import { refLabel, targetStep } from './target-step.ts';

/** The conversation id of /objection. */
export const OBJECTION = 'objection';

/** The history event's note field: the grounds are checked by its schema. */
export const noteLeaf = () => schemaLeaves(recordShape).find((l) => l.path.join('.') === 'history.*.note')!;

/** The /objection conversation. */
export function objectionConversation(kit: FlowKit) {
  const { repo } = kit.services;
  const note = noteLeaf();
  const steps: Step<null>[] = [
    targetStep<null>(repo, { purpose: 'objection' }),
    {
      key: 'grounds', input: 'text', multiline: true,
      label: (env) => env.t('field-objection-grounds'),
      help: (_a, env) => env.t('objection-grounds-help', { field: note.description ?? '' }),
      check: (text, _a, env) => checkLeaf(note, text, env.lang),
    },
    { key: 'attachments.evidence', input: 'files', kind: 'evidence', max: 10, optional: true, label: (env) => env.t('field-objection-evidence'), help: (_a, env) => env.t('files-help-evidence') },
  ];
  return async function objection(conversation: FormConversation, ctx: FormContext): Promise<void> {
    const { io, env } = await startForm(conversation, ctx, kit, null);
    const { t } = env;
    const days = repo.publisher.objection_working_days;
    // The deadline (content/schema working-days.ts, the validator's own rule) must be known before
    // anyone types their grounds: beyond the official calendar, stop loudly instead of guessing.
    const due = await conversation.external(() => {
      try {
        return { ok: true as const, date: addWorkingDays(env.today, days) };
      } catch (error) {
        if (!(error instanceof CalendarGapError)) throw error;
        kit.services.log.error(`objection refused: ${error.message}`);
        return { ok: false as const, message: error.message };
      }
    });
    if (!due.ok) {
      await io.say(t('objection-calendar', { detail: due.message }));
      return;
    }
    const suffix = await conversation.external(() => kit.services.randomId(4));
    const amend = (a: Answers) => amendRecord(repo.root, a.target as RecordRef, { status: 'objection', date: env.today, note: a.grounds, due: due.date }, a, `objection-${suffix}`);
    await io.say(t('objection-intro', { days, due: due.date }));
    let answers: Answers = {};
    let atSummary = false;
    for (;;) {
      answers = await runForm(io, {
        title: t('objection-title'), steps, env, askFiles: filesAsker(kit.services, kit.config.maxFileBytes),
        review: (a) => io.guarded('checking the record', () => {
          const amended = amend(a);
          const problems = validateCandidate(repo, { file: amended.file, yaml: amended.yaml, attachments: amended.attachments.map((f) => f.path) }, env.today, env.lang);
          return reviewOf(problems, t, [t('objection-due', { due: due.date, days })]);
        }, () => ({ notes: [], problems: [t('check-failed')] })),
      }, answers, atSummary);
      const target = answers.target as RecordRef;
      const amended = await conversation.external(() => amend(answers));
      const id = `${target.id}-objection-${suffix}`;
      const submitted = await submitDraft(conversation, kit, {
        id, kind: 'objection', recordId: target.id, recordFile: amended.file, yaml: amended.yaml, attachments: amended.attachments,
        submitter: { chatId: ctx.chatId, userId: ctx.from?.id, language: env.lang },
        title: `异议：${target.name}（${target.id}）`,
        rows: [['记录', refLabel(target, env)], ['异议事由', String(answers.grounds)], ['收到日期', env.today], ['办理时限', due.date]],
        notes: [`异议最迟于 ${due.date} 核查处理完毕（收到后 ${days} 个工作日，按国务院办公厅节假日安排计算）。`],
        createdAt: await conversation.external(() => kit.services.now()),
      });
      if (submitted.ok) {
        await io.say(`${t('objection-received', { due: due.date, days })}\n${submittedText(t, submitted)}`);
        return;
      }
      await io.say(t('submit-failed', { error: submitted.error }));
      atSummary = true;
    }
  };
}
