/**
 * Result rows of the search page, built with DOM calls and textContent only, so no record text
 * can become markup. Pagefind's excerpts are parsed inertly and only their <mark> survives.
 */
import type { SearchEngine } from '../lib/search/engine.ts';
import type { Doc } from '../lib/search/format.ts';

/** What Pagefind returns for a result (the fields used here). */
export interface FullTextResult {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Only same-site paths become links. */
function sitePath(url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? url : '/';
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** One entry found by name or code. */
export function renderDoc(doc: Doc, index: SearchEngine): HTMLLIElement {
  const li = el('li');
  const a = el('a', 'name', doc.name);
  a.href = sitePath(doc.url);
  li.append(a);
  if (doc.sample) li.append(' ', el('span', 'badge badge-sample', '示例'));
  const facts = el('ul', 'facts');
  const item = (node: Node | string) => {
    const f = el('li');
    f.append(node);
    facts.append(f);
  };
  item(el('span', `badge badge-${doc.list}`, index.label('list', doc.list)));
  item(el('span', 'badge badge-status', index.label('status', doc.status)));
  if (doc.code) item(el('span', 'code', doc.code));
  item(index.label('kind', doc.kind));
  item(index.label('region', doc.region).split(' ').pop() ?? doc.region);
  item(index.label('category', doc.category));
  const time = el('time', undefined, formatDate(doc.date));
  time.dateTime = doc.date;
  const when = el('span', undefined, '发布于 ');
  when.append(time);
  item(when);
  li.append(facts);
  return li;
}

/** Pagefind's excerpt as text with its <mark> highlights, whatever else it holds. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  return Array.from(parsed.body.childNodes, (n) => (n.nodeName === 'MARK' ? el('mark', undefined, n.textContent ?? '') : document.createTextNode(n.textContent ?? '')));
}

/** One full-text result (an entry, a case write-up or a guide page). */
export function renderFullTextResult(r: FullTextResult): HTMLLIElement {
  const li = el('li');
  const a = el('a', 'name', r.meta.title ?? r.url);
  a.href = sitePath(r.url);
  li.append(a);
  const p = el('p');
  p.append(...excerptNodes(r.excerpt));
  li.append(p);
  return li;
}
