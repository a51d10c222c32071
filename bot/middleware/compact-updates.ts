/**
 * Conversations store every update of a form in their replay log. A button press carries a copy
 * of the whole message the button sits on (the summary: kilobytes), and a reply carries the
 * message it quotes; the bot never reads either, so they are trimmed before anything stores them.
 */
import type { NextFunction } from 'grammy';
import type { BotContext } from '../context.ts';

type Loose = Record<string, unknown>;

/** The user as the bot uses it: id and language (for texts), name (for greetings). */
function compactUser(user: Loose | undefined): void {
  if (!user) return;
  for (const key of Object.keys(user))
    if (!['id', 'is_bot', 'first_name', 'language_code'].includes(key)) delete user[key];
}

/** Keeps only the id, date and chat of a pressed button's message; drops quoted messages and profile details. */
export async function compactUpdates(ctx: BotContext, next: NextFunction): Promise<void> {
  const query = ctx.update.callback_query;
  if (query?.message) {
    const { message_id, date, chat } = query.message;
    (query as { message?: unknown }).message = {
      message_id,
      date,
      chat: { id: chat.id, type: chat.type },
    };
  }
  compactUser(query?.from as unknown as Loose | undefined);
  const message = ctx.update.message as unknown as Loose | undefined;
  if (message) {
    delete message.reply_to_message;
    delete message.external_reply;
    delete message.quote;
    compactUser(message.from as Loose | undefined);
    const chat = message.chat as Loose;
    if (chat.type === 'private') message.chat = { id: chat.id, type: chat.type };
  }
  await next();
}
