/**
 * The bot's context types. The outer context carries the session, i18n and the conversation
 * controls; the context inside a conversation must not have the conversation flavor (grammY
 * conversations 2.x), so it is a separate type with only the plugins installed there.
 */
import type { ConversationFlavor, Conversation } from '@grammyjs/conversations';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { Context, SessionFlavor } from 'grammy';
import type { SubmissionKind } from './forge/types.ts';

/** One submission the user confirmed, as /status lists it. */
export interface SubmissionEntry {
  id: string;
  kind: SubmissionKind;
  recordId: string;
  title: string;
  createdAt: string;
}

/** What the bot keeps per chat between updates (the forms themselves live in conversation storage). */
export interface SessionData {
  submissions: SubmissionEntry[];
}

/** The context outside conversations. */
export type BotContext = ConversationFlavor<Context & SessionFlavor<SessionData> & I18nFlavor>;

/** The context inside a conversation: i18n and auto-retry are installed there through `plugins`. */
export type FormContext = Context & I18nFlavor;

/** A conversation of this bot. */
export type FormConversation = Conversation<BotContext, FormContext>;
