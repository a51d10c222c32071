/**
 * Facts, legal bases and deciding authorities for generated records, by category. A category the
 * publisher added (not known here) gets a generic text, so the generator works with any
 * content/categories.yaml.
 */
import type { ListId } from '../../content/schema/index.ts';
import type { Random } from '../../content/schema/random.ts';

type Facts = (r: Random) => string;
interface CategoryText {
  facts: Facts;
  basis: string;
  authority: 'union' | 'hrss' | 'tripartite';
}

const n = (r: Random, min: number, max: number) => r.int(min, max);
const money = (r: Random, min: number, max: number) => (r.int(min * 10, max * 10) / 10).toFixed(1);
const WAGE_BASIS =
  '《保障农民工工资支付条例》第五十四条；《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人社部令第45号）第五条';
const STANDARD_1 = '大工办发〔2016〕18号 基本标准（一）';
const STANDARD_2 = '大工办发〔2016〕18号 基本标准（二）';

const TEXTS: Record<string, CategoryText> = {
  'credit-rating': {
    facts: (r) =>
      `该单位在省劳动关系信用信息系统中评分达到 3A，全市排名第 ${n(r, 1, 50)} 位，经工会确认。`,
    basis: STANDARD_1,
    authority: 'union',
  },
  recommended: {
    facts: (r) =>
      `该单位全员签订劳动合同并开展工资集体协商，连续 ${n(r, 2, 5)} 年无劳动争议，经工会推荐。`,
    basis: STANDARD_1,
    authority: 'union',
  },
  commended: {
    facts: (r) => `该单位 ${n(r, 2021, 2025)} 年获评市级劳动关系和谐单位。`,
    basis: STANDARD_1,
    authority: 'union',
  },
  'integrity-grade-a': {
    facts: () => '该单位连续两年劳动保障守法诚信等级评为 A 级，无其他领域严重失信记录。',
    basis: '人社系统信用“红黑名单”发布制度 三、发布范围',
    authority: 'hrss',
  },
  'serious-violation': {
    facts: (r) =>
      `该单位以扣押证件、收取押金等方式限制 ${n(r, 10, 80)} 名职工离职，造成严重社会影响。`,
    basis: '《劳动合同法》第九条、第八十四条',
    authority: 'hrss',
  },
  'mass-incident': {
    facts: (r) => `该单位拖欠工程款引发 ${n(r, 30, 300)} 名职工集体上访，造成严重社会影响。`,
    basis: STANDARD_2,
    authority: 'union',
  },
  'major-accident': {
    facts: (r) =>
      `该单位违规组织作业，发生造成 ${n(r, 1, 5)} 名职工死亡的生产安全事故，负有主要责任。`,
    basis: `《安全生产法》；${STANDARD_2}`,
    authority: 'union',
  },
  'female-workers': {
    facts: (r) => `该单位因女职工怀孕降低 ${n(r, 1, 9)} 人工资并调岗，经督促拒不改正。`,
    basis: '《女职工劳动保护特别规定》第五条、第六条',
    authority: 'union',
  },
  'no-union': {
    facts: (r) => `该单位职工 ${n(r, 50, 900)} 人，经工会多次书面督促仍拒不依法组建工会。`,
    basis: `《工会法》第十一条；${STANDARD_2}`,
    authority: 'union',
  },
  contracts: {
    facts: (r) => {
      const t = n(r, 20, 400);
      return `该单位 ${t} 名职工中 ${n(r, 10, t)} 人未签订书面劳动合同。`;
    },
    basis: '《劳动合同法》第十条、第八十二条',
    authority: 'union',
  },
  'no-congress': {
    facts: (r) =>
      `该单位职工 ${n(r, 100, 2000)} 人，连续 ${n(r, 2, 5)} 年未召开职工代表大会，未实行厂务公开。`,
    basis: STANDARD_2,
    authority: 'union',
  },
  'wage-arrears': {
    facts: (r) =>
      `拖欠 ${n(r, 5, 300)} 名劳动者工资共计 ${money(r, 3, 400)} 万元，经责令限期支付后逾期未支付。`,
    basis: WAGE_BASIS,
    authority: 'hrss',
  },
  'social-insurance': {
    facts: (r) => `该单位未为 ${n(r, 5, 200)} 名职工缴纳社会保险费，经责令限期缴纳后逾期仍未缴纳。`,
    basis: '《社会保险法》第八十六条',
    authority: 'hrss',
  },
  'labour-dispatch': {
    facts: (r) =>
      `该单位违法使用被派遣劳动者 ${n(r, 20, 300)} 人，超过用工总量比例限制，经责令改正逾期未改。`,
    basis: '《劳务派遣暂行规定》第四条；《劳动合同法》第九十二条',
    authority: 'hrss',
  },
  'working-hours': {
    facts: (r) =>
      `该单位安排职工每日工作 ${n(r, 11, 14)} 小时、每月休息不足 ${n(r, 1, 3)} 日，经责令改正仍未改正。`,
    basis: '《劳动法》第四十一条、第九十条',
    authority: 'hrss',
  },
  demonstration: {
    facts: (r) =>
      `经评估，该单位（地区、行业）达到和谐劳动关系创建标准，职工满意度测评 ${n(r, 90, 99)}%。`,
    basis: '临人社发〔2023〕8号 创建标准',
    authority: 'tripartite',
  },
  compliance: {
    facts: () => '对照创建标准自评，经当地协调劳动关系三方评估验收达标。',
    basis: '临人社发〔2023〕8号 评估验收',
    authority: 'tripartite',
  },
};

const GENERIC: Record<ListId, CategoryText> = {
  red: {
    facts: () => '该单位符合守信红榜标准，经核实列入。',
    basis: STANDARD_1,
    authority: 'union',
  },
  black: {
    facts: () => '该单位存在严重劳动违法失信行为，经核实列入。',
    basis: STANDARD_2,
    authority: 'union',
  },
  demo: {
    facts: () => '经评估达到和谐劳动关系创建标准。',
    basis: '临人社发〔2023〕8号 创建标准',
    authority: 'tripartite',
  },
};

const AUTHORITIES = {
  union: { name: '大连市总工会（示例）', prefix: '示工发' },
  hrss: { name: '大连市人力资源和社会保障局（示例）', prefix: '示人社监' },
  tripartite: { name: '大连市协调劳动关系三方委员会（示例）', prefix: '示协调' },
} as const;

/** The facts, basis and deciding authority of a generated record. */
export function textsFor(list: ListId, category: string, random: Random, year: string) {
  const text = TEXTS[category] ?? GENERIC[list];
  const authority = AUTHORITIES[text.authority];
  return {
    facts: `${text.facts(random)}（示例数据）`,
    legal_basis: text.basis,
    authority: authority.name,
    document_number: `${authority.prefix}〔${year}〕${random.int(1, 199)}号`,
  };
}
