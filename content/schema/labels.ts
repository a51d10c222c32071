/**
 * The fixed vocabularies of the record model and their names in Chinese and English. The lists'
 * categories are not here: they are the publisher's data (content/categories.yaml).
 */
import type { Lang } from './messages.ts';

type Names<K extends string> = Record<K, Record<Lang, string>>;

/** The three lists. */
export const LISTS = ['red', 'black', 'demo'] as const;
export type ListId = (typeof LISTS)[number];
export const LIST_NAMES: Names<ListId> = {
  red: { zh: '守信红榜', en: 'Red list (trustworthy employers)' },
  black: { zh: '失信黑名单', en: 'Black list (serious labour-law violations)' },
  demo: { zh: '和谐劳动关系示范单位', en: 'Harmonious labour relations demonstration units' },
};

/** Subject kinds (002, 三; 003/004 for parks, townships and industries). */
export const SUBJECT_KINDS = [
  'enterprise',
  'institution',
  'social-org',
  'individual',
  'park',
  'township',
  'industry',
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const SUBJECT_KIND_NAMES: Names<SubjectKind> = {
  enterprise: { zh: '企业', en: 'enterprise' },
  institution: { zh: '事业单位', en: 'public institution' },
  'social-org': { zh: '社会组织', en: 'social organisation' },
  individual: { zh: '个人', en: 'individual' },
  park: { zh: '工业园区', en: 'industrial park' },
  township: { zh: '乡镇（街道）', en: 'township or street' },
  industry: { zh: '行业', en: 'industry' },
};

/** Which subject kinds each list admits. */
export const KINDS_BY_LIST: Record<ListId, readonly SubjectKind[]> = {
  red: ['enterprise', 'institution', 'social-org', 'individual'],
  black: ['enterprise', 'institution', 'social-org', 'individual'],
  demo: ['enterprise', 'park', 'township', 'industry'],
};

/** Kinds identified by a unified social credit code. */
export const KINDS_WITH_CODE: readonly SubjectKind[] = ['enterprise', 'institution', 'social-org'];

/** Status events of an entry's history. */
export const STATUSES = [
  'listed',
  'objection',
  'maintained',
  'corrected',
  'repair-applied',
  'removed',
  'revoked',
  'expired',
] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_NAMES: Names<Status> = {
  listed: { zh: '列入', en: 'listed' },
  objection: { zh: '异议处理中', en: 'under objection' },
  maintained: { zh: '异议不成立，维持', en: 'objection rejected, maintained' },
  corrected: { zh: '已更正', en: 'corrected' },
  'repair-applied': { zh: '已申请信用修复', en: 'early removal applied for' },
  removed: { zh: '提前移出', en: 'removed early' },
  revoked: { zh: '撤销', en: 'revoked' },
  expired: { zh: '期满移出', en: 'expired' },
};

/**
 * Statuses under which an entry stays public. A revoked demonstration unit stays public until the
 * end of its period, because the revocation itself is published (003, 实施动态管理); a revoked
 * red- or black-list entry was wrong and disappears.
 */
export const PUBLIC_STATUSES: Record<ListId, readonly Status[]> = {
  red: ['listed', 'objection', 'maintained', 'corrected'],
  black: ['listed', 'objection', 'maintained', 'corrected', 'repair-applied'],
  demo: ['listed', 'objection', 'maintained', 'corrected', 'revoked'],
};

/** Naming levels of a demonstration unit. */
export const DEMO_LEVELS = ['county', 'city', 'province', 'national'] as const;
export type DemoLevel = (typeof DEMO_LEVELS)[number];
export const DEMO_LEVEL_NAMES: Names<DemoLevel> = {
  county: { zh: '县级', en: 'county' },
  city: { zh: '市级', en: 'city' },
  province: { zh: '省级', en: 'province' },
  national: { zh: '全国', en: 'national' },
};

/** Roles of the two approvals (002, 发布程序). */
export const APPROVAL_ROLES = ['review', 'approve'] as const;
export type ApprovalRole = (typeof APPROVAL_ROLES)[number];
export const APPROVAL_ROLE_NAMES: Names<ApprovalRole> = {
  review: { zh: '审核', en: 'reviewed' },
  approve: { zh: '审定', en: 'approved' },
};

/** Roles of persons published with an entry (人社部令第45号 lists them with the employer). */
export const PERSON_ROLES = ['legal-representative', 'responsible-person'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const PERSON_ROLE_NAMES: Names<PersonRole> = {
  'legal-representative': { zh: '法定代表人', en: 'legal representative' },
  'responsible-person': { zh: '直接责任人', en: 'directly responsible person' },
};

/** Attachment kinds and the file types each accepts. */
export const ATTACHMENT_KINDS = [
  'picture',
  'case-report',
  'decision',
  'evidence',
  'pledge',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_KIND_NAMES: Names<AttachmentKind> = {
  picture: { zh: '图片', en: 'picture' },
  'case-report': { zh: '典型案例报告', en: 'typical-case report' },
  decision: { zh: '决定文书', en: 'decision document' },
  evidence: { zh: '证据材料', en: 'evidence' },
  pledge: { zh: '信用承诺书', en: 'written pledge' },
};
export const ATTACHMENT_EXTENSIONS: Record<AttachmentKind, readonly string[]> = {
  picture: ['jpg', 'jpeg', 'png', 'webp'],
  'case-report': ['pdf', 'jpg', 'jpeg', 'png', 'webp'],
  decision: ['pdf', 'jpg', 'jpeg', 'png'],
  evidence: ['pdf', 'jpg', 'jpeg', 'png', 'webp'],
  pledge: ['pdf', 'jpg', 'jpeg', 'png'],
};
/**
 * Kinds that are never public: evidence and pledges carry personal data and signatures. They go to
 * the publisher's private store (docs/private-files.md), never into content/; any other kind may
 * be private too (a decision document not meant for publication).
 */
export const PRIVATE_ATTACHMENT_KINDS: readonly AttachmentKind[] = ['evidence', 'pledge'];
/** The media type of each file extension an attachment may have. */
export const ATTACHMENT_MEDIA_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

/** A name in the requested language. */
export function nameOf<K extends string>(names: Names<K>, key: K, lang: Lang = 'zh'): string {
  return names[key][lang];
}
