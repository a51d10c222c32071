/**
 * The grammY API transformer that makes the web chat a channel: a call whose chat is a web chat
 * (ids.ts) never reaches Telegram; it is written to the chat's transcript and answered with the
 * object Telegram would return, so the flows, the outbox's notices and the reminders do not know
 * which channel they talk to. Installed on bot.api and, through the conversations' `plugins`, on
 * the API object of every conversation.
 */
import { InputFile, type Transformer } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { WebFiles } from './files.ts';
import { isWebChat } from './ids.ts';
import type { Transcripts, WebButton } from './transcript.ts';

type Payload = Record<string, unknown>;

/** Telegram's inline keyboard as the browser's buttons (URL buttons keep their URL as data). */
export function buttonsOf(markup: unknown): WebButton[][] {
  const rows = (markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? [];
  return rows.map((row) =>
    row.map((b) => ({
      text: b.text,
      data: 'callback_data' in b ? String(b.callback_data) : 'url' in b ? `url:${b.url}` : '',
    })),
  );
}

/** The callback query ids the web channel gives its button presses: web.<chat>.<n>. */
export const webCallbackId = (chatId: number, n: number) => `web.${chatId}.${n}`;
const chatOfCallback = (id: unknown) =>
  typeof id === 'string' && /^web\.-\d+\.\d+$/.test(id) ? Number(id.split('.')[1]) : undefined;

const ok = (result: unknown) => ({ ok: true as const, result });
const refuse = (method: string) => ({
  ok: false as const,
  error_code: 400,
  description: `Bad Request: the web chat does not support ${method} (bot/webchat/transformer.ts)`,
});

/** The transformer for one bot's web chats. */
export function webTransformer(transcripts: Transcripts, files: WebFiles): Transformer {
  const message = (chatId: number, id: number, fields: Payload) => ({
    message_id: id,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: 'private', first_name: '网页用户' },
    ...fields,
  });
  const deliver = async (chatId: number, method: string, p: Payload) => {
    switch (method) {
      case 'sendMessage': {
        const text = String(p.text ?? '');
        const buttons = buttonsOf(p.reply_markup);
        const id = await transcripts.append(chatId, { kind: 'bot', text, buttons, at: Date.now() });
        return ok(
          message(chatId, id, {
            text,
            ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
          }),
        );
      }
      case 'editMessageText':
      case 'editMessageReplyMarkup': {
        const id = Number(p.message_id);
        await transcripts.append(chatId, {
          kind: 'edit',
          id,
          ...(p.text !== undefined ? { text: String(p.text) } : {}),
          buttons: buttonsOf(p.reply_markup),
        });
        const now = await transcripts.message(chatId, id);
        return ok(message(chatId, id, { text: now.text }));
      }
      case 'deleteMessage':
        await transcripts.append(chatId, { kind: 'delete', id: Number(p.message_id) });
        return ok(true);
      case 'sendChatAction':
        return ok(true);
      case 'sendDocument':
      case 'sendPhoto': {
        const input = p.document ?? p.photo;
        const fileId =
          input instanceof InputFile
            ? await files.put(chatId, await rawBytes(input), input.filename ?? 'file', '')
            : String(input);
        const name = (input instanceof InputFile && input.filename) || fileId;
        const caption = p.caption === undefined ? undefined : String(p.caption);
        const id = await transcripts.append(chatId, {
          kind: 'file',
          name,
          fileId,
          ...(caption ? { caption } : {}),
          at: Date.now(),
        });
        return ok(
          message(chatId, id, {
            document: { file_id: fileId, file_unique_id: fileId, file_name: name },
          }),
        );
      }
      default:
        return refuse(method);
    }
  };
  return async (prev, method, payload, signal) => {
    const p = (payload ?? {}) as Payload;
    const callbackChat = chatOfCallback(p.callback_query_id);
    if (method === 'answerCallbackQuery' && callbackChat !== undefined) {
      if (p.text) await transcripts.append(callbackChat, { kind: 'toast', text: String(p.text) });
      return ok(true) as never;
    }
    if (method === 'getFile' && files.owns(p.file_id)) {
      const meta = await files.meta(String(p.file_id));
      if (!meta)
        return { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' } as never;
      return ok({
        file_id: p.file_id,
        file_unique_id: p.file_id,
        file_size: meta.size,
        file_path: p.file_id,
      }) as never;
    }
    if (!isWebChat(p.chat_id)) return prev(method, payload, signal);
    return (await deliver(Number(p.chat_id), method, p)) as never;
  };
}

/** The bytes of an InputFile the bot sends (a buffer, a stream, a path). */
async function rawBytes(input: InputFile): Promise<Uint8Array> {
  const raw = await (input as unknown as { toRaw(): Promise<unknown> }).toRaw();
  if (raw instanceof Uint8Array) return raw;
  const chunks: Uint8Array[] = [];
  for await (const chunk of raw as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
