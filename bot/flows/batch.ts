/**
 * /batch: an allow-listed submitter gets the spreadsheet template of their unit (bot/batch/), fills
 * it and sends it back (.xlsx or .csv); every row is checked as /new checks one record, and the
 * answer is the summary ("共 48 行：45 行可提交，3 行有问题") with the workbook annotated on each
 * bad cell. When every row passes, one confirmation hands ONE submission (all rows, one commit)
 * to the sink, durable and idempotent exactly as a single submission. The conversation keeps only
 * the file's id: its bytes are fetched again, and checked again, on Confirm.
 */
import { Composer, InputFile } from 'grammy';
import { annotateBatch } from '../batch/annotate.ts';
import { checkBatch, type BatchCheck } from '../batch/check.ts';
import { MAX_BYTES } from '../batch/limits.ts';
import { batchSubmission } from '../batch/submission.ts';
import { problemLines, summaryLine } from '../batch/summary.ts';
import { buildTemplate } from '../batch/template.ts';
import type { BotContext, FormContext, FormConversation } from '../context.ts';
import { FileTooBig } from '../files.ts';
import { branchFor } from '../forge/types.ts';
import type { Input } from '../form/io.ts';
import type { BotServices } from '../services.ts';
import {
  rememberSubmission,
  startForm,
  submittedText,
  submitterUnit,
  type FlowKit,
} from './common.ts';

/** The conversation id of /batch. */
export const BATCH = 'batch';

/** At most this many problem lines in the chat; the workbook holds them all. */
const SHOWN_PROBLEMS = 10;

/** The /batch command: allow-listed submitters only. */
export function batchCommand(services: BotServices): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType('private').command('batch', async (ctx) => {
    const unit = services.submitters.unitOf(ctx.from.id);
    if (!unit) {
      await ctx.reply(ctx.t('new-not-allowed', { id: String(ctx.from.id) }));
      return;
    }
    await ctx.conversation.enter(BATCH, unit.id);
  });
  return composer;
}

/** The /batch conversation. */
export function batchConversation(kit: FlowKit) {
  const { repo } = kit.services;
  return async function batch(
    conversation: FormConversation,
    ctx: FormContext,
    unitId: string,
  ): Promise<void> {
    const unit = submitterUnit(kit.services, unitId);
    const { io, env } = await startForm(conversation, ctx, kit, {});
    const { t, lang, today } = env;
    const chatId = ctx.chatId!;
    await conversation.external(async (octx) => {
      const bytes = await buildTemplate({
        categories: repo.categories,
        region: repo.publisher.region,
        ...(unit.categories ? { unitCategories: unit.categories } : {}),
        today,
        lang,
      });
      await octx.api.sendDocument(chatId, new InputFile(bytes, `批量报送模板-${unit.id}.xlsx`), {
        caption: t('batch-template', { unit: unit.name }),
      });
    });
    // Called inside conversation.external only (it downloads and reads the repository).
    const check = async (
      fileId: string,
      name: string,
    ): Promise<{ bytes?: Uint8Array; check?: BatchCheck; error?: string }> => {
      try {
        const bytes = await kit.services.files.download(fileId, MAX_BYTES);
        return {
          bytes,
          check: await checkBatch(bytes, name, { repo, unit, today }),
        };
      } catch (error) {
        if (error instanceof FileTooBig)
          return { error: t('batch-too-big', { mb: MAX_BYTES / 1024 / 1024 }) };
        kit.services.log.error(`update ${io.ctx.update.update_id}: reading a batch failed`, error);
        return { error: t('check-failed') };
      }
    };
    // A file sent at the confirmation is checked in its turn, as if sent first.
    let next: Input | undefined;
    for (;;) {
      io.nextQuestion();
      const input = next ?? (await io.receive());
      next = undefined;
      if (input.type !== 'file' || input.file.photo) {
        await io.say(t('batch-send-file'), [], { cancel: true });
        continue;
      }
      const name = input.file.name ?? 'batch.xlsx';
      if (!/\.(xlsx|csv)$/i.test(name)) {
        await io.say(t('batch-file-type', { name }), [], { cancel: true });
        continue;
      }
      // Only a small answer is kept in the conversation's log: the check runs again on Confirm.
      const verdict = await conversation.external(async (octx) => {
        const r = await check(input.file.fileId, name);
        if (!r.check) return { error: r.error ?? t('check-failed') };
        const summary = [
          summaryLine(r.check, lang),
          ...problemLines(r.check, lang).slice(0, SHOWN_PROBLEMS),
        ];
        const more = r.check.problems.length - SHOWN_PROBLEMS;
        if (more > 0) summary.push(t('batch-more', { count: more }));
        if (!r.check.ok && !r.check.read.refused) {
          const annotated = await annotateBatch(r.bytes!, r.check, lang);
          await octx.api.sendDocument(
            chatId,
            new InputFile(annotated, name.replace(/\.(xlsx|csv)$/i, '.checked.xlsx')),
            { caption: t('batch-annotated') },
          );
        }
        return { ok: r.check.ok, text: summary.join('\n'), rows: r.check.rows.length };
      });
      if ('error' in verdict) {
        await io.say(verdict.error!, [], { cancel: true });
        continue;
      }
      if (!verdict.ok) {
        await io.say(`${verdict.text}\n\n${t('batch-fix')}`, [], { cancel: true });
        continue;
      }
      io.nextQuestion();
      await io.say(
        `${verdict.text}\n\n${t('batch-confirm', { count: verdict.rows })}`,
        [[{ text: t('button-confirm'), action: 'confirm' }]],
        { cancel: true },
      );
      const answer = await io.receive();
      if (answer.type === 'file') {
        next = answer;
        continue;
      }
      if (answer.type !== 'button' || answer.action !== 'confirm') {
        await io.say(t('batch-send-file'), [], { cancel: true });
        continue;
      }
      const createdAt = await io.external(() => kit.services.now());
      const submitted = await conversation.external(async (octx) => {
        try {
          const r = await check(input.file.fileId, name);
          if (!r.check?.ok) return { ok: false as const, error: r.error ?? t('check-failed') };
          const submission = batchSubmission(
            r.check,
            {
              unit: unit.name,
              language: lang,
              ...(octx.from ? { userId: octx.from.id } : {}),
              chatId,
            },
            createdAt,
          );
          await kit.services.sink.submit(submission);
          rememberSubmission(octx, { ...submission, createdAt });
          const status = await kit.services.sink.status(submission.id);
          return {
            ok: true as const,
            id: submission.id,
            kind: submission.kind,
            branch: branchFor(submission.id),
            ...(status.pullRequest ? { url: status.pullRequest.url } : {}),
          };
        } catch (error) {
          kit.services.log.error(`batch submission could not be stored`, error);
          return {
            ok: false as const,
            error: error instanceof Error ? error.message : String(error),
          };
        }
      });
      if (submitted.ok) {
        await io.say(submittedText(t, submitted));
        return;
      }
      await io.say(t('submit-failed', { error: submitted.error }), [], { cancel: true });
    }
  };
}
