/**
 * Conversations store every update of a form in their replay log. A button press carries a copy
 * of the whole message the button sits on (the summary: kilobytes), and a reply carries the
 * message it quotes; the bot never reads either, so they are trimmed before anything stores them.
 */
import type { NextFunction } from 'grammy';
import type { BotContext } from '../context.ts';

/** Keeps only the id, date and chat of a pressed button's message; drops quoted messages. */
export async function compactUpdates(ctx: BotContext, next: NextFunction): Promise<void> {
  const query = ctx.update.callback_query;
  if (query?.message) {
    const { message_id, date, chat } = query.message;
    (query as { message?: unknown }).message = { message_id, date, chat: { id: chat.id, type: chat.type } };
  }
  const message = ctx.update.message as (Record<string, unknown> & object) | undefined;
  if (message) {
    delete message.reply_to_message;
    delete message.external_reply;
    delete message.quote;
  }
  await next();
}
