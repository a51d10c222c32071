/**
 * /cancel and the cancel button, installed before the conversations so they end any form at any
 * step (a conversation waiting for an answer never sees them).
 */
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import { CANCEL_DATA } from '../form/io.ts';

/** Ends every active form of the chat. */
export function cancelHandler(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const cancel = async (ctx: BotContext) => {
    const active = Object.keys(await ctx.conversation.active()).length;
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t(active ? 'cancelled' : 'nothing-to-cancel'));
  };
  composer.command('cancel', cancel);
  composer.callbackQuery(CANCEL_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await cancel(ctx);
  });
  return composer;
}
