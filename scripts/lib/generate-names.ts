/**
 * Names for generated subjects: fictional 字号 (trade names) of two to four characters drawn from
 * a stock of common ones, the commonest most often, so that 2–4 character fragments recur across
 * many records while names start as variously as on real lists; each registration kind (the
 * code's positions 1–2, generate-codes.ts) has its own forms. Every organisation name ends in
 * （示例） so that no generated name is a real organisation's.
 */
import { maskPersonName } from '../../content/schema/index.ts';
import type { Random } from '../../content/schema/random.ts';

// Commonest first: zipf() draws early characters more often.
const TRADE_CHARS = new Set([
  ...'华瑞鑫泰盛恒宏远嘉鸿海祥兴丰安达通德信诚宇博利星辰腾凯龙富金新永长合力天正明东方顺和美广伟中联成辉昌隆晟悦润锦汇源航骏',
  ...'北洋港湾滨岛峰川林森建业开创立志远航启发展荣昊旭阳光亿万佳禾益康健福寿吉庆平宁静雅尚品优佳卓越精工匠艺众鼎晨曦蓝天',
  ...'青松翠竹梅兰菊荷桃李杏枫桥路桐柏橡蔚然浩瀚澜涛潮汐帆舟渔樱石玉晶钰铭锐锋钢铁铸轩宸昱晖煜炜烨灿琪琳瑶璐珂蓉芳菲蕾',
]);

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
  '国际贸易',
  '供应链管理',
  '建材',
  '装卸服务',
  '货运代理',
  '清洁服务',
  '园林绿化',
  '市政工程',
  '电气设备',
  '阀门',
  '轴承',
  '模具',
  '塑料制品',
  '渔业',
  '文化传媒',
  '教育咨询',
  '健康管理',
  '信息技术',
  '网络科技',
  '房地产开发',
  '汽车销售',
  '石油化工',
  '海洋工程',
  '机电设备',
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
const SOCIETIES = ['行业协会', '商会', '家政服务协会', '物业管理协会', '志愿者协会'];
const NON_PROFITS = ['养老服务中心', '社会工作服务中心', '培训学校', '幼儿园'];
const SHOPS = [
  '饭店',
  '便利店',
  '汽车修理部',
  '建材经销处',
  '理发店',
  '水产经销部',
  '五金商店',
  '服装店',
];
const FARMS = ['蔬菜种植', '水果种植', '海参养殖', '农机', '畜禽养殖', '樱桃种植', '贝类养殖'];
const ORGANS = ['城市管理局', '住房和城乡建设局', '交通运输局', '农业农村局', '市场监督管理局'];
const MASS_ORGS = ['妇女联合会', '残疾人联合会', '科学技术协会', '工商业联合会'];
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

const TRADE_STOCK = [...TRADE_CHARS];

/** An item, the earlier ones more often (the first tenth is drawn about a third of the time). */
function zipf<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(items.length * random.next() ** 2)]!;
}

/** A 字号 of two characters mostly, sometimes three or four, e.g. 华信, 金海湾. */
export function tradeName(random: Random): string {
  const length = random.weighted([
    [2, 80],
    [3, 15],
    [4, 5],
  ] as const);
  return Array.from({ length }, () => zipf(random, TRADE_STOCK)).join('');
}

/** A company name: 字号 and industry, with the place before the 字号 or in brackets after it. */
export function enterpriseName(random: Random, district: string): string {
  const place = random.weighted([
    [CITY, 40],
    ['辽宁', 8],
    [district.replace(/[区县市]$/, ''), 14],
    ['', 38],
  ] as const);
  const trade = tradeName(random);
  const named = place || !random.chance(0.15) ? place + trade : `${trade}（${CITY}）`;
  return `${named}${random.pick(INDUSTRIES)}${random.weighted(FORMS)}（示例）`;
}

/** A name of a registration kind other than 91 and 12 (positions 1–2 of its credit code). */
export function registeredName(prefix: string, random: Random, district: string): string {
  const trade = tradeName(random);
  const forms: Record<string, () => string> = {
    '92': () => `${district}${trade}${random.pick(SHOPS)}`,
    '93': () => `${district}${trade}${random.pick(FARMS)}专业合作社`,
    '31': () => `辽宁${trade}律师事务所`,
    N2: () => `${district}${trade}村股份经济合作社`,
    Y1: () => `${trade}（${CITY}）${random.pick(['办事处', '代表处'])}`,
    '11': () => `${CITY}市${district}${random.pick(ORGANS)}`,
    '13': () => `${CITY}市${district}${random.pick(MASS_ORGS)}`,
    '51': () => `${CITY}市${trade}${random.pick(SOCIETIES)}`,
    '52': () => `${CITY}市${trade}${random.pick(NON_PROFITS)}`,
    '53': () => `${CITY}市${trade}${random.pick(['慈善基金会', '教育基金会', '助学基金会'])}`,
    '59': () => `${CITY}市${trade}${random.pick(['社区服务中心', '公益服务站'])}`,
  };
  const form = forms[prefix];
  if (!form) throw new Error(`no name form for credit codes starting ${prefix}: add one here`);
  return `${form()}（示例）`;
}

export function institutionName(random: Random): string {
  return `${CITY}市${tradeName(random)}${random.pick(INSTITUTIONS)}（示例）`;
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
