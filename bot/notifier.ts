/**
 * Telling a submitter what became of a submission (the forge layer calls this once per outcome:
 * sent for review, published, rejected with the reviewer's comment), in the language the
 * submitter used in chat (a submission from before it was recorded: Chinese).
 */
import type { Api } from 'grammy';
import type { Notifier, SubmissionNotice } from './forge/types.ts';
import { createI18n, type Locale } from './i18n.ts';

/** The locale of a notice: the submitter's language, Chinese by default. */
export function noticeLocale(notice: Pick<SubmissionNotice, 'submitter'>): Locale {
  return notice.submitter.language === 'en' ? 'en' : 'zh-CN';
}

/** The text of a notice in the submitter's language. */
export function noticeText(i18n: ReturnType<typeof createI18n>, notice: SubmissionNotice): string {
  return i18n.t(noticeLocale(notice), `notice-${notice.outcome}`, {
    title: notice.title,
    url: notice.url,
    comment: notice.comment ?? '',
  });
}

/** The notifier for the sink. */
export function createNotifier(api: Api): Notifier {
  const i18n = createI18n();
  return async (notice) => {
    const chatId = notice.submitter.chatId;
    if (chatId === undefined) return;
    await api.sendMessage(chatId, noticeText(i18n, notice), {
      link_preview_options: { is_disabled: true },
    });
  };
}
