/**
 * Names for generated subjects: fictional 字号 (trade names) built from a small stock of common
 * characters, so that 2–4 character fragments recur across many records, as in real lists. Every
 * organisation name ends in （示例） so that no generated name is a real organisation's.
 */
import { maskPersonName } from '../../content/schema/index.ts';
import type { Random } from '../../content/schema/random.ts';

const TRADE_CHARS = [
  ...'华瑞鑫泰盛恒宏远嘉鸿海祥兴丰安达通德信诚宇博利星辰腾凯龙富金新永长合力天正明东方顺和美广伟中联成辉昌隆晟悦润锦汇源航骏',
];

const INDUSTRIES = [
  '机械制造',
  '建筑劳务',
  '建设工程',
  '装饰工程',
  '物流',
  '港口物流',
  '冷链物流',
  '食品',
  '海洋食品',
  '电子科技',
  '软件',
  '服装',
  '服饰',
  '纺织',
  '餐饮管理',
  '酒店管理',
  '物业服务',
  '人力资源服务',
  '劳务派遣',
  '汽车零部件',
  '化工',
  '船舶配套',
  '商贸',
  '家具',
  '包装',
  '印刷',
  '医药',
  '新能源',
  '精密机械',
  '钢结构',
  '水产',
  '农业发展',
  '环保科技',
  '快递服务',
  '电商科技',
  '保安服务',
];
const FORMS: readonly (readonly [string, number])[] = [
  ['有限公司', 70],
  ['有限责任公司', 10],
  ['股份有限公司', 10],
  ['集团有限公司', 5],
  ['合伙企业', 5],
];
const INSTITUTIONS = [
  '职业技术学校',
  '中心医院',
  '康复医院',
  '社区卫生服务中心',
  '技师学院',
  '中等专业学校',
  '图书馆',
  '文化馆',
];
const SOCIAL_ORGS = [
  '行业协会',
  '商会',
  '家政服务协会',
  '养老服务中心',
  '社会工作服务中心',
  '培训学校',
  '物业管理协会',
  '志愿者协会',
];
const PARKS = ['工业园区', '产业园', '科技园', '临港产业园', '物流园区', '食品工业园'];
const INDUSTRY_NAMES = [
  '建筑施工',
  '快递物流',
  '餐饮',
  '物业服务',
  '家政服务',
  '网约车',
  '外卖配送',
  '纺织服装',
  '水产加工',
  '装备制造',
];
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢',
];
const CITY = '大连';

/** A 字号 of two characters, e.g. 华信. */
export function tradeName(random: Random): string {
  return random.pick(TRADE_CHARS) + random.pick(TRADE_CHARS);
}

/** A company name: optional city, 字号, industry, legal form, （示例）. */
export function enterpriseName(random: Random, district: string): string {
  const place = random.weighted([
    [CITY, 45],
    [district.replace(/[区县市]$/, ''), 15],
    ['', 40],
  ] as const);
  return `${place}${tradeName(random)}${random.pick(INDUSTRIES)}${random.weighted(FORMS)}（示例）`;
}

export function institutionName(random: Random): string {
  return `${CITY}市${tradeName(random)}${random.pick(INSTITUTIONS)}（示例）`;
}

export function socialOrgName(random: Random): string {
  return `${CITY}市${tradeName(random)}${random.pick(SOCIAL_ORGS)}（示例）`;
}

export function parkName(random: Random, district: string): string {
  return `${district}${tradeName(random)}${random.pick(PARKS)}（示例）`;
}

export function townshipName(random: Random, district: string): string {
  return `${district}${tradeName(random)}${random.weighted([
    ['街道', 70],
    ['镇', 30],
  ] as const)}（示例）`;
}

export function industryName(random: Random): string {
  return `${CITY}市${random.pick(INDUSTRY_NAMES)}行业（示例）`;
}

/** A masked personal name: 张某 or 张某某. */
export function maskedPerson(random: Random): string {
  return maskPersonName(random.pick(SURNAMES) + (random.chance(0.7) ? '某某' : '某'));
}

/** A masked resident ID number of someone registered in a district: 210211********321X. */
export function maskedId(random: Random, region: string): string {
  return `${region}********${String(random.int(0, 999)).padStart(3, '0')}${random.pick([...'0123456789X'])}`;
}
