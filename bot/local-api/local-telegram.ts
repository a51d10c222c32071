/**
 * A Telegram Bot API on this machine, at the level of the HTTP client's `fetch`: console mode
 * talks to it instead of Telegram, and the tests and the benchmark drive the bot through it. It
 * answers the methods the bot calls with objects shaped as the Bot API documents them (typed by
 * grammY's own Bot API types), keeps what the bot sent, and builds the updates a user would
 * cause. Because it sits under the client, it also sees the calls made inside conversations.
 */
import type { Message, Update, UserFromGetMe, User, InlineKeyboardMarkup } from 'grammy/types';

/** A message the bot sent, as a person would see it. */
export interface SentMessage {
  chatId: number;
  messageId: number;
  text: string;
  buttons: { text: string; data: string }[][];
}

/** A document the bot sent (sendDocument): its file name, bytes and caption. */
export interface SentDocument {
  chatId: number;
  name: string;
  bytes: Uint8Array;
  caption?: string;
}

/** A file the user "uploads": its bytes (or only an announced size, for a file too big to fetch). */
interface StoredFile {
  bytes?: Uint8Array;
  size: number;
}

/** The bot's own user in local mode. */
export const LOCAL_BOT: UserFromGetMe = {
  id: 1000000001,
  is_bot: true,
  first_name: 'Honghei 红黑 (local)',
  username: 'honghei_local_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

type Result =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

/** The local Bot API. */
export class LocalTelegram {
  readonly sent: SentMessage[] = [];
  readonly calls: { method: string; payload: Record<string, unknown> }[] = [];
  /** The documents the bot sent (a message "📎 name" is in `sent` too). */
  readonly documents: SentDocument[] = [];
  /** Called for every message the bot sends (console mode prints it). */
  onSend?: (message: SentMessage) => void;
  private readonly files = new Map<string, StoredFile>();
  private readonly failures: { method: string; result: Result }[] = [];
  private updateId = 1;
  private messageId = 1;
  private fileSeq = 1;

  /** The `fetch` to give the bot's client. */
  readonly fetch = (async (
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    const file = /^\/file\/bot[^/]+\/(.+)$/.exec(url.pathname);
    if (file) {
      const stored = this.files.get(decodeURIComponent(file[1]!));
      if (!stored?.bytes) return new Response('Not Found', { status: 404 });
      return new Response(stored.bytes as unknown as BodyInit, { status: 200 });
    }
    const method = url.pathname.split('/').pop()!;
    const type = new Headers(init?.headers).get('content-type') ?? '';
    // A file upload (sendDocument with InputFile) comes as multipart/form-data, the rest as JSON.
    const payload = type.startsWith('multipart/form-data')
      ? await multipartPayload(init!.body!, type)
      : init?.body
        ? (JSON.parse(String(init.body)) as Record<string, unknown>)
        : {};
    this.calls.push({ method, payload });
    const failure = this.failures.findIndex((f) => f.method === method);
    const result =
      failure >= 0 ? this.failures.splice(failure, 1)[0]!.result : this.answer(method, payload);
    return new Response(JSON.stringify(result), {
      status: result.ok ? 200 : result.error_code,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;

  /** Makes the next call of a method fail with a Bot API error (e.g. 429 with retry_after). */
  failNext(method: string, error_code: number, description: string, retry_after?: number): void {
    this.failures.push({
      method,
      result: {
        ok: false,
        error_code,
        description,
        ...(retry_after !== undefined ? { parameters: { retry_after } } : {}),
      },
    });
  }

  private answer(method: string, p: Record<string, unknown>): Result {
    switch (method) {
      case 'getMe':
        return { ok: true, result: LOCAL_BOT };
      case 'sendMessage': {
        const chatId = Number(p.chat_id);
        const markup = p.reply_markup as InlineKeyboardMarkup | undefined;
        const message = {
          message_id: this.messageId++,
          date: now(),
          chat: { id: chatId, type: 'private', first_name: 'User' },
          from: LOCAL_BOT,
          text: String(p.text),
          ...(markup ? { reply_markup: markup } : {}),
        } as Message.TextMessage;
        const sent: SentMessage = {
          chatId,
          messageId: message.message_id,
          text: message.text,
          buttons: (markup?.inline_keyboard ?? []).map((row) =>
            row.map((b) => ({
              text: b.text,
              data: 'callback_data' in b ? String(b.callback_data) : '',
            })),
          ),
        };
        this.sent.push(sent);
        this.onSend?.(sent);
        return { ok: true, result: message };
      }
      case 'sendDocument': {
        const chatId = Number(p.chat_id);
        const file = p.document as { name: string; bytes: Uint8Array };
        const caption = p.caption === undefined ? undefined : String(p.caption);
        this.documents.push({
          chatId,
          name: file.name,
          bytes: file.bytes,
          ...(caption ? { caption } : {}),
        });
        const text = `📎 ${file.name}${caption ? `\n${caption}` : ''}`;
        const message = {
          message_id: this.messageId++,
          date: now(),
          chat: { id: chatId, type: 'private', first_name: 'User' },
          from: LOCAL_BOT,
          document: {
            file_id: `sent${this.messageId}`,
            file_unique_id: `usent${this.messageId}`,
            file_name: file.name,
          },
          ...(caption ? { caption } : {}),
        } as Message.DocumentMessage;
        const sent: SentMessage = { chatId, messageId: message.message_id, text, buttons: [] };
        this.sent.push(sent);
        this.onSend?.(sent);
        return { ok: true, result: message };
      }
      case 'getFile': {
        const id = String(p.file_id);
        const stored = this.files.get(id);
        if (!stored)
          return { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' };
        // Like the cloud Bot API: files over 20 MB get no download path.
        if (stored.size > 20 * 1024 * 1024)
          return { ok: false, error_code: 400, description: 'Bad Request: file is too big' };
        return {
          ok: true,
          result: { file_id: id, file_unique_id: `u${id}`, file_size: stored.size, file_path: id },
        };
      }
      case 'answerCallbackQuery':
      case 'setMyCommands':
      case 'deleteWebhook':
      case 'setWebhook':
      case 'deleteMessage':
      case 'editMessageReplyMarkup':
        return { ok: true, result: true };
      default:
        return {
          ok: false,
          error_code: 404,
          description: `Not Found: method ${method} is not implemented by the local Bot API`,
        };
    }
  }

  // --- what a user does -------------------------------------------------------------------

  /** A Telegram user; private chats have the user's id. */
  static user(id: number, languageCode = 'zh-hans', firstName = 'User'): User {
    return { id, is_bot: false, first_name: firstName, language_code: languageCode };
  }

  private message(user: User, fields: Record<string, unknown>): Update {
    return {
      update_id: this.updateId++,
      message: {
        message_id: this.messageId++,
        date: now(),
        chat: { id: user.id, type: 'private', first_name: user.first_name },
        from: user,
        ...fields,
      } as Update['message'] & object,
    };
  }

  /** A text message; a leading /command gets its entity, as Telegram sends it. */
  text(user: User, text: string): Update {
    const command = /^\/[a-z_]+/i.exec(text);
    return this.message(user, {
      text,
      ...(command
        ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] }
        : {}),
    });
  }

  /** A message of another kind (sticker, location…), which the bot does not expect. */
  sticker(user: User): Update {
    return this.message(user, {
      sticker: {
        file_id: 'sticker',
        file_unique_id: 'sticker',
        type: 'regular',
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
      },
    });
  }

  /** Stores a file and returns its id; `announcedSize` alone makes a file too big to fetch. */
  addFile(bytes: Uint8Array | undefined, announcedSize = bytes?.byteLength ?? 0): string {
    const id = `file-${this.fileSeq++}`;
    this.files.set(id, { ...(bytes ? { bytes } : {}), size: announcedSize });
    return id;
  }

  /** A photo message (Telegram sends several sizes; the bot takes the largest). */
  photo(user: User, bytes: Uint8Array, caption?: string): Update {
    const id = this.addFile(bytes);
    return this.message(user, {
      photo: [
        {
          file_id: id,
          file_unique_id: `u${id}`,
          width: 1280,
          height: 960,
          file_size: bytes.byteLength,
        },
      ],
      ...(caption ? { caption } : {}),
    });
  }

  /** A document message; `size` may differ from the bytes (a client announcing a size). */
  document(
    user: User,
    bytes: Uint8Array | undefined,
    name: string,
    mime: string,
    size = bytes?.byteLength ?? 0,
  ): Update {
    const id = this.addFile(bytes, size);
    return this.message(user, {
      document: {
        file_id: id,
        file_unique_id: `u${id}`,
        file_name: name,
        mime_type: mime,
        file_size: size,
      },
    });
  }

  /** Presses a button of the bot's latest message that has one matching the label. */
  press(user: User, label: string | RegExp): Update {
    const match = (t: string) =>
      typeof label === 'string' ? t === label || t.includes(label) : label.test(t);
    for (let i = this.sent.length - 1; i >= 0; i--) {
      const m = this.sent[i]!;
      if (m.chatId !== user.id) continue;
      const button = m.buttons.flat().find((b) => match(b.text));
      if (button) return this.pressData(user, button.data, m.messageId);
    }
    throw new Error(
      `no message to chat ${user.id} has a button "${String(label)}"; the last one said: ${this.last(user.id)?.text ?? '(nothing)'}`,
    );
  }

  /** Presses a button by its callback data (also an old or forged one). */
  pressData(user: User, data: string, messageId = this.sent.at(-1)?.messageId ?? 1): Update {
    const sent = this.sent.find((m) => m.messageId === messageId);
    return {
      update_id: this.updateId++,
      callback_query: {
        id: `cq${this.updateId}`,
        from: user,
        chat_instance: `ci${user.id}`,
        data,
        message: {
          message_id: messageId,
          date: now(),
          chat: { id: user.id, type: 'private', first_name: user.first_name },
          from: LOCAL_BOT,
          text: sent?.text ?? '',
          ...(sent?.buttons.length
            ? {
                reply_markup: {
                  inline_keyboard: sent.buttons.map((r) =>
                    r.map((b) => ({ text: b.text, callback_data: b.data })),
                  ),
                },
              }
            : {}),
        } as Message,
      },
    };
  }

  /** The last message sent to a chat. */
  last(chatId: number): SentMessage | undefined {
    return this.sent.filter((m) => m.chatId === chatId).at(-1);
  }

  /** Everything sent to a chat since a given count of sent messages. */
  since(count: number, chatId?: number): SentMessage[] {
    return this.sent.slice(count).filter((m) => chatId === undefined || m.chatId === chatId);
  }
}

const now = () => Math.floor(Date.now() / 1000);

/**
 * The fields of a multipart/form-data upload (grammY's sendDocument with an InputFile); a file
 * field ("attach://<part>") becomes the part's name and bytes. Parsed here, up to the closing
 * boundary: grammY's upload stream made inside a conversation is not always ended after it.
 */
async function multipartPayload(body: BodyInit, type: string): Promise<Record<string, unknown>> {
  const boundary = Buffer.from(`--${/boundary=(.+)$/.exec(type)?.[1] ?? ''}`);
  const end = Buffer.concat([boundary, Buffer.from('--\r\n')]);
  let bytes = Buffer.alloc(0);
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    bytes = Buffer.concat([bytes, chunk]);
    if (bytes.subarray(-end.length).equals(end)) break;
  }
  const parts = new Map<string, string | { name: string; bytes: Uint8Array }>();
  let at = bytes.indexOf(boundary);
  while (at >= 0) {
    const next = bytes.indexOf(boundary, at + boundary.length);
    if (next < 0) break;
    const part = bytes.subarray(at + boundary.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const name = /name="([^"]+)"/i.exec(head)?.[1] ?? '';
    const file = /filename="?([^";\r\n]+)"?/i.exec(head)?.[1];
    parts.set(
      name,
      file ? { name: file, bytes: new Uint8Array(content) } : content.toString('utf8'),
    );
    at = next;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of parts) {
    const attached = typeof value === 'string' && /^attach:\/\/(.+)$/.exec(value)?.[1];
    if (attached && parts.has(attached)) out[key] = parts.get(attached);
    else if (![...parts.values()].includes(`attach://${key}`)) out[key] = value;
  }
  return out;
}
