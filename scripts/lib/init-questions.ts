/**
 * The questions `npm run init` asks, each with its flag, an example and a check. A wrong answer
 * gets a message that names the flag (or the question) and shows an example, in Chinese, and in
 * English too when the publisher chose English (--language en). One table drives the flags, the
 * interactive prompts and the errors, so they cannot drift apart.
 */
import {
  divisionName,
  publisherSchema,
  regionFullName,
  REGION_PATTERN,
} from '../../content/schema/index.ts';

/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A checked answer, or what is wrong with it and how to fix it. */
export type Checked<T> = { value: T } | { error: Bilingual };

/** A submitting unit (报送单位) as publisher.yaml holds it. */
export interface UnitAnswer {
  id: string;
  name: string;
}

/** A reviewer as content/reviewers.yml holds it: forge login, 职务 姓名, 审核 or 审定. */
export interface ReviewerAnswer {
  login: string;
  name: string;
  role: 'review' | 'approve';
}

/** One question: its flag, what it asks, an example, and how an answer is checked. */
export interface Question<T> {
  flag: string;
  ask: Bilingual;
  example: string;
  /** Several answers (repeat the flag; one a line when asked). */
  many?: boolean;
  /** Used when nothing is given (an optional question). */
  fallback?: (answers: Partial<InitAnswers>) => string[] | undefined;
  check: (raw: string[]) => Checked<T>;
}

/** Everything init needs to know. */
export interface InitAnswers {
  name: string;
  shortName: string;
  logoText: string;
  region: string;
  siteUrl: string;
  department: string;
  address: string;
  phone: string;
  email: string | undefined;
  units: UnitAnswer[];
  reviewers: ReviewerAnswer[];
  languages: ('zh' | 'en')[];
  language: 'zh' | 'en';
}

const wrong = <T>(zh: string, en: string): Checked<T> => ({ error: { zh, en } });

/** The entries of a repeatable answer: one per flag or per line, trimmed, empty ones dropped. */
const entriesOf = (raw: readonly string[]) =>
  raw
    .flatMap((r) => r.split(/\n/))
    .map((r) => r.trim())
    .filter(Boolean);
const one = (raw: string[]) => raw.at(-1)?.trim() ?? '';

/** A required line of text, checked against the publisher schema's own rule for the field. */
function text(
  flag: string,
  ask: Bilingual,
  example: string,
  field: { safeParse(v: unknown): { success: boolean } },
  fallback?: Question<string>['fallback'],
): Question<string> {
  return {
    flag,
    ask,
    example,
    fallback,
    check: (raw) => {
      const v = one(raw);
      if (!v) return wrong(`缺少${ask.zh}`, `${ask.en} is missing`);
      if (!field.safeParse(v).success)
        return wrong(`${ask.zh}“${v}”不符合要求`, `${ask.en} "${v}" is not valid`);
      return { value: v };
    },
  };
}

const shape = publisherSchema.shape;
const contact = shape.contact.shape;

