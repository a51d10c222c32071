/**
 * The site's interface text in Chinese (the default language). Record text (names, facts, legal
 * basis, document numbers) is never here: it is shown as the record has it. en.ts has the same
 * keys in English. Pure data and small functions, so the search page's script can import it too.
 */
import { LIST_NAMES } from '../../content/schema/labels.ts';
import { LIST_INTROS } from '../lib/list-texts.ts';
import { searchText } from './search-text.ts';

export const zh = {
  htmlLang: 'zh-CN',
  /** What each list is (from the source documents). */
  listIntros: LIST_INTROS,
  /** Short list names, for titles and the navigation. */
  listShort: { red: LIST_NAMES.red.zh, black: LIST_NAMES.black.zh, demo: LIST_NAMES.demo.zh },
  skip: '跳到正文',
  sampleLabel: '示例数据说明',
  sampleBanner:
    '本站为演示站点，所列单位、代码和人员均为虚构的示例数据，不指向任何真实单位或个人。',
  sampleBadge: searchText.zh.sampleBadge,
  sampleEntry: '本条目为演示用的虚构数据，不指向任何真实单位或个人。',
  sampleEntryLead: '示例数据',
  siteSubtitle: '劳动关系信用名单公示',
  homeTitle: (shortName: string) => `${shortName}劳动关系信用名单`,
  pageTitle: (title: string, shortName: string) => `${title} - ${shortName}`,
  defaultDescription: (publisherName: string) =>
    `${publisherName}发布的守信红榜、失信黑名单和和谐劳动关系示范单位名单。`,
  nav: {
    label: '主导航',
    home: '首页',
    batches: '发布批次',
    cases: '典型案例',
    guide: '标准与程序',
    search: '搜索',
  },
  /** The link to the other language, written in that language. */
  switchTo: { label: 'English', lang: 'en', title: 'English version of this page' },
  breadcrumbsLabel: '当前位置',
  footer: {
    publisher: '发布单位：',
    sentenceEnd: '。',
    accountability: '谁提供、谁负责，谁发布、谁负责。',
    department: '联系部门：',
    address: '地址：',
    phone: '电话：',
    email: '电子邮箱：',
    /** Only on pages that show a listing; entry pages stay the same from day to day. */
    asOf: (date: string) => `名单信息截至 ${date}。`,
    objection: (days: number) =>
      `对名单信息有异议的，可在公示期内向发布单位提出，发布单位自收到之日起 ${days} 个工作日内核实处理。`,
    navLabel: '页脚导航',
    guide: '标准与程序',
    search: '搜索名单',
    data: '开放数据',
    stats: '统计',
    report: '报告与公告',
    rss: 'RSS 订阅',
  },
  home: {
    heading: '劳动关系信用名单公示',
    /** Around the publisher's name and region: 示例市总工会（辽宁省 大连市）依照有关规定…… */
    intro: [
      '（',
      '）依照有关规定，统一公示守信红榜、失信黑名单和和谐劳动关系示范单位。名单每季度统一发布一次；每个条目都注明报送单位和审批人，谁提供、谁负责，谁发布、谁负责。',
    ] as readonly [string, string],
    allCases: '全部典型案例',
    guideFallback: '列入标准、异议处理和信用修复',
    lists: '三类名单',
    current: '条公示中',
    latest: '最新发布',
    cases: '典型案例',
    guide: '标准与程序',
    latestBatch: (count: number) => `发布 ${count} 条（目前仍在公示期内的条目）。`,
    none: '目前没有公示中的条目。',
  },
  searchBox: {
    label: '按单位名称（可输入名称中的几个字）或统一社会信用代码搜索',
    placeholder: '例如：机械制造、91210200',
    submit: '搜索',
  },
  list: {
    pageSuffix: (page: number) => `（第 ${page} 页）`,
    description: (name: string, total: number) => `${name}：共 ${total} 条公示中的条目。`,
    empty: '目前没有公示中的条目。',
    count: (total: number) => `共 ${total} 条公示中的条目`,
    pageOf: (page: number, last: number) => `，第 ${page} / ${last} 页`,
    order: '，按发布日期从新到旧排列。',
  },
  pagination: {
    label: '分页',
    prev: '上一页',
    next: '下一页',
    current: (n: number) => `第 ${n} 页`,
    page: ' 页',
  },
  entryList: { code: '统一社会信用代码', published: searchText.zh.published },
  /** Words around the entry's fields; the fields' own labels come from the schema. */
  fields: {
    status: '当前状态',
    namedBy: (level: string, by: string) => `${level}，${by}命名`,
    periodTo: ' 至 ',
  },
  entry: {
    description: (list: string, name: string, code?: string) =>
      `${list}公示条目：${name}${code ? `，统一社会信用代码 ${code}` : ''}。`,
    source: '原始公告：',
    caseTitle: '典型案例',
    objection: '异议与信用修复',
    objectionText: (department: string, phone: string, days: number) =>
      `对本条目有异议的，可向${department}提出（电话 ${phone}），发布单位自收到之日起 ${days} 个工作日内核实处理。`,
    repair: '被列入主体纠正失信行为、消除不良影响后，可申请提前移出（信用修复）。',
    seeGuide: ['详见', '标准与程序', '。'] as readonly [string, string, string],
    /** The entry's latest status record (not the build date), so a saved or printed page stays dated. */
    changed: (date: string) => `本条目最近一次状态记录的日期为 ${date}。`,
    current: ['当前状态以发布单位网站公布为准，名单更新日期见', '开放数据', '页。'] as readonly [
      string,
      string,
      string,
    ],
    pageUrl: '本页地址：',
  },
  accountability: {
    title: '报送与审批',
    /** The words around the submission date: （2026年7月1日报送）. */
    submittedOn: ['（', '报送）'] as readonly [string, string],
    /** Brackets around an approval date. */
    dateBrackets: ['（', '）'] as readonly [string, string],
    publisher: '发布单位',
  },
  history: {
    caption: '本条目的状态变化，按时间先后排列',
    // The last day counts: written as the bot and the pull request write it (最迟 …（含当日）).
    due: '办理时限：最迟 ',
    dueInclusive: '（含当日）',
  },
  attachments: { pictureAlt: '案件现场图片' },
  search: {
    title: '搜索',
    heading: '搜索名单',
    description: '按单位名称、统一社会信用代码、名单、类别、地区、年份搜索公示条目。',
    q: '单位名称中的几个字，或统一社会信用代码（完整或前几位）',
    placeholder: '例如：机械制造、91210200',
    allLists: '全部名单',
    allCategories: '全部类别',
    allRegions: '全部地区',
    year: '年份',
    allYears: '全部年份',
    yearName: (y: string) => `${y}年`,
    allKinds: '全部类型',
    status: '状态',
    allStatuses: '全部状态',
    sort: '排序',
    newest: '发布日期：从新到旧',
    oldest: '发布日期：从旧到新',
    submit: '搜索',
    noscript:
      '搜索需要启用 JavaScript。未启用时，可以打开各名单页，按类别、地区、年份、主体类型和状态筛选浏览：',
    ready: '输入名称或代码后按“搜索”。',
    more: '显示更多',
    fullTextRun: '在事由、依据、案例等全文中搜索',
    fullTextTitle: '全文搜索结果',
    // The script's own text (site/scripts/search-page.ts).
    ...searchText.zh,
  },
};

/** The shape every language's text has. */
export type Ui = typeof zh;
