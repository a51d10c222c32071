/**
 * Dates as a page writes them, in Chinese or English. Free of imports, so the pages (through
 * site/lib/labels.ts) and the search page's browser script (site/scripts/search-render.ts) share it.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2026-07-15 → 2026年7月15日 (English: 15 July 2026). */
export function formatDate(iso: string, lang: 'zh' | 'en' = 'zh'): string {
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'en' ? `${d} ${MONTHS[m! - 1]} ${y}` : `${y}年${m}月${d}日`;
}
