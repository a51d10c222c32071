/**
 * The commands outside forms: /start, /help, /status, and the way into each form. /new is for
 * allow-listed submitters; everyone else is told their user id and whom to ask.
 */
import { Composer } from 'grammy';
import { chinaDateTime } from '../../content/schema/index.ts';
import type { BotContext } from '../context.ts';
import type { BotServices } from '../services.ts';
import { NEW_RECORD } from './new-record.ts';
import { OBJECTION } from './objection.ts';
import { REPAIR } from './repair.ts';

export { COMMANDS } from '../command-names.ts';

/** Handlers of the public commands and the form entries. */
export function publicCommands(services: BotServices): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType('private');
  composer
    .chatType(['group', 'supergroup', 'channel'])
    .command(['start', 'new', 'objection', 'repair', 'status', 'help'], (ctx) =>
      ctx.reply(ctx.t('private-only')),
    );

  privateChat.command('start', async (ctx) => {
    // A deep link (t.me/<bot>?start=objection-<id>, or the web chat's ?start=) opens the objection
    // with the entry chosen, or the repair application.
    const deep = /^(objection|repair)-([\w-]{1,80})$/.exec(ctx.match);
    if (deep?.[1] === 'objection') return ctx.conversation.enter(OBJECTION, deep[2]!);
    if (deep?.[1] === 'repair') return ctx.conversation.enter(REPAIR, deep[2]!);
    const unit = services.submitters.unitOf(ctx.from.id);
    await ctx.reply(
      ctx.t(unit ? 'start-submitter' : 'start-public', {
        unit: unit?.name ?? '',
        publisher: services.repo.publisher.name,
      }),
    );
  });
  privateChat.command('help', (ctx) =>
    ctx.reply(ctx.t('help', { days: services.repo.publisher.objection_working_days })),
  );

  privateChat.command('new', async (ctx) => {
    const unit = services.submitters.unitOf(ctx.from.id);
    if (!unit) {
      await ctx.reply(ctx.t('new-not-allowed', { id: String(ctx.from.id) }));
      return;
    }
    await ctx.conversation.enter(NEW_RECORD, unit.id);
  });
  privateChat.command('objection', (ctx) => ctx.conversation.enter(OBJECTION));
  privateChat.command('repair', (ctx) => ctx.conversation.enter(REPAIR));

  privateChat.command('status', async (ctx) => {
    const mine = ctx.session.submissions.slice(-10).reverse();
    if (!mine.length) {
      await ctx.reply(ctx.t('status-none'));
      return;
    }
    const lines = await Promise.all(
      mine.map(async (s) => {
        const state = await services.sink.status(s.id).catch(() => undefined);
        const where = !state
          ? ctx.t('status-unknown')
          : state.review?.state === 'merged'
            ? ctx.t('status-merged', { url: state.review.url })
            : state.review?.state === 'closed'
              ? ctx.t('status-closed', {
                  url: state.review.url,
                  comment: state.review.comment ?? '',
                })
              : // The approvals are the publisher's internal chain: an objector or applicant is told only that it is being handled.
                state.review?.state === 'open'
                ? s.kind === 'new'
                  ? ctx.t('status-open', {
                      url: state.review.url,
                      approvals: state.review.approvals,
                    })
                  : ctx.t('status-handling', { url: state.review.url })
                : state.delivered
                  ? ctx.t('status-delivered', { url: state.pullRequest?.url ?? '' })
                  : ctx.t('status-queued');
        return `• ${s.title}\n  ${chinaDateTime(s.createdAt)} · ${where}`;
      }),
    );
    await ctx.reply(`${ctx.t('status-title')}\n${lines.join('\n')}`, {
      link_preview_options: { is_disabled: true },
    });
  });
  return composer;
}
