/**
 * Each web chat's transcript: everything the bot and the person said, in order, kept in the web
 * store for a month. It is what the browser shows (the SSE stream replays it from any position)
 * and the web user's inbox: a notice the outbox sends while nobody is connected waits here and is
 * shown on the next visit. A message's Telegram message_id is its position in the transcript.
 */
import { EventEmitter } from 'node:events';
import type { WebStore } from '../storage/web-store.ts';

/** A button as the browser shows it (the bot's inline keyboard). */
export interface WebButton {
  text: string;
  data: string;
}

/** One entry of a transcript; `seq` (1-based position) is added when it is read. */
export type ChatEvent =
  | { kind: 'bot'; text: string; buttons: WebButton[][]; at: number }
  | { kind: 'user'; text: string; at: number }
  | { kind: 'edit'; id: number; text?: string; buttons?: WebButton[][] }
  | { kind: 'delete'; id: number }
  | { kind: 'toast'; text: string }
  | { kind: 'file'; name: string; fileId: string; caption?: string; at: number };

/** An entry with its position. */
export type NumberedEvent = ChatEvent & { seq: number };

/** A transcript lives a month after its last entry. */
export const TRANSCRIPT_TTL_MS = 30 * 24 * 3600_000;

/** The transcripts of all web chats, and a signal when one grows (for this instance's streams). */
export class Transcripts {
  readonly store: WebStore;
  private readonly grew = new EventEmitter().setMaxListeners(0);

  constructor(store: WebStore) {
    this.store = store;
  }

  /** Appends an entry; returns its position (the message id of a message). */
  async append(chatId: number, event: ChatEvent): Promise<number> {
    const seq = await this.store.push(`chat:${chatId}`, event, TRANSCRIPT_TTL_MS);
    this.grew.emit(String(chatId));
    return seq;
  }

  /** The entries after position `after` (0: all). */
  async since(chatId: number, after: number): Promise<NumberedEvent[]> {
    const items = await this.store.range<ChatEvent>(`chat:${chatId}`, Math.max(0, after));
    return items.map((e, i) => ({ ...e, seq: after + i + 1 }));
  }

  /** How many entries the transcript has (the position of the latest). */
  length(chatId: number): Promise<number> {
    return this.store.length(`chat:${chatId}`);
  }

  /** The message at a position, with its latest text and buttons (edits applied). */
  async message(chatId: number, id: number): Promise<{ text: string; buttons: WebButton[][] }> {
    const [first, ...later] = await this.since(chatId, id - 1);
    let text = first && first.kind === 'bot' ? first.text : '';
    let buttons = first && first.kind === 'bot' ? first.buttons : [];
    for (const e of later)
      if (e.kind === 'edit' && e.id === id) {
        text = e.text ?? text;
        buttons = e.buttons ?? buttons;
      }
    return { text, buttons };
  }

  /** Calls `listener` whenever this instance appends to a chat; returns the unsubscribe. */
  watch(chatId: number, listener: () => void): () => void {
    this.grew.on(String(chatId), listener);
    return () => this.grew.off(String(chatId), listener);
  }
}
