/**
 * The conversation's side of the chat: sending questions, waiting for answers and reading what
 * arrived. Messages are sent inside `conversation.external` and only their message id is kept,
 * so the replay log holds updates and ids, not every message the bot wrote (see bench.ts for the
 * bytes per form this keeps).
 */
import type { InlineKeyboardButton } from 'grammy/types';
import type { FormContext, FormConversation } from '../context.ts';
import type { Logger } from '../services.ts';

/** The callback data of the cancel button; handled before conversations, so it works everywhere. */
export const CANCEL_DATA = 'cancel';

/** What a button does inside a form. */
export type Action = 'value' | 'option' | 'back' | 'skip' | 'done' | 'edit' | 'confirm';
const ACTION_CODES: Record<Action, string> = {
  value: 'v',
  option: 'o',
  back: 'b',
  skip: 's',
  done: 'd',
  edit: 'e',
  confirm: 'c',
};
const CODE_ACTIONS = Object.fromEntries(
  Object.entries(ACTION_CODES).map(([a, c]) => [c, a as Action]),
);

/** What arrived from the user. */
export type Input =
  | { type: 'text'; text: string }
  | { type: 'command'; command: string }
  | { type: 'button'; action: Action; index: number }
  | { type: 'stale' }
  | { type: 'file'; file: IncomingFile }
  | { type: 'other' };

/** A photo or document as Telegram describes it. */
export interface IncomingFile {
  fileId: string;
  size?: number;
  name?: string;
  mime?: string;
  caption?: string;
  photo: boolean;
}

/** A button of a form question. */
export interface Button {
  text: string;
  action: Action;
  index?: number;
}

/** The conversation's chat handle: one per conversation run, replayed deterministically. */
export class FormIO {
  /** Number of the current question; old questions' buttons are recognised as stale. */
  private seq = 0;

  readonly conversation: FormConversation;
  /** The context of the latest update. */
  ctx: FormContext;
  /** A few random characters fixed at the start, so buttons of an earlier form never match. */
  private readonly nonce: string;
  private readonly cancelLabel: string;
  private readonly log: Logger;

  constructor(
    conversation: FormConversation,
    ctx: FormContext,
    nonce: string,
    cancelLabel: string,
    log: Logger,
  ) {
    this.conversation = conversation;
    this.ctx = ctx;
    this.nonce = nonce;
    this.cancelLabel = cancelLabel;
    this.log = log;
  }

  /** Starts a new question: buttons from earlier ones become stale. */
  nextQuestion(): void {
    this.seq++;
  }

  /** Sends a message with this question's buttons (rows), plus the cancel button when asked. */
  async say(
    text: string,
    rows: Button[][] = [],
    options: { cancel?: boolean } = {},
  ): Promise<void> {
    const keyboard: InlineKeyboardButton[][] = rows.map((row) =>
      row.map((b) => ({ text: b.text, callback_data: this.data(b) })),
    );
    if (options.cancel) keyboard.push([{ text: this.cancelLabel, callback_data: CANCEL_DATA }]);
    const chatId = this.ctx.chatId;
    if (chatId === undefined)
      throw new Error('a form message has no chat to go to: forms run in private chats only');
    const body = text.length > 4096 ? `${text.slice(0, 4090)}…` : text;
    await this.conversation.external(async (octx) => {
      await octx.api.sendMessage(chatId, body, {
        ...(keyboard.length ? { reply_markup: { inline_keyboard: keyboard } } : {}),
        link_preview_options: { is_disabled: true },
      });
    });
  }

  /** Runs a side effect once; on replay its stored result is returned. */
  external<R>(task: () => Promise<R> | R): Promise<R> {
    return this.conversation.external(() => task());
  }

  /**
   * A side effect whose failure must not end the form (an error thrown in a conversation deletes
   * it): the error is logged once, and `fallback` answers instead.
   */
  guarded<R>(what: string, task: () => Promise<R> | R, fallback: () => R): Promise<R> {
    const updateId = this.ctx.update.update_id;
    return this.conversation.external(async () => {
      try {
        return await task();
      } catch (error) {
        this.log.error(`update ${updateId}: ${what} failed`, error);
        return fallback();
      }
    });
  }

  /** Waits for the next update and reads it; buttons are acknowledged at once. */
  async receive(): Promise<Input> {
    const ctx = await this.conversation.wait();
    this.ctx = ctx;
    const input = readInput(ctx, `f${this.nonce}.${this.seq}.`);
    if (ctx.callbackQuery)
      await ctx.answerCallbackQuery(
        input.type === 'stale' ? { text: ctx.t('button-stale') } : undefined,
      );
    return input;
  }

  private data(b: Button): string {
    return `f${this.nonce}.${this.seq}.${ACTION_CODES[b.action]}${b.index ?? ''}`;
  }
}

/** Reads an update as a form input; prefix identifies the current question's buttons. */
export function readInput(ctx: FormContext, prefix: string): Input {
  const data = ctx.callbackQuery?.data;
  if (ctx.callbackQuery) {
    if (!data?.startsWith(prefix)) return { type: 'stale' };
    const m = /^([a-z])(\d*)$/.exec(data.slice(prefix.length));
    const action = m ? CODE_ACTIONS[m[1]!] : undefined;
    return action ? { type: 'button', action, index: Number(m![2] || 0) } : { type: 'stale' };
  }
  const msg = ctx.message;
  if (!msg) return { type: 'other' };
  if (msg.text !== undefined) {
    const command = /^\/([a-z_]+)(?:@\w+)?(?:\s|$)/i.exec(msg.text);
    return command
      ? { type: 'command', command: command[1]!.toLowerCase() }
      : { type: 'text', text: msg.text };
  }
  if (msg.photo?.length) {
    const largest = msg.photo[msg.photo.length - 1]!;
    return {
      type: 'file',
      file: { fileId: largest.file_id, size: largest.file_size, caption: msg.caption, photo: true },
    };
  }
  if (msg.document) {
    const d = msg.document;
    return {
      type: 'file',
      file: {
        fileId: d.file_id,
        size: d.file_size,
        name: d.file_name,
        mime: d.mime_type,
        caption: msg.caption,
        photo: false,
      },
    };
  }
  return { type: 'other' };
}
