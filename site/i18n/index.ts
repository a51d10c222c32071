/**
 * The site's languages: Chinese at the site's root (the default, the URLs it always had) and,
 * when the publisher lists it in `languages`, English under /en/. Every interface string comes
 * from zh.ts or en.ts; this module picks them and maps a page to its other-language counterpart.
 */
import { LISTS } from '../../content/schema/index.ts';
import { publisher } from '../lib/site-context.ts';
import { en } from './en.ts';
import { zh, type Ui } from './zh.ts';

export type Lang = 'zh' | 'en';
export type { Ui };

/** The interface text of a language. */
export const ui = (lang: Lang): Ui => (lang === 'en' ? en : zh);

/** The URL prefix of the English pages. */
export const EN_PREFIX = '/en';

/** Whether this deployment publishes the English version (content/publisher.yaml `languages`). */
export function englishEnabled(): boolean {
  return publisher().languages.includes('en');
}

/** A site path in a language: /records/x/ → /en/records/x/ in English. */
export const localePath = (lang: Lang, path: string): string =>
  lang === 'en' ? `${EN_PREFIX}${path}` : path;

/** The page types that exist in both languages (the rest of the site is Chinese only). */
const BILINGUAL = [
  /^\/$/,
  /^\/search\/$/,
  new RegExp(`^/lists/(${LISTS.join('|')})/(\\d+/)?$`),
  /^\/records\/[^/]+\/$/,
];

/**
 * The same page in the other language, or undefined when it has none (then the language switch
 * leads to the other language's home page).
 */
export function counterpart(pathname: string): { lang: Lang; path: string } | undefined {
  if (!englishEnabled()) return undefined;
  const english = pathname === EN_PREFIX || pathname.startsWith(`${EN_PREFIX}/`);
  const base = english ? pathname.slice(EN_PREFIX.length) || '/' : pathname;
  if (!BILINGUAL.some((re) => re.test(base))) return undefined;
  return english ? { lang: 'zh', path: base } : { lang: 'en', path: localePath('en', base) };
}
