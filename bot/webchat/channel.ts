/**
 * The web channel: what a person does in the browser becomes a Telegram-shaped update handed to
 * the same bot (`bot.handleUpdate`), and what the bot says comes back through the transformer
 * into the chat's transcript. Before each update the web user's account is read from storage and
 * bound in the submitters' check, so /new asks the same question for both channels. Updates of
 * one chat are handled one at a time on this instance (the page also sends one at a time).
 */
import type { Bot } from 'grammy';
import type { Update, User } from 'grammy/types';
import type { BotContext } from '../context.ts';
import type { BotServices } from '../services.ts';
import type { WebAccounts, WebSession } from './accounts.ts';
import type { WebFiles } from './files.ts';
import { webCallbackId } from './transformer.ts';
import type { Transcripts } from './transcript.ts';

/** What a person did in the browser. */
export type WebInput =
  | { type: 'text'; text: string }
  | { type: 'button'; messageId: number; data: string }
  | { type: 'file'; name: string; mime: string; bytes: Uint8Array };

/** The longest text a person may send (Telegram's own limit). */
export const MAX_TEXT = 4096;

/** The parts a channel works with. */
export interface WebChannelParts {
  bot: Bot<BotContext>;
  services: Pick<BotServices, 'submitters' | 'repo'>;
  accounts: WebAccounts;
  files: WebFiles;
  transcripts: Transcripts;
}

/** The web channel of one bot. */
export class WebChannel {
  readonly parts: WebChannelParts;
  private readonly queues = new Map<number, Promise<unknown>>();
  private updateId = Math.floor(Math.random() * 1e9);

  constructor(parts: WebChannelParts) {
    this.parts = parts;
  }

  /** The web user as Telegram would describe them. */
  static user(session: WebSession): User {
    return {
      id: session.chatId,
      is_bot: false,
      first_name: '网页用户',
      language_code: session.lang === 'en' ? 'en' : 'zh-hans',
    };
  }

  /** Hands one input to the bot and resolves once it was handled (its replies are in the transcript). */
  handle(session: WebSession, input: WebInput): Promise<void> {
    const chatId = session.chatId;
    const run = (this.queues.get(chatId) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.handleNow(session, input));
    this.queues.set(chatId, run);
    void run
      .finally(() => {
        if (this.queues.get(chatId) === run) this.queues.delete(chatId);
      })
      .catch(() => undefined);
    return run;
  }

  private async handleNow(session: WebSession, input: WebInput): Promise<void> {
    const { bot, services, accounts } = this.parts;
    const account = await accounts.accountOf(session);
    const unit = account && services.repo.publisher.units.find((u) => u.id === account.unit);
    const user = WebChannel.user(session);
    services.submitters.bindWeb(
      user.id,
      unit
        ? {
            id: unit.id,
            name: unit.name,
            ...(unit.categories ? { categories: unit.categories } : {}),
          }
        : undefined,
    );
    try {
      await bot.handleUpdate(await this.update(user, input));
    } finally {
      services.submitters.bindWeb(user.id, undefined);
    }
  }

  /** The update Telegram would send for the input; the person's side is written to the transcript. */
  private async update(user: User, input: WebInput): Promise<Update> {
    const { transcripts, files } = this.parts;
    const chat = { id: user.id, type: 'private' as const, first_name: user.first_name };
    const date = Math.floor(Date.now() / 1000);
    const update_id = ++this.updateId;
    if (input.type === 'button') {
      const shown = await transcripts.message(user.id, input.messageId);
      const label = shown.buttons.flat().find((b) => b.data === input.data)?.text ?? input.data;
      const seq = await transcripts.append(user.id, {
        kind: 'user',
        text: `［${label}］`,
        at: Date.now(),
      });
      return {
        update_id,
        callback_query: {
          id: webCallbackId(user.id, seq),
          from: user,
          chat_instance: `web${user.id}`,
          data: input.data,
          message: {
            message_id: input.messageId,
            date,
            chat,
            text: shown.text,
            ...(shown.buttons.length
              ? {
                  reply_markup: {
                    inline_keyboard: shown.buttons.map((r) =>
                      r.map((b) => ({ text: b.text, callback_data: b.data })),
                    ),
                  },
                }
              : {}),
          },
        },
      } as Update;
    }
    if (input.type === 'file') {
      const fileId = await files.put(user.id, input.bytes, input.name, input.mime);
      const message_id = await transcripts.append(user.id, {
        kind: 'user',
        text: `📎 ${input.name}`,
        at: Date.now(),
      });
      return {
        update_id,
        message: {
          message_id,
          date,
          chat,
          from: user,
          document: {
            file_id: fileId,
            file_unique_id: fileId,
            file_name: input.name,
            mime_type: input.mime,
            file_size: input.bytes.byteLength,
          },
        },
      } as Update;
    }
    const text = input.text.slice(0, MAX_TEXT);
    const message_id = await transcripts.append(user.id, { kind: 'user', text, at: Date.now() });
    const command = /^\/[a-z_]+/i.exec(text);
    return {
      update_id,
      message: {
        message_id,
        date,
        chat,
        from: user,
        text,
        ...(command
          ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] }
          : {}),
      },
    } as Update;
  }
}
