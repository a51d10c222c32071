/**
 * The text the search page's script writes (status lines, errors, result labels), in both
 * languages. Kept apart from zh.ts / en.ts (which include it) so the script bundles only these
 * few strings, not the whole site's interface text.
 */
export const searchText = {
  zh: {
    sampleBadge: '示例',
    published: '发布于 ',
    empty: '请输入名称或代码，或选择筛选条件。',
    searching: '正在搜索……',
    matching: (terms: string) => `名称或统一社会信用代码与“${terms}”相符的`,
    filtered: '符合条件的',
    found: (what: string, n: number) => `${what}公示条目共 ${n} 条。`,
    notFound: (what: string) => `没有${what}公示条目。`,
    fullTextSearching: '正在全文搜索……',
    fullTextFound: (q: string, n: number) => `全文中包含“${q}”的内容共 ${n} 项。`,
    fullTextNone: (q: string) => `全文中没有找到“${q}”。`,
    error: (message: string) => `搜索出错：${message}。请刷新页面后重试。`,
  },
  en: {
    sampleBadge: 'Sample',
    published: 'Published ',
    empty: 'Enter a name or code, or choose a filter.',
    searching: 'Searching…',
    matching: (terms: string) => `whose name or code matches “${terms}”`,
    filtered: 'matching the filters',
    found: (what: string, n: number) => `${n} ${n === 1 ? 'entry' : 'entries'} on display ${what}.`,
    notFound: (what: string) => `No entries on display ${what}.`,
    fullTextSearching: 'Searching the full text…',
    fullTextFound: (q: string, n: number) =>
      `${n} ${n === 1 ? 'result contains' : 'results contain'} “${q}” in the full text.`,
    fullTextNone: (q: string) => `Nothing in the full text contains “${q}”.`,
    error: (message: string) => `Search failed: ${message}. Reload the page and try again.`,
  },
};

/** The script's text in one language. */
export type SearchText = (typeof searchText)['zh'];
