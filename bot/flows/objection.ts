/**
 * /objection (异议): anyone names a public entry, states the grounds and may attach evidence. The
 * submission adds an "under objection" event with the deadline — 3 working days after receipt on
 * the official calendar (002, 异议处理; publisher.objection_working_days) — to the entry's history.
 * The objection is always received: beyond the calendar the deadline is recorded as pending, the
 * administrators are told, and the review CLI fills it in once the calendar file is added.
 */
import {
  calendarFile,
  DUE_PENDING,
  recordShape,
  workingCalendarOf,
  type Deadline,
  valueName,
} from '../../content/schema/index.ts';
import type { FormContext, FormConversation } from '../context.ts';
import { schemaLeaves } from '../form/schema-walk.ts';
import type { Answers, Step } from '../form/step.ts';
import { amendRecord } from '../record/amend.ts';
import { checkLeaf } from '../record/field-check.ts';
import type { RecordRef } from '../record/repository.ts';
import { startForm, submittedText, type FlowKit, type Submitted } from './common.ts';
import { reviewAndSubmit } from './submit.ts';
import { evidenceStep } from './evidence-step.ts';
import { presetTarget, targetStep } from './target-step.ts';

/** The conversation id of /objection. */
export const OBJECTION = 'objection';

/** The history event's note field: the grounds are checked by its schema. */
export const noteLeaf = () =>
  schemaLeaves(recordShape).find((l) => l.path.join('.') === 'history.*.note')!;

/** The /objection conversation. */
export function objectionConversation(kit: FlowKit) {
  const { repo } = kit.services;
  const note = noteLeaf();
  const targetQuestion = targetStep<null>(repo, { purpose: 'objection' });
  const steps: Step<null>[] = [
    targetQuestion,
    {
      key: 'grounds',
      input: 'text',
      multiline: true,
      label: (env) => env.t('objection-grounds'),
      help: (_a, env) => env.t('objection-grounds-help', { field: note.description ?? '' }),
      check: (text, _a, env) => checkLeaf(note, text, env.lang),
    },
    evidenceStep((env) => valueName('attachments.*.kind', 'evidence', env.lang)),
  ];
  return async function objection(
    conversation: FormConversation,
    ctx: FormContext,
    /** The entry a deep link named (`/start objection-<id>`, bot/webchat and the site's links). */
    preset?: string,
  ): Promise<void> {
    const { io, env } = await startForm(conversation, ctx, kit, null);
    const { t } = env;
    const days = repo.publisher.objection_working_days;
    // An objection is a right: it is received whatever the calendar knows. Its deadline is computed
    // from the day it is confirmed, on the publisher's calendar (content/calendar over chinese-days),
    // and stays pending when that calendar does not reach it yet (never guessed).
    const deadlineOn = (date: string): Deadline =>
      workingCalendarOf(repo.root).deadline(date, days);
    const event = (a: Answers, date: string, d: Deadline) => ({
      status: 'objection',
      date,
      note: a.grounds,
      due: 'due' in d ? d.due : DUE_PENDING,
    });
    const dueNote = (d: Deadline) =>
      'due' in d
        ? t('objection-due', { due: d.due, days })
        : t('objection-due-pending', { days, year: String(d.pending) });
    const suffix = await conversation.external(() => kit.services.randomId(4));
    const amend = (a: Answers, date: string, d: Deadline) =>
      amendRecord(repo.root, a.target as RecordRef, event(a, date, d), a, `objection-${suffix}`);
    await io.say(t('objection-intro', { days }));
    const start = await presetTarget(io, targetQuestion, preset, env);
    await reviewAndSubmit(conversation, io, kit, {
      ...(start ? { start } : {}),
      title: t('objection-title'),
      steps,
      env,
      candidate: (a) => {
        // The summary previews the deadline of a confirmation now (inside external: the clock is read once).
        const today = kit.services.today();
        const d = deadlineOn(today);
        return {
          ...amend(a, today, d),
          date: today,
          notes: [dueNote(d)],
          // The deadline is the publisher's to keep: what the validator says of it is not the objector's to fix.
          ignore: (p) => /^history\.\d+\.due$/.test(p.field),
        };
      },
      confirm: async (answers) => {
        const target = answers.target as RecordRef;
        // Received on the day of Confirm (a form may span midnight), by the clock at that moment.
        const receipt = await conversation.external(() => {
          const date = kit.services.today();
          return { date, deadline: deadlineOn(date) };
        });
        const { date: received, deadline } = receipt;
        const amended = await conversation.external(() => amend(answers, received, deadline));
        const id = `${target.id}-objection-${suffix}`;
        const dueText =
          'due' in deadline
            ? `异议须于 ${deadline.due}（含当日）前核查处理（收到后 ${days} 个工作日，按国务院办公厅节假日安排计算）。`
            : `办理时限待定：收到后 ${days} 个工作日内，按国务院办公厅节假日安排计算；${deadline.pending} 年的安排尚未收录（due: ${DUE_PENDING}）。公布后添加 ${calendarFile(deadline.pending)}，再运行 npm run review -- deadlines --write 填写。`;
        const draft = {
          id,
          kind: 'objection' as const,
          recordId: target.id,
          recordFile: amended.file,
          yaml: amended.yaml,
          attachments: amended.attachments,
          submitter: { chatId: ctx.chatId, userId: ctx.from?.id, language: env.lang },
          title: `异议：${target.name}（${target.id}）`,
          notes: [dueText],
        };
        const done = async (submitted: Extract<Submitted, { ok: true }>) => {
          if ('pending' in deadline) {
            await conversation.external(async () => {
              const { alerts, log } = kit.services;
              if (!alerts)
                return log.info(
                  `objection ${id}: deadline pending until the ${deadline.pending} calendar is added; no administrator alerts are wired`,
                );
              await alerts
                .calendarGap(deadline.pending, target.id)
                .catch((e) => log.error(`objection ${id}: alerting the administrators failed`, e));
            });
          }
          const receivedText =
            'due' in deadline
              ? t('objection-received', { received, due: deadline.due, days })
              : t('objection-received-pending', { received, days, year: String(deadline.pending) });
          await io.say(`${receivedText}\n${submittedText(t, submitted)}`);
        };
        return { draft, done };
      },
      failed: () => t('objection-submit-failed', { phone: repo.publisher.contact.phone }),
    });
  };
}
