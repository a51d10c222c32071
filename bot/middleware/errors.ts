/**
 * The error boundary: an error while handling an update is logged with the update's id (and
 * nothing secret), and the user gets a polite answer instead of silence.
 */
import type { BotError, NextFunction } from 'grammy';
import type { BotContext } from '../context.ts';
import type { AdminAlerts } from '../admin-alerts.ts';
import type { Logger } from '../services.ts';

/** Logs the error and tells the user; never throws itself. The logger is read when an error comes. */
export function errorHandler(services: { log: Logger; alerts?: AdminAlerts }) {
  return async (err: BotError<BotContext>, _next?: NextFunction): Promise<void> => {
    const { log } = services;
    const ctx = err.ctx;
    log.error(`update ${ctx.update.update_id} failed`, err.error);
    try {
      const text =
        typeof ctx.t === 'function'
          ? ctx.t('error-internal', { update: String(ctx.update.update_id) })
          : `内部错误（更新 ${ctx.update.update_id}），请稍后重试。`;
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      if (ctx.chatId !== undefined) await ctx.api.sendMessage(ctx.chatId, text);
    } catch (replyError) {
      log.error(
        `update ${ctx.update.update_id}: could not tell the user about the error`,
        replyError,
      );
    }
    // Then the administrators hear of each kind of error once (admin-alerts.ts), after the user's answer; the user is not told they were.
    await services.alerts
      ?.botError(ctx.update.update_id, err.error)
      .catch((e) => log.error('alerting the administrators failed', e));
  };
}

/** For updates nobody handled: a hint instead of silence (private chats only, to keep groups quiet). */
export async function unhandled(ctx: BotContext): Promise<void> {
  if (ctx.chat?.type !== 'private') return;
  if (ctx.callbackQuery) {
    // A button of a form that ended (cancelled, expired or finished).
    await ctx.answerCallbackQuery({ text: ctx.t('button-stale') });
    return;
  }
  await ctx.reply(ctx.t('unhandled'));
}
