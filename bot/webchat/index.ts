/**
 * The web chat, assembled from the bot's storage: accounts, files, transcripts, the transformer
 * createBot installs, and (once the bot exists) the channel and its HTTP routes. docs/web-chat.md
 * says how to run it.
 */
import type { Transformer } from 'grammy';
import type { BotStorage } from '../storage/index.ts';
import { WebAccounts } from './accounts.ts';
import { WebFiles } from './files.ts';
import { webTransformer } from './transformer.ts';
import { Transcripts } from './transcript.ts';

/** The web chat's parts that exist before the bot. */
export interface WebChatParts {
  accounts: WebAccounts;
  files: WebFiles;
  transcripts: Transcripts;
  transformer: Transformer;
}

/** Builds the web chat's parts on the bot's storage; files live as long as forms. */
export function createWebChat(storage: Pick<BotStorage, 'web'>, formTtlMs: number): WebChatParts {
  const transcripts = new Transcripts(storage.web);
  const files = new WebFiles(storage.web, formTtlMs);
  return {
    accounts: new WebAccounts(storage.web),
    files,
    transcripts,
    transformer: webTransformer(transcripts, files),
  };
}

export { WebChannel, type WebInput } from './channel.ts';
export { isWebChat } from './ids.ts';
