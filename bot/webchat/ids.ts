/**
 * The web chat's reserved chat ids. A browser session talks to the bot as a private chat whose id
 * (and user id) lies in a range Telegram never uses: Telegram's private chats are positive, its
 * groups above -10^15 (supergroups -100…, 13 digits). Web ids lie between -9·10^15 and -5·10^15,
 * still safe integers, so every part of the bot (sessions, forms, the outbox's notices) handles
 * them like any other chat, and the API transformer knows by the id alone where a call goes.
 */
import { randomBytes } from 'node:crypto';

const LOW = -9_000_000_000_000_000;
const HIGH = -5_000_000_000_000_000;

/** True when a chat id (a number or a numeric string) belongs to the web chat. */
export function isWebChat(chatId: unknown): boolean {
  const n = typeof chatId === 'string' && /^-\d+$/.test(chatId) ? Number(chatId) : chatId;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= LOW && n <= HIGH;
}

/** A new random web chat id (48 random bits below the range's top). */
export function newWebChatId(): number {
  return HIGH - randomBytes(6).readUIntBE(0, 6);
}
