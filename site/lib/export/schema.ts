/**
 * The JSON Schemas of the exports, generated with zod 4's z.toJSONSchema from the one record schema
 * (content/schema): never written by hand, so a field added to the record appears here by itself.
 * The envelope of records.json is described with zod too, beside the record it wraps.
 */
import { z } from 'zod';
import {
  LISTS,
  recordSchemaFor,
  STATUSES,
  type Categories,
} from '../../../content/schema/index.ts';

const JSON_SCHEMA_OPTIONS = { io: 'output', target: 'draft-2020-12' } as const;

/** The zod schema of one entry of records.json. */
export function entrySchema(categories: Categories) {
  return z.strictObject({
    id: z.string().describe('稳定编号，与记录的 id 相同'),
    url: z.url().describe('条目页面的地址'),
    status: z.enum(STATUSES).describe('发布日当天的状态（由状态记录计算）'),
    labels: z
      .strictObject({
        list: z.string().describe('名单名称'),
        status: z.string().describe('状态名称'),
        subject_kind: z.string().describe('主体类型名称'),
        category: z.string().describe('列入类别名称'),
        region: z.string().describe('行政区划名称'),
      })
      .describe('各代码的中文名称'),
    record: recordSchemaFor(categories).describe(
      '记录本身，字段见 record.schema.json；不公开的附件已略去',
    ),
  });
}

/** The zod schema of records.json. */
export function recordsFileSchema(categories: Categories) {
  return z.strictObject({
    $schema: z.string().describe('本文件的 JSON Schema 地址'),
    title: z.string(),
    publisher: z
      .strictObject({ name: z.string(), region: z.string(), site_url: z.url() })
      .describe('发布单位'),
    as_of: z.string().describe('发布日期：只含当天处于公布期内的条目'),
    sample: z.boolean().describe('为 true 时全部为示例数据'),
    count: z.number().int().min(0).describe('条目数'),
    lists: z
      .strictObject(
        Object.fromEntries(LISTS.map((l) => [l, z.number().int().min(0)])) as Record<
          (typeof LISTS)[number],
          z.ZodNumber
        >,
      )
      .describe('各名单条目数'),
    entries: z.array(entrySchema(categories)).describe('条目，按 id 排序'),
  });
}

/** The JSON Schema of one record (record.schema.json). */
export function recordJsonSchema(categories: Categories, id: string): Record<string, unknown> {
  return {
    ...z.toJSONSchema(recordSchemaFor(categories), JSON_SCHEMA_OPTIONS),
    $id: id,
    title: '劳动关系信用名单记录',
  };
}

/** The JSON Schema of records.json (records.schema.json). */
export function recordsFileJsonSchema(categories: Categories, id: string): Record<string, unknown> {
  return {
    ...z.toJSONSchema(recordsFileSchema(categories), JSON_SCHEMA_OPTIONS),
    $id: id,
    title: '劳动关系信用名单全量导出（records.json）',
  };
}
