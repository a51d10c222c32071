/**
 * The year scenario's own publisher: a fictional county HR bureau (示例数据) with its configuration,
 * its categories, one guide page and a record factory. Written from scratch under a temporary
 * folder, never copied from the project's content/, so the scenario keeps working whatever a
 * publisher puts there.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  addDays,
  batchOf,
  completeUscc,
  latestPublicationEnd,
  type IsoDate,
} from '../../../content/schema/index.ts';
import { recordToYaml } from '../../../content/schema/record-yaml.ts';

/** The region every entry of the scenario is in (江苏省苏州市吴中区, a real GB/T 2260 code). */
export const REGION = '320506';

const PUBLISHER = `# 虚构的发布单位，仅供“一年”场景测试（示例数据）。
name: 示例县人力资源和社会保障局（虚构，示例数据）
short_name: 示例县人社局
logo_text: 信用
region: "${REGION}"
site_url: https://credit.example.net/
language: zh
languages: [zh]
sample: true
contact:
  department: 示例县人社局劳动关系科（示例）
  address: 示例县示例路 9 号（示例地址）
  phone: 0512-00000000（示例）
approvals_required: 2
objection_working_days: 3
units:
  - id: inspection
    name: 劳动保障监察大队
  - id: relations
    name: 劳动关系科
`;

const CATEGORIES = `red:
  - id: integrity-grade-a
    name: { zh: 劳动保障守法诚信等级 A 级, en: Labour-security integrity grade A }
black:
  - id: wage-arrears
    name: { zh: 拖欠工资、违法用工, en: Wage arrears and illegal employment }
    repair:
      months_after_correction: 6
      requires_pledge: true
      requirements:
        - 已足额支付拖欠的劳动报酬
  - id: social-insurance
    name: { zh: 社会保险违法, en: Social insurance violations }
demo:
  - id: demonstration
    name: { zh: 和谐劳动关系创建示范单位, en: Harmonious labour relations demonstration unit }
`;

const GUIDE = `---
title: 异议处理
description: 认为名单信息有错误，如何提出异议（示例）。
order: 1
---

任何单位和个人认为名单信息有误的，可以提出异议；发布单位收到后 3 个工作日内核实处理。（示例数据）
`;

/**
 * Next year's holidays as the publisher adds them once the State Council's notice is out. Made up
 * for the test (示例): 1 January 2027, a Friday, off; nothing else before February matters here.
 */
export const CALENDAR_2027 = `# 虚构的 2027 年节假日安排，仅供“一年”场景测试（示例数据），不是国务院办公厅的通知。
year: 2027
notice:
  number: 示例〔2026〕0号
  date: 2026-11-05
  title: 关于 2027 年部分节假日安排的通知（虚构，示例数据）
holidays:
  - name: 元旦
    from: 2027-01-01
    to: 2027-01-01
  - name: 春节
    from: 2027-02-05
    to: 2027-02-11
workdays:
  - date: 2027-01-31
    name: 春节
  - date: 2027-02-20
    name: 春节
`;

/** Writes the publisher's configuration, categories and guide page under root/content. */
export function writePublisherRoot(root: string): void {
  const files: Record<string, string> = {
    'content/publisher.yaml': PUBLISHER,
    'content/categories.yaml': CATEGORIES,
    'content/pages/objections.mdx': GUIDE,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** What the scenario says about an entry. */
export interface EntrySpec {
  id: string;
  list: 'red' | 'black' | 'demo';
  /** The subject's name: fictional, marked 示例, unique enough to be searched for in every output. */
  name: string;
  /** 17 characters; the check character is computed. */
  code17?: string;
  kind?: 'enterprise' | 'park';
  category: string;
  /** The proposed publication start; the end is three years on. */
  start: IsoDate;
  /** A fact sentence that only this entry carries. */
  facts: string;
  /** Approvals already given (imported entries); a submission has none. */
  approved?: boolean;
}

/** The path of an entry's file. */
export const recordPath = (e: Pick<EntrySpec, 'id' | 'list' | 'start'>) =>
  `content/records/${e.list}/${e.start.slice(0, 4)}/${e.id}.yaml`;

/** An entry as the YAML text a submitting unit sends (or, with approvals, as imported). */
export function recordYaml(e: EntrySpec): {
  path: string;
  text: string;
  code?: string;
  end: IsoDate;
} {
  const code = e.code17 ? completeUscc(e.code17) : undefined;
  const end = latestPublicationEnd(e.start);
  const decided = addDays(e.start, -20);
  const record = {
    id: e.id,
    list: e.list,
    batch: batchOf(e.start),
    sample: true,
    subject: { kind: e.kind ?? 'enterprise', name: e.name, ...(code ? { code } : {}) },
    region: REGION,
    category: e.category,
    facts: e.facts,
    legal_basis:
      e.list === 'black'
        ? '《保障农民工工资支付条例》第五十四条'
        : '《示例县劳动关系信用管理办法》第五条（示例）',
    decision: {
      authority: '示例县人力资源和社会保障局',
      document_number: `示吴人社〔${e.start.slice(0, 4)}〕${e.id.slice(-2)}号`,
      date: decided,
    },
    submitted: {
      unit: e.list === 'black' ? '劳动保障监察大队' : '劳动关系科',
      date: addDays(decided, 2),
    },
    ...(e.approved
      ? {
          approvals: [
            { role: 'review', by: '分管副局长 王某', date: addDays(decided, 4) },
            { role: 'approve', by: '局长 李某', date: addDays(decided, 5) },
          ],
        }
      : {}),
    publication: { start: e.start, end },
    ...(e.list === 'demo'
      ? { demonstration: { level: 'county', named_by: '示例县协调劳动关系三方委员会' } }
      : {}),
    history: [{ status: 'listed', date: e.start }],
  };
  return { path: recordPath(e), text: recordToYaml(record), code, end };
}
