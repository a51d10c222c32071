/**
 * What the schema says when a record is wrong, in Chinese and English. Each message has two parts,
 * what is wrong and how to fix it, because the same text is read by a reviewer on a pull request
 * and by a submitter in the bot. The catalogue is split by subject into messages-*.ts.
 */
import { ATTACHMENT_MESSAGES } from './messages-attachments.ts';
import { CALENDAR_MESSAGES } from './calendar-messages.ts';
import type { Lang, Message, Vars } from './message-text.ts';
import { RECORD_MESSAGES } from './messages-record.ts';
import { REPOSITORY_MESSAGES } from './messages-repository.ts';
import { SUBJECT_MESSAGES } from './messages-subject.ts';

export type { Lang } from './message-text.ts';

/** Every message, by key. */
export const MESSAGES = {
  ...SUBJECT_MESSAGES,
  ...RECORD_MESSAGES,
  ...REPOSITORY_MESSAGES,
  ...CALENDAR_MESSAGES,
  ...ATTACHMENT_MESSAGES,
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof MESSAGES;

/** Renders a message as "what — how to fix" in one language. */
export function renderMessage(
  key: MessageKey,
  vars: Vars,
  lang: Lang,
): { what: string; fix: string } {
  const msg: Message = MESSAGES[key];
  return { what: msg.what[lang](vars), fix: msg.fix[lang](vars) };
}
