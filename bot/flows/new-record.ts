/**
 * /new: an allow-listed submitter answers the schema's questions; on Confirm the record is built,
 * validated exactly as `npm run validate` does, and handed to the sink with its attachments.
 */
import { LIST_NAMES, type ListId } from '../../content/schema/index.ts';
import type { FormContext, FormConversation } from '../context.ts';
import type { Answers } from '../form/step.ts';
import { buildNewRecord } from '../record/build.ts';
import { newRecordSteps, type NewRecordData } from '../record/new-steps.ts';
import { startForm, submittedText, submitterUnit, type FlowKit } from './common.ts';
import { reviewAndSubmit } from './submit.ts';

/** The conversation id of /new. */
export const NEW_RECORD = 'new-record';

/** The /new conversation; `unitId` comes from the allow-list when it is entered. */
export function newRecordConversation(kit: FlowKit) {
  const steps = newRecordSteps();
  const { repo } = kit.services;
  return async function newRecord(
    conversation: FormConversation,
    ctx: FormContext,
    unitId: string,
  ): Promise<void> {
    const unit = submitterUnit(kit.services, unitId);
    const data: NewRecordData = { publisher: repo.publisher, categories: repo.categories, unit };
    const { io, env } = await startForm(conversation, ctx, kit, data);
    const { t } = env;
    // The record id's random part is drawn once: the same answers always give the same file.
    const suffix = await conversation.external(() => kit.services.randomId(6));
    const build = (answers: Answers) =>
      buildNewRecord(answers, { suffix, unit: unit.name, sample: repo.publisher.sample });
    await io.say(t('new-intro', { unit: unit.name }));
    await reviewAndSubmit(conversation, io, kit, {
      title: t('new-title'),
      steps,
      env,
      candidate: (a) => {
        const built = build(a);
        return { ...built, date: env.today, notes: [t('new-file', { file: built.file })] };
      },
      confirm: async (answers) => {
        const built = build(answers);
        const record = built.record as { id: string; list: ListId; subject: { name: string } };
        return {
          draft: {
            id: record.id,
            kind: 'new',
            recordId: record.id,
            recordFile: built.file,
            yaml: built.yaml,
            attachments: built.attachments,
            submitter: {
              unit: unit.name,
              userId: ctx.from?.id,
              chatId: ctx.chatId,
              language: env.lang,
            },
            title: `新增${LIST_NAMES[record.list].zh}记录：${record.subject.name}（${record.id}）`,
          },
          done: (submitted) => io.say(submittedText(t, submitted)),
        };
      },
      failed: (error) => t('submit-failed', { error }),
    });
  };
}
