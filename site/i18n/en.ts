/**
 * The site's interface text in English (pages under /en/). Same keys as zh.ts; record text stays
 * in Chinese and is marked lang="zh-CN" where it is shown.
 */
import { MAX_PUBLICATION_YEARS } from '../../content/schema/index.ts';
import { searchText } from './search-text.ts';
import type { Ui } from './zh.ts';

export const en: Ui = {
  htmlLang: 'en',
  listIntros: {
    red: 'Employers with harmonious labour relations that keep the law and their word: rated 3A or above in the labour-relations credit rating, recommended by a department or union, or commended for labour relations at city level or above.',
    black: `Employers and persons who seriously broke labour and social-security law or harmed workers’ rights, such as unpaid wages, refusing to set up a union, harming women workers’ rights, or a serious labour incident. An entry is normally shown for at most ${MAX_PUBLICATION_YEARS} years; after correcting its conduct an organisation can apply for credit repair.`,
    demo: 'Enterprises, industrial parks, townships (sub-districts) and industries assessed and named as meeting the standard for harmonious labour relations. A title is revoked, and the revocation published, after a serious violation.',
  },
  /** Short list names, for titles and the navigation. */
  listShort: { red: 'Red list', black: 'Black list', demo: 'Demonstration units' },
  skip: 'Skip to content',
  sampleLabel: 'About the sample data',
  sampleBanner:
    'This is a demonstration site: every organisation, code and person listed is fictional sample data and refers to no real organisation or person.',
  sampleBadge: searchText.en.sampleBadge,
  sampleEntry:
    'This entry is fictional demonstration data and refers to no real organisation or person.',
  sampleEntryLead: 'Sample data',
  siteSubtitle: 'Labour-relations credit lists',
  homeTitle: (shortName: string) => `${shortName} labour-relations credit lists`,
  pageTitle: (title: string, shortName: string) => `${title} - ${shortName}`,
  defaultDescription: (publisherName: string) =>
    `The red list, black list and demonstration units published by ${publisherName}.`,
  nav: {
    label: 'Main navigation',
    home: 'Home',
    batches: 'Batches (Chinese)',
    cases: 'Cases (Chinese)',
    guide: 'Rules and procedures (Chinese)',
    search: 'Search',
  },
  switchTo: { label: '中文', lang: 'zh-CN', title: '本页的中文版' },
  breadcrumbsLabel: 'You are here',
  footer: {
    publisher: 'Published by ',
    sentenceEnd: '. ',
    accountability: 'Whoever submits an entry answers for it; whoever publishes it answers for it.',
    department: 'Contact: ',
    address: 'Address: ',
    phone: 'Telephone: ',
    email: 'Email: ',
    asOf: (date: string) => `The lists are as of ${date}. `,
    objection: (days: number) =>
      `Objections can be raised with the publisher while an entry is on display; the publisher checks them within ${days} working days of receipt.`,
    navLabel: 'Footer navigation',
    guide: 'Rules and procedures (Chinese)',
    search: 'Search the lists',
    data: 'Open data (Chinese)',
    stats: 'Statistics (Chinese)',
    report: 'Reports and notices (Chinese)',
    rss: 'RSS feed',
  },
  home: {
    heading: 'Labour-relations credit lists',
    intro: [
      ' (',
      ') publishes, under the applicable rules, the red list of trustworthy employers, the black list of serious labour-law violations and the harmonious labour relations demonstration units. The lists are published once a quarter; every entry names the unit that submitted it and the people who approved it, and they answer for it.',
    ],
    allCases: 'All case write-ups (Chinese)',
    guideFallback: 'Listing criteria, objections and credit repair (Chinese)',
    lists: 'The three lists',
    current: 'entries on display',
    latest: 'Latest batch',
    cases: 'Case write-ups (Chinese)',
    guide: 'Rules and procedures (Chinese)',
    latestBatch: (count: number) =>
      `: ${count} ${count === 1 ? 'entry' : 'entries'} (those still on display).`,
    none: 'No entries are on display at present.',
  },
  searchBox: {
    label: 'Search by organisation name (a few characters of it) or unified social credit code',
    placeholder: 'e.g. 机械制造, 91210200',
    submit: 'Search',
  },
  list: {
    pageSuffix: (page: number) => ` (page ${page})`,
    description: (name: string, total: number) =>
      `${name}: ${total} ${total === 1 ? 'entry' : 'entries'} on display.`,
    empty: 'No entries are on display at present.',
    count: (total: number) => `${total} ${total === 1 ? 'entry' : 'entries'} on display`,
    pageOf: (page: number, last: number) => `, page ${page} of ${last}`,
    order: ', newest first.',
  },
  pagination: {
    label: 'Pages',
    prev: 'Previous',
    next: 'Next',
    current: (n: number) => `Page ${n}`,
    page: ' (page)',
  },
  entryList: { code: 'Unified social credit code', published: searchText.en.published },
  /** Words around the entry's fields; the fields' own labels come from the schema. */
  fields: {
    status: 'Status',
    namedBy: (level: string, by: string) => `${level}, named by ${by}`,
    periodTo: ' to ',
  },
  entry: {
    description: (list: string, name: string, code?: string) =>
      `${list} entry: ${name}${code ? `, unified social credit code ${code}` : ''}.`,
    source: 'Original notice: ',
    caseTitle: 'Case write-up (Chinese)',
    objection: 'Objections and credit repair',
    objectionText: (department: string, phone: string, days: number) =>
      `Objections to this entry can be made to ${department} (telephone ${phone}); the publisher checks them within ${days} working days of receipt.`,
    repair:
      'An organisation on the black list that has corrected its conduct and remedied its effects can apply for early removal (credit repair).',
    seeGuide: ['See ', 'rules and procedures (Chinese)', '.'],
    changed: (date: string) => `The latest status record of this entry is dated ${date}. `,
    current: [
      "The publisher's website shows the current status; the date the lists were last updated is on the ",
      'open data page (Chinese)',
      '.',
    ],
    pageUrl: 'Address of this page: ',
  },
  accountability: {
    title: 'Submission and approval',
    submittedOn: [' (submitted ', ')'],
    dateBrackets: [' (', ')'],
    publisher: 'Publisher',
  },
  history: {
    caption: 'Changes of status of this entry, oldest first',
    due: 'Due no later than ',
    dueInclusive: ' (that day included)',
  },
  attachments: { pictureAlt: 'Picture of the case' },
  search: {
    title: 'Search',
    heading: 'Search the lists',
    description:
      'Search the entries on display by organisation name, unified social credit code, list, category, region and year.',
    q: 'A few characters of the name, or the unified social credit code (whole or its first characters)',
    placeholder: 'e.g. 机械制造, 91210200',
    allLists: 'All lists',
    allCategories: 'All categories',
    allRegions: 'All regions',
    year: 'Year',
    allYears: 'All years',
    yearName: (y: string) => y,
    allKinds: 'All kinds',
    status: 'Status',
    allStatuses: 'All statuses',
    sort: 'Order',
    newest: 'Newest first',
    oldest: 'Oldest first',
    submit: 'Search',
    noscript:
      'Search needs JavaScript. Without it, open a list and filter it by category, region, year, kind and status:',
    ready: 'Enter a name or code and press “Search”.',
    more: 'Show more',
    fullTextRun: 'Search the full text (facts, legal basis, cases)',
    fullTextTitle: 'Full-text results',
    // The script's own text (site/scripts/search-page.ts).
    ...searchText.en,
  },
};
