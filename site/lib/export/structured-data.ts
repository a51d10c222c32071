/**
 * What an entry page tells search engines and link previews: schema.org JSON-LD (the publisher,
 * the listed organisation with its credit code, the list and the entry as an item of it) and
 * OpenGraph tags. Only public entries have pages, so only they get either. An individual gets
 * no structured description of the person: their masked name stays in the page text only.
 */
import {
  addDays,
  LIST_NAMES,
  type HongheiRecord,
  type Publisher,
} from '../../../content/schema/index.ts';
import { listPath } from '../paths.ts';
import { absoluteUrl, entryPath, type EntryLabels } from './entry.ts';

/** The schema.org graph of an entry page. */
export function entryJsonLd(
  r: HongheiRecord,
  labels: EntryLabels,
  publisher: Publisher,
  siteUrl: string,
): Record<string, unknown> {
  const url = absoluteUrl(siteUrl, entryPath(r.id));
  const listUrl = absoluteUrl(siteUrl, listPath(r.list));
  const publisherId = `${absoluteUrl(siteUrl, '/')}#publisher`;
  const person = r.subject.kind === 'individual';
  const subjectId = `${url}#subject`;
  const lastEvent = r.history.at(-1)?.date ?? r.publication.start;
  const subject = person
    ? undefined
    : {
        '@type': 'Organization',
        '@id': subjectId,
        name: r.subject.name,
        ...(r.subject.code
          ? {
              identifier: {
                '@type': 'PropertyValue',
                propertyID: '统一社会信用代码',
                value: r.subject.code,
              },
            }
          : {}),
        ...(r.subject.address || labels.region
          ? {
              address: {
                '@type': 'PostalAddress',
                ...(r.subject.address ? { streetAddress: r.subject.address } : {}),
                addressRegion: labels.region,
                addressCountry: 'CN',
              },
            }
          : {}),
      };
  const graph: Record<string, unknown>[] = [
    {
      '@type': 'WebPage',
      '@id': url,
      name: person ? `${LIST_NAMES[r.list].zh}条目 ${r.id}` : `${r.subject.name}（${labels.list}）`,
      inLanguage: 'zh-CN',
      datePublished: r.publication.start,
      dateModified: lastEvent,
      expires: r.publication.end,
      // The list by reference and name only: a separate ItemList node repeated its URL and the
      // publisher on every entry page (issue 14: output size).
      isPartOf: { '@type': 'ItemList', '@id': listUrl, name: labels.list },
      publisher: { '@id': publisherId },
      mainEntity: { '@id': `${url}#listing` },
      ...(subject ? { about: { '@id': subjectId } } : {}),
    },
    {
      '@type': 'GovernmentOrganization',
      '@id': publisherId,
      name: publisher.name,
      url: absoluteUrl(siteUrl, '/'),
    },
    {
      '@type': 'ListItem',
      '@id': `${url}#listing`,
      url,
      name: `${labels.list}：${labels.category}`,
      description: `${labels.category}；${r.decision.authority} ${r.decision.document_number}；公布期限 ${r.publication.start} 至 ${r.publication.end}；状态：${labels.status}`,
      ...(subject ? { item: { '@id': subjectId } } : {}),
    },
  ];
  if (subject) graph.push(subject);
  return { '@context': 'https://schema.org', '@graph': graph };
}

/**
 * JSON for a <script> element: "<" is escaped so that no text in a record (a hostile "</script>")
 * can end the element.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** OpenGraph and robots meta tags of an entry page, as [attribute, name, content] triples. */
export function entryMetaTags(
  r: HongheiRecord,
  labels: EntryLabels,
  publisher: Publisher,
  siteUrl: string,
): { attr: 'property' | 'name'; key: string; content: string }[] {
  const title = `${r.subject.name}（${labels.list}）`;
  // Cut by code point, so a character outside the BMP is never split into a lone surrogate.
  const description = Array.from(`${labels.category}。${r.facts}`).slice(0, 160).join('');
  const tags: { attr: 'property' | 'name'; key: string; content: string }[] = [
    { attr: 'property', key: 'og:type', content: 'article' },
    { attr: 'property', key: 'og:title', content: title },
    { attr: 'property', key: 'og:description', content: description },
    { attr: 'property', key: 'og:url', content: absoluteUrl(siteUrl, entryPath(r.id)) },
    { attr: 'property', key: 'og:site_name', content: publisher.short_name },
    { attr: 'property', key: 'og:locale', content: 'zh_CN' },
    { attr: 'property', key: 'article:published_time', content: r.publication.start },
    {
      attr: 'property',
      key: 'article:modified_time',
      content: r.history.at(-1)?.date ?? r.publication.start,
    },
    { attr: 'property', key: 'article:expiration_time', content: r.publication.end },
    { attr: 'property', key: 'article:section', content: labels.list },
    // The entry leaves the lists after its period: ask search engines to drop the page then.
    { attr: 'name', key: 'robots', content: `unavailable_after: ${addDays(r.publication.end, 1)}` },
  ];
  return tags;
}
