/**
 * Result rows of the search page, built with DOM calls and textContent only, so no record text
 * can become markup. Pagefind's excerpts are parsed inertly and only their <mark> survives.
 */
import type { SearchEngine } from '../lib/search/engine.ts';
import type { Doc } from '../lib/search/format.ts';
import { searchText } from '../i18n/search-text.ts';
import { formatDate } from '../lib/format-date.ts';

/** How a page writes its results (the Chinese page needs only the defaults). */
export interface RenderOptions {
  lang: 'zh' | 'en';
  /** Prefix of the page's entry URLs: '' for /records/<id>/, '/en' for /en/records/<id>/. */
  entryPrefix: string;
  /** Names of list, status, kind and category values in the page's language (the index has Chinese). */
  labels?: Record<'list' | 'status' | 'kind' | 'category', Record<string, string>>;
}

/** What Pagefind returns for a result (the fields used here). */
export interface FullTextResult {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Only same-site paths become links. */
function sitePath(url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? url : '/';
}

/** One entry found by name or code. */
export function renderDoc(
  doc: Doc,
  index: SearchEngine,
  options: RenderOptions = { lang: 'zh', entryPrefix: '' },
): HTMLLIElement {
  const t = searchText[options.lang];
  const label = (key: 'list' | 'status' | 'kind' | 'category', value: string) =>
    options.labels?.[key][value] ?? index.label(key, value);
  // Record text (the name, the region) is Chinese: marked so on the English page.
  const chinese = <E extends HTMLElement>(node: E): E => {
    if (options.lang !== 'zh') node.lang = 'zh-CN';
    return node;
  };
  const li = el('li');
  const a = chinese(el('a', 'name', doc.name));
  a.href = sitePath(`${options.entryPrefix}${doc.url}`);
  li.append(a);
  if (doc.sample) li.append(' ', el('span', 'badge badge-sample', t.sampleBadge));
  const facts = el('ul', 'facts');
  const item = (node: Node | string) => {
    const f = el('li');
    f.append(node);
    facts.append(f);
  };
  item(el('span', `badge badge-${doc.list}`, label('list', doc.list)));
  item(el('span', 'badge badge-status', label('status', doc.status)));
  if (doc.code) item(el('span', 'code', doc.code));
  item(label('kind', doc.kind));
  item(
    chinese(
      el('span', undefined, index.label('region', doc.region).split(' ').pop() ?? doc.region),
    ),
  );
  item(label('category', doc.category));
  const time = el('time', undefined, formatDate(doc.date, options.lang));
  time.dateTime = doc.date;
  const when = el('span', undefined, t.published);
  when.append(time);
  item(when);
  li.append(facts);
  return li;
}

/** Pagefind's excerpt as text with its <mark> highlights, whatever else it holds. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  return Array.from(parsed.body.childNodes, (n) =>
    n.nodeName === 'MARK'
      ? el('mark', undefined, n.textContent ?? '')
      : document.createTextNode(n.textContent ?? ''),
  );
}

/** One full-text result (an entry, a case write-up or a guide page). */
export function renderFullTextResult(
  r: FullTextResult,
  options: RenderOptions = { lang: 'zh', entryPrefix: '' },
): HTMLLIElement {
  const li = el('li');
  const a = el('a', 'name', r.meta.title ?? r.url);
  // Entry pages exist in the page's language; case write-ups and guide pages only in Chinese.
  a.href = sitePath(r.url.startsWith('/records/') ? `${options.entryPrefix}${r.url}` : r.url);
  if (options.lang !== 'zh') li.lang = 'zh-CN';
  li.append(a);
  const p = el('p');
  p.append(...excerptNodes(r.excerpt));
  li.append(p);
  return li;
}
