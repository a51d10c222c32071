/**
 * Texts: every user-facing sentence is in bot/locales/<locale>.ftl (Fluent). zh-CN is the default;
 * English is chosen for users whose Telegram language is English. The record's field names, hints
 * and coded values come from the schema (content/schema/field-labels.ts), category names from
 * content/categories.yaml: the locale files hold no field name.
 */
import { I18n, type I18nFlavor } from '@grammyjs/i18n';
import type { Context } from 'grammy';
import type { Lang } from '../content/schema/index.ts';

/** The locales the bot speaks; the first is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const LOCALES_DIR = new URL('./locales', import.meta.url).pathname;

/** A translation function bound to one locale. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The locale for a Telegram language code: English speakers get English, everyone else Chinese. */
export function localeFor(languageCode: string | undefined): Locale {
  return languageCode?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** The schema's message language for a locale. */
export function langOf(locale: string): Lang {
  return locale === 'en' ? 'en' : 'zh';
}

/** Loads the locale files. Fluent's bidi isolation marks are off: Telegram shows them as garbage in copies. */
export function createI18n<C extends Context & I18nFlavor>(): I18n<C> {
  return new I18n<C>({
    defaultLocale: LOCALES[0],
    directory: LOCALES_DIR,
    useSession: false,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => localeFor(ctx.from?.language_code),
  });
}

/** A translation function for a locale, for places without a context (notices, console). */
export function translator(i18n: I18n<never> | I18n<any>, locale: string): Translate {
  return (key, vars) => i18n.t(locale, key, vars);
}
