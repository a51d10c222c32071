/**
 * Every file under /data/, built once per build from the dataset, so that the endpoints serve
 * them and the data-package index can hash exactly the bytes that are published.
 */
import { createHash } from 'node:crypto';
import { LISTS } from '../../../content/schema/index.ts';
import {
  batchChangeFiles,
  buildChangeFile,
  type BatchChangeFile,
  type BuildChangeFile,
  type PreviousData,
} from './changes.ts';
import { csvColumns } from './columns.ts';
import { toCsv } from './csv.ts';
import type { Dataset } from './dataset.ts';
import { absoluteUrl, exportEntry, type ExportEntry } from './entry.ts';
import { lookupAnswers, type LookupAnswer } from './lookup.ts';
import { recordJsonSchema, recordsFileJsonSchema } from './schema.ts';
import { statistics, type Statistics } from './statistics.ts';

/** One published file of the data package. */
export interface DataFile {
  /** Path under /data/. */
  path: string;
  title: string;
  mediatype: string;
  content: string;
  bytes: number;
  sha256: string;
  /** Frictionless Table Schema, for the CSV. */
  schema?: { fields: { name: string; title: string; description: string; type: string }[] };
}

/** Everything /data/ publishes. */
export interface DataBundle {
  version: string;
  builtAt: string;
  entries: ExportEntry[];
  statistics: Statistics;
  lookup: Map<string, LookupAnswer>;
  batchChanges: Map<string, BatchChangeFile>;
  latestChanges: BuildChangeFile;
  /** The files listed in the data package, by path. */
  files: Map<string, DataFile>;
  /** datapackage.json, the index: version, date, counts and the SHA-256 of every file above. */
  datapackage: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const JSON_TYPE = 'application/json';

/**
 * Builds every data file; `previous` is the previous published data, for changes/latest.json.
 * `builtAt` (datapackage.json's `created`) defaults to the as-of date at midnight China time, not
 * the clock, so the same content on the same date gives the same files.
 */
export function buildDataBundle(
  dataset: Dataset,
  previous?: PreviousData,
  builtAt = `${dataset.asOf}T00:00:00+08:00`,
): DataBundle {
  const { asOf, publisher, categories, siteUrl } = dataset;
  const dataUrl = (path: string) => absoluteUrl(siteUrl, `/data/${path}`);
  const entries = dataset.records.map((r) => exportEntry(r, dataset));
  const columns = csvColumns();
  const stats = statistics(dataset.records, categories, asOf);
  const files = new Map<string, DataFile>();
  const put = (file: Omit<DataFile, 'bytes' | 'sha256'>) =>
    files.set(file.path, {
      ...file,
      bytes: Buffer.byteLength(file.content, 'utf8'),
      sha256: sha256(file.content),
    });

  const recordsJson = JSON.stringify({
    $schema: dataUrl('records.schema.json'),
    title: `${publisher.name} 劳动关系信用名单`,
    publisher: { name: publisher.name, region: publisher.region, site_url: publisher.site_url },
    as_of: asOf,
    sample: publisher.sample,
    count: entries.length,
    lists: Object.fromEntries(
      LISTS.map((l) => [l, entries.filter((e) => e.record.list === l).length]),
    ),
    entries,
  });
  put({
    path: 'records.json',
    title: '全部公开条目（JSON）',
    mediatype: JSON_TYPE,
    content: recordsJson,
  });
  put({
    path: 'records.csv',
    title: '全部公开条目（CSV，UTF-8 带 BOM）',
    mediatype: 'text/csv',
    content: toCsv(columns, entries),
    schema: {
      fields: columns.map(({ name, title, description, type }) => ({
        name,
        title,
        description,
        type,
      })),
    },
  });
  put({
    path: 'records.schema.json',
    title: 'records.json 的 JSON Schema',
    mediatype: 'application/schema+json',
    content: pretty(recordsFileJsonSchema(categories, dataUrl('records.schema.json'))),
  });
  put({
    path: 'record.schema.json',
    title: '单条记录的 JSON Schema',
    mediatype: 'application/schema+json',
    content: pretty(recordJsonSchema(categories, dataUrl('record.schema.json'))),
  });

  const lookup = lookupAnswers(entries);
  put({
    path: 'codes.txt',
    title: '当前在列的统一社会信用代码（每行一个）',
    mediatype: 'text/plain',
    content: [...lookup.keys()]
      .sort()
      .map((c) => `${c}\n`)
      .join(''),
  });
  put({ path: 'statistics.json', title: '统计数据', mediatype: JSON_TYPE, content: pretty(stats) });

  const version = `${asOf.replace(/-/g, '')}-${sha256(recordsJson).slice(0, 8)}`;
  const batchChanges = batchChangeFiles(dataset, entries);
  const latestChanges = buildChangeFile(previous, entries, dataset.retired, asOf, version);
  for (const [batch, file] of batchChanges)
    put({
      path: `changes/${batch}.json`,
      title: `${batch} 批次变更`,
      mediatype: JSON_TYPE,
      content: JSON.stringify(file),
    });
  put({
    path: 'changes/latest.json',
    title: '与上一版本相比的变更',
    mediatype: JSON_TYPE,
    content: JSON.stringify(latestChanges),
  });
  put({
    path: 'changes/index.json',
    title: '变更文件目录',
    mediatype: JSON_TYPE,
    content: pretty({
      version,
      as_of: asOf,
      latest: {
        path: 'changes/latest.json',
        base: latestChanges.base,
        counts: latestChanges.counts,
      },
      batches: [...batchChanges.values()].map((f) => ({
        batch: f.batch,
        path: `changes/${f.batch}.json`,
        complete: f.complete,
        counts: f.counts,
      })),
    }),
  });

  const datapackage = pretty({
    profile: 'data-package',
    name: 'honghei-credit-lists',
    id: dataUrl('datapackage.json'),
    title: `${publisher.name} 劳动关系信用红黑名单开放数据`,
    description:
      '守信红榜、失信黑名单、和谐劳动关系示范单位中于发布日处于公布期内的全部条目。说明见 /data/ 页面。',
    homepage: dataUrl(''),
    version,
    created: builtAt,
    sources: [{ title: publisher.name, path: publisher.site_url }],
    honghei: {
      as_of: asOf,
      sample: publisher.sample,
      counts: {
        entries: entries.length,
        lists: Object.fromEntries(stats.by_list.map((c) => [c.key, c.count])),
        codes: lookup.size,
      },
      lookup: {
        path: 'lookup/{code}.json',
        index: 'lookup/index.json',
        files: lookup.size,
        not_listed: 'HTTP 404',
      },
      changes: 'changes/index.json',
      delta: 'changes/latest.json',
    },
    resources: [...files.values()].map((f) => ({
      name: f.path.replace(/[^a-z0-9]+/gi, '-').toLowerCase(),
      path: f.path,
      title: f.title,
      mediatype: f.mediatype,
      encoding: 'utf-8',
      bytes: f.bytes,
      hash: `sha256:${f.sha256}`,
      ...(f.schema
        ? {
            format: 'csv',
            dialect: { delimiter: ',', lineTerminator: '\r\n', header: true },
            schema: f.schema,
          }
        : {}),
    })),
  });
  return {
    version,
    builtAt,
    entries,
    statistics: stats,
    lookup,
    batchChanges,
    latestChanges,
    files,
    datapackage,
  };
}
