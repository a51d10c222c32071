/**
 * Files uploaded in the web chat (and files the bot sends there): kept in the web store, base64,
 * for as long as a form lives, under ids the transformer recognises. The bot reads them through
 * the same FileService as Telegram files (getFile, then download), so the size cap and the check
 * by content (bot/files.ts) apply unchanged.
 */
import { randomBytes } from 'node:crypto';
import { FileTooBig, type FileService } from '../files.ts';
import type { WebStore } from '../storage/web-store.ts';

/** A stored file's description. */
export interface WebFileMeta {
  chatId: number;
  name: string;
  mime: string;
  size: number;
}

const PREFIX = 'webfile-';

/** The web chat's files. */
export class WebFiles {
  private readonly store: WebStore;
  private readonly ttlMs: number;
  constructor(store: WebStore, ttlMs: number) {
    this.store = store;
    this.ttlMs = ttlMs;
  }

  /** True for the ids of web files. */
  owns(fileId: unknown): boolean {
    return typeof fileId === 'string' && fileId.startsWith(PREFIX);
  }

  /** Stores bytes for a chat; returns the file id. */
  async put(chatId: number, bytes: Uint8Array, name: string, mime: string): Promise<string> {
    const id = `${PREFIX}${randomBytes(12).toString('hex')}`;
    const meta: WebFileMeta = { chatId, name, mime, size: bytes.byteLength };
    await this.store.set(
      `file:${id}`,
      { ...meta, b64: Buffer.from(bytes).toString('base64') },
      this.ttlMs,
    );
    return id;
  }

  async meta(id: string): Promise<WebFileMeta | undefined> {
    const f = await this.store.get<WebFileMeta & { b64: string }>(`file:${id}`);
    return f && { chatId: f.chatId, name: f.name, mime: f.mime, size: f.size };
  }

  async bytes(id: string): Promise<(WebFileMeta & { bytes: Buffer }) | undefined> {
    const f = await this.store.get<WebFileMeta & { b64: string }>(`file:${id}`);
    return f && { ...f, bytes: Buffer.from(f.b64, 'base64') };
  }

  /** The bot's file service, reading web files here and every other file through `telegram`. */
  service(telegram: FileService): FileService {
    return {
      download: async (fileId, maxBytes) => {
        if (!this.owns(fileId)) return telegram.download(fileId, maxBytes);
        const f = await this.bytes(fileId);
        if (!f) throw new Error(`web file ${fileId} has expired or never existed: send it again`);
        if (f.size > maxBytes) throw new FileTooBig(f.size, maxBytes);
        return f.bytes;
      },
    };
  }
}
