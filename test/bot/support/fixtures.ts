/** Test data for the bot's journeys: fictional, marked 示例, credit codes with positions 3–8 = 000000. */
import { readFileSync } from 'node:fs';
import { completeUscc } from '../../../content/schema/index.ts';
import type { Answer } from './drive.ts';
import { sampleFile } from '../../fixtures/roots.ts';

/** A valid fictional credit code; `n` keeps codes of different tests apart. */
export const testCode = (n: number) => completeUscc(`91000000BT${String(n).padStart(7, '0')}`);

/** A real JPEG (a sample picture of the repository). */
export const JPEG = readFileSync(sampleFile('media/cases/wage-arrears-site.jpg'));

/** A small, well-formed PDF. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Answers of a complete black-list entry for an enterprise, by question title (today 2026-11-20). */
export function blackListAnswers(
  code: string,
  overrides: Record<string, Answer> = {},
): Record<string, Answer> {
  return {
    名单: { press: '失信黑名单' },
    主体类型: { press: '企业' },
    主体名称: '示例市某某建筑劳务有限公司（示例）',
    统一社会信用代码: code,
    '住所（经营场所）': '示例市示例区建设路 18 号（示例地址）',
    同时公布的人员: { skip: true },
    所在地区: { press: /210200/ },
    列入类别: { press: '拖欠工资' },
    事由: '该单位拖欠 12 名劳动者工资共计 8.6 万元，经责令限期支付后逾期未付。（示例数据）',
    依据: '《保障农民工工资支付条例》第五十四条',
    认定机关: '示例市人力资源和社会保障局',
    决定文号: '示人社监〔2026〕31号',
    决定日期: '2026-10-15',
    报送日期: { press: '2026-11-20' },
    发布开始日期: { press: '2026-11-20' },
    发布结束日期: { press: /2029/ },
    典型案例报告: { skip: true },
    图片: { skip: true },
    决定文书: { skip: true },
    原始公告链接: { skip: true },
    ...overrides,
  };
}

/** The same entry answered in English, by the English question titles. */
export function englishBlackListAnswers(
  code: string,
  overrides: Record<string, Answer> = {},
): Record<string, Answer> {
  return {
    List: { press: 'Black list' },
    'Kind of subject': { press: 'enterprise' },
    Name: '示例市某某建筑劳务有限公司（示例）',
    'Unified social credit code': code,
    Address: '示例市示例区建设路 18 号（示例地址）',
    'Persons published with the entry': { skip: true },
    Region: { press: /210200/ },
    Category: { press: /Wage arrears/ },
    Facts: '该单位拖欠 12 名劳动者工资共计 8.6 万元，经责令限期支付后逾期未付。（示例数据）',
    'Legal basis': '《保障农民工工资支付条例》第五十四条',
    'Deciding authority': '示例市人力资源和社会保障局',
    'Document number': '示人社监〔2026〕31号',
    'Date of decision': '2026-10-15',
    'Submission date': { press: '2026-11-20' },
    'Publication start': { press: '2026-11-20' },
    'Publication end': { press: /2029/ },
    'typical-case report': { skip: true },
    picture: { skip: true },
    'decision document': { skip: true },
    'Link to the original notice': { skip: true },
    ...overrides,
  };
}
