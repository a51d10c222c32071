/**
 * The chat side of the approvals: the 通过 / 退回 buttons under a review request, and the comment
 * a reviewer writes after 退回 (a force-reply prompt; any text that is not a command counts). A
 * command instead of the comment drops the pending 退回. Installed before the forms, so a button
 * pressed during a form still works and a comment is not taken as a form answer.
 */
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import { DECISION_PATTERN, type Role } from './request.ts';
import type { BotServices } from '../services.ts';
import type { Reply } from './rules.ts';

/** Telegram shows at most 200 characters in a button's answer. */
const ANSWER_MAX = 190;

/** The approvals' handlers (services.approvals is read per update: it is made once the bot exists). */
export function approvalHandlers(services: Pick<BotServices, 'approvals'>): Composer<BotContext> {
  const outer = new Composer<BotContext>();
  const composer = outer.filter(() => services.approvals !== undefined);
  const say = (ctx: BotContext, reply: Reply): string =>
    [
      ctx.t(reply.key, {
        ...reply.vars,
        ...Object.fromEntries(
          Object.entries(reply.roles ?? {}).map(([k, role]) => [k, ctx.t(`approval-role-${role}`)]),
        ),
      }),
      ...(reply.then ? [say(ctx, reply.then)] : []),
    ].join('\n');

  composer.callbackQuery(DECISION_PATTERN, async (ctx) => {
    const [, action, role, id] = ctx.match as RegExpMatchArray;
    const approvals = services.approvals!;
    const reply =
      action === 'ok'
        ? await approvals.approve(ctx.from.id, role as Role, id!)
        : await approvals.startRejection(ctx.from.id, role as Role, id!, new Date());
    const text = say(ctx, reply);
    await ctx.answerCallbackQuery({ text: text.slice(0, ANSWER_MAX) });
    // A decided or stale request loses its buttons, so it is not pressed again by mistake.
    if (reply.done || /^approval-(reviewed|merged|not-merged)/.test(reply.key))
      await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(
      text,
      reply.key === 'approval-reject-ask' ? { reply_markup: { force_reply: true } } : {},
    );
  });

  composer.on('message:text', async (ctx, next) => {
    const approvals = services.approvals!;
    if (ctx.msg.text.startsWith('/')) {
      const dropped = await approvals.dropPending(ctx.from.id);
      if (dropped) await ctx.reply(ctx.t('approval-reject-dropped', { id: dropped }));
      return next();
    }
    const reply = await approvals.reject(ctx.from.id, ctx.msg.text.trim(), new Date());
    if (!reply) return next();
    await ctx.reply(say(ctx, reply));
  });
  return outer;
}
