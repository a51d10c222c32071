/**
 * The bot, wired in one place. Every part is a dependency (services, storage, the HTTP client), so
 * Telegram, console mode, the tests and the benchmark run the same bot.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { approvalHandlers } from './approvals/composer.ts';
import { conversations, createConversation } from '@grammyjs/conversations';
import { limit } from '@grammyjs/ratelimiter';
import { Bot, session, type Middleware, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { BotConfig } from './config.ts';
import type { BotContext, FormContext } from './context.ts';
import { BATCH, batchCommand, batchConversation } from './flows/batch.ts';
import type { FlowKit } from './flows/common.ts';
import { NEW_RECORD, newRecordConversation } from './flows/new-record.ts';
import { OBJECTION, objectionConversation } from './flows/objection.ts';
import { publicCommands } from './flows/public.ts';
import { REPAIR, repairConversation } from './flows/repair.ts';
import { createI18n } from './i18n.ts';
import { cancelHandler } from './middleware/cancel.ts';
import { compactUpdates } from './middleware/compact-updates.ts';
import { errorHandler, unhandled } from './middleware/errors.ts';
import type { BotServices } from './services.ts';
import type { BotStorage } from './storage/index.ts';

/**
 * The version of the forms' stored state. Bump it when a form's questions change in a way a form
 * in progress cannot replay; such forms are then dropped instead of failing.
 */
export const FORM_STATE_VERSION = 1;

/** What createBot needs besides the configuration. */
export interface BotDeps {
  services: BotServices;
  storage: BotStorage;
  /** The bot's own user; given, it saves the getMe call (tests, console). */
  botInfo?: UserFromGetMe;
  /** The HTTP client's fetch (tests fake the Bot API at this level). */
  fetch?: typeof fetch;
  /** API transformers of other channels (the web chat's), on bot.api and inside conversations. */
  transformers?: Transformer[];
}

/** auto-retry's settings: Telegram's flood waits up to a minute are waited out, longer ones fail. */
const RETRY = { maxRetryAttempts: 3, maxDelaySeconds: 60 };

/** Builds the bot. */
export function createBot(config: BotConfig, deps: BotDeps): Bot<BotContext> {
  const { services, storage } = deps;
  const kit: FlowKit = { config, services };
  const bot = new Bot<BotContext>(config.token, {
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    client: { apiRoot: config.apiRoot, ...(deps.fetch ? { fetch: deps.fetch } : {}) },
  });
  bot.api.config.use(autoRetry(RETRY));
  const channels = deps.transformers ?? [];
  // Installed after auto-retry, so a web chat's call is answered before it could be retried.
  if (channels.length) bot.api.config.use(...channels);
  const i18n = createI18n<BotContext>();

  // 1. Context: texts in the user's language.
  bot.use(i18n);
  // 2. Error boundary: every handler below runs inside it (bot.catch is the last resort).
  const guarded = bot.errorBoundary(errorHandler(services));
  // 3. Flood control per user, counted in Redis when several instances share it.
  guarded.use(
    limit({
      timeFrame: config.rateLimit.windowMs,
      limit: config.rateLimit.limit,
      storageClient: storage.redis ?? 'MEMORY_STORE',
      keyGenerator: (ctx: BotContext) => ctx.from?.id.toString(),
      onLimitExceeded: async (ctx: BotContext) => {
        if (ctx.chat?.type === 'private')
          await ctx.reply(
            ctx.t('rate-limited', { seconds: Math.ceil(config.rateLimit.windowMs / 1000) }),
          );
      },
    }),
  );
  // 4. Session and form storage; updates are trimmed before a form stores them.
  guarded.use(compactUpdates);
  guarded.use(
    session({
      initial: () => ({ submissions: [] }),
      storage: storage.sessions,
      prefix: 'session:',
    }),
  );
  guarded.use(
    conversations<BotContext, FormContext>({
      storage: {
        type: 'key',
        adapter: storage.conversations,
        prefix: 'form:',
        version: FORM_STATE_VERSION,
      },
      // Calls made inside a conversation use their own Api object: retry and texts must be installed there too.
      plugins: [
        i18n as unknown as Middleware<FormContext>,
        async (ctx, next) => {
          ctx.api.config.use(autoRetry(RETRY));
          if (channels.length) ctx.api.config.use(...channels);
          await next();
        },
      ],
    }),
  );
  // 4b. 审核/审定 buttons and 退回 comments, before the forms so a form does not take them.
  guarded.use(approvalHandlers(services));
  // 5. /cancel and the cancel button, before the conversations, so they work at every step.
  guarded.use(cancelHandler());
  // 6. The forms. An abandoned form expires with its stored state (the storage's time to live,
  // renewed by every answer), which costs nothing per answer, unlike a timeout on every wait.
  guarded.use(createConversation(newRecordConversation(kit), { id: NEW_RECORD }));
  guarded.use(createConversation(objectionConversation(kit), { id: OBJECTION }));
  guarded.use(createConversation(repairConversation(kit), { id: REPAIR }));
  guarded.use(createConversation(batchConversation(kit), { id: BATCH }));
  // 7. The commands outside forms.
  guarded.use(publicCommands(services));
  guarded.use(batchCommand(services));
  // 8. Whatever nobody handled.
  guarded.use(unhandled);
  bot.catch(errorHandler(services));
  return bot;
}
