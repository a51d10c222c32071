/**
 * Telling a submitter what became of a submission (the forge layer calls this once per outcome:
 * sent for review, published, rejected with the reviewer's comment).
 */
import type { Api } from 'grammy';
import type { Notifier } from './forge/types.ts';
import { createI18n } from './i18n.ts';

/** The notifier for the sink; messages are in Chinese (the sink does not know the user's language). */
export function createNotifier(api: Api): Notifier {
  const i18n = createI18n();
  return async (notice) => {
    const chatId = notice.submitter.chatId;
    if (chatId === undefined) return;
    const text = i18n.t('zh-CN', `notice-${notice.outcome}`, { title: notice.title, url: notice.url, comment: notice.comment ?? '' });
    await api.sendMessage(chatId, text, { link_preview_options: { is_disabled: true } });
  };
}