/** The questions, in the order they are asked. */
export const QUESTIONS: { [K in keyof InitAnswers]: Question<InitAnswers[K]> } = {
  name: text(
    'name',
    { zh: '发布单位全称', en: "the publisher's full name" },
    '示例县人力资源和社会保障局',
    shape.name,
  ),
  shortName: text(
    'short-name',
    { zh: '简称（页眉显示）', en: 'the short name (page header)' },
    '示例县人社局',
    shape.short_name,
    (a) => (a.name ? [a.name] : undefined),
  ),
  logoText: text(
    'logo-text',
    { zh: '页眉标志文字（1–4 字）', en: 'the logo text (1–4 characters)' },
    '红黑',
    shape.logo_text,
    () => ['红黑'],
  ),
  region: {
    flag: 'region',
    ask: {
      zh: '所在地行政区划代码（GB/T 2260，6 位）',
      en: 'the region code (GB/T 2260, 6 digits)',
    },
    example: '210200',
    check: (raw) => {
      const v = one(raw);
      if (!v) return wrong('缺少所在地行政区划代码', 'the region code is missing');
      if (!REGION_PATTERN.test(v))
        return wrong(`行政区划代码“${v}”应为 6 位数字`, `region code "${v}" must be 6 digits`);
      if (!divisionName(v))
        return wrong(
          `“${v}”不是 GB/T 2260 中的行政区划代码`,
          `"${v}" is not a GB/T 2260 division code`,
        );
      return { value: v };
    },
  } satisfies Question<string>,
  siteUrl: {
    flag: 'site-url',
    ask: { zh: '公开网站地址', en: 'the public site address' },
    example: 'https://credit.example.org/',
    check: (raw) => {
      const v = one(raw);
      if (!v) return wrong('缺少公开网站地址', 'the public site address is missing');
      if (!/^https?:\/\//.test(v) || !shape.site_url.safeParse(v).success)
        return wrong(
          `网站地址“${v}”不是以 https:// 开头的网址`,
          `site address "${v}" is not a URL starting with https://`,
        );
      return { value: v.endsWith('/') ? v : `${v}/` };
    },
  } satisfies Question<string>,
  department: text(
    'contact-department',
    { zh: '联系部门', en: 'the contact department' },
    '法规科',
    contact.department,
  ),
  address: text(
    'contact-address',
    { zh: '联系地址', en: 'the contact address' },
    '示例县示例路 1 号',
    contact.address,
  ),
  phone: text(
    'contact-phone',
    { zh: '联系电话', en: 'the contact phone' },
    '0000-00000000',
    contact.phone,
  ),
  email: {
    flag: 'contact-email',
    ask: { zh: '联系邮箱（可不填）', en: 'the contact email (optional)' },
    example: 'credit@example.org',
    fallback: () => [''],
    check: (raw) => {
      const v = one(raw);
      if (!v) return { value: undefined };
      return contact.email.safeParse(v).success
        ? { value: v }
        : wrong(`邮箱“${v}”格式不对`, `email "${v}" is not an email address`);
    },
  } satisfies Question<string | undefined>,
  units: {
    flag: 'unit',
    many: true,
    ask: {
      zh: '报送单位（可多个；写名称，或 id=名称）',
      en: 'the submitting units (several; a name, or id=name)',
    },
    example: 'inspection=劳动保障监察大队',
    check: (raw) => {
      const given = entriesOf(raw);
      if (!given.length) return wrong('至少要有一个报送单位', 'give at least one submitting unit');
      const units: UnitAnswer[] = [];
      for (const [i, entry] of given.entries()) {
        const [idPart, ...rest] = entry.includes('=') ? entry.split('=') : [`unit-${i + 1}`, entry];
        const id = idPart!.trim();
        const name = rest.join('=').trim();
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))
          return wrong(
            `报送单位“${entry}”的 id“${id}”只能用小写字母、数字和连字符`,
            `unit "${entry}": the id "${id}" may use lower-case letters, digits and hyphens only`,
          );
        if (!name) return wrong(`报送单位“${entry}”缺少名称`, `unit "${entry}" has no name`);
        if (units.some((u) => u.id === id))
          return wrong(`报送单位 id“${id}”重复`, `unit id "${id}" is given twice`);
        units.push({ id, name });
      }
      return { value: units };
    },
  } satisfies Question<UnitAnswer[]>,
  reviewers: {
    flag: 'reviewer',
    many: true,
    ask: {
      zh: '审批人（可多个；角色:平台用户名:职务 姓名，角色为 审核 或 审定）',
      en: 'the reviewers (several; role:login:title name, role review or approve)',
    },
    example: '审核:wang-example:副局长 王某',
    check: (raw) => {
      const given = entriesOf(raw);
      const reviewers: ReviewerAnswer[] = [];
      for (const entry of given) {
        const [role, login, ...name] = entry.split(/[:：]/).map((p) => p.trim());
        const r = (
          { 审核: 'review', review: 'review', 审定: 'approve', approve: 'approve' } as const
        )[role as '审核'];
        if (!r)
          return wrong(
            `审批人“${entry}”的角色应为 审核 或 审定`,
            `reviewer "${entry}": the role must be review (审核) or approve (审定)`,
          );
        if (!login || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(login))
          return wrong(
            `审批人“${entry}”缺少平台用户名（GitHub/Gitea/GitLab 登录名）`,
            `reviewer "${entry}" has no forge login (GitHub/Gitea/GitLab user name)`,
          );
        if (name.join(':').length < 2)
          return wrong(
            `审批人“${entry}”缺少职务和姓名`,
            `reviewer "${entry}" has no title and name`,
          );
        reviewers.push({ login, name: name.join(':'), role: r });
      }
      const missing = (['review', 'approve'] as const).filter(
        (role) => !reviewers.some((x) => x.role === role),
      );
      if (missing.length)
        return wrong(
          `审批人中缺少${missing.map((m) => (m === 'review' ? '审核人（分管领导）' : '审定人（主要领导）')).join('和')}`,
          `the reviewers lack ${missing.map((m) => (m === 'review' ? 'a reviewer (审核)' : 'an approver (审定)')).join(' and ')}`,
        );
      return { value: reviewers };
    },
  } satisfies Question<ReviewerAnswer[]>,
  languages: {
    flag: 'languages',
    ask: {
      zh: '网站界面语言（zh，或 zh,en 另加英文界面）',
      en: 'the site languages (zh, or zh,en for an English interface too)',
    },
    example: 'zh,en',
    fallback: () => ['zh'],
    check: (raw) => {
      const list = one(raw)
        .split(/[,，\s]+/)
        .filter(Boolean);
      if (!list.every((l) => l === 'zh' || l === 'en') || !list.includes('zh'))
        return wrong(
          `界面语言“${one(raw)}”应为 zh 或 zh,en（中文界面始终发布）`,
          `site languages "${one(raw)}" must be zh or zh,en (Chinese is always published)`,
        );
      return { value: [...new Set(list)] as ('zh' | 'en')[] };
    },
  } satisfies Question<('zh' | 'en')[]>,
  language: {
    flag: 'language',
    ask: {
      zh: '校验报告和本程序提示的语言（zh 或 en）',
      en: 'the language of reports and of these messages (zh or en)',
    },
    example: 'zh',
    fallback: () => ['zh'],
    check: (raw) =>
      one(raw) === 'zh' || one(raw) === 'en'
        ? { value: one(raw) as 'zh' | 'en' }
        : wrong(`语言“${one(raw)}”应为 zh 或 en`, `language "${one(raw)}" must be zh or en`),
  } satisfies Question<'zh' | 'en'>,
};

/** How a wrong or missing answer is told: what, which flag or question, an example. */
export function explain(key: keyof InitAnswers, error: Bilingual, lang: 'zh' | 'en'): string {
  const q = QUESTIONS[key];
  const zh = `${error.zh} — 用 --${q.flag}（问题“${q.ask.zh}”）填写，例如 --${q.flag} "${q.example}"${q.many ? '（可重复多次）' : ''}`;
  const en = `${error.en} — give --${q.flag} (question "${q.ask.en}"), e.g. --${q.flag} "${q.example}"${q.many ? ' (repeat it for several)' : ''}`;
  return lang === 'en' ? `${zh}\n  ${en}` : zh;
}

/** A region code with its name, for the summary (210200 → 210200 辽宁省 大连市). */
export const regionLabel = (code: string) => `${code} ${regionFullName(code) ?? ''}`.trim();
