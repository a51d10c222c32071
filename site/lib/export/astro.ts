/**
 * The dataset and the data files inside an Astro build, computed once per build and shared by
 * every endpoint and page that needs them (getCollection is walked once, not once per page).
 */
import { getCollection } from 'astro:content';
import { site } from 'astro:config/server';
import { basename } from 'node:path';
import {
  listRecordFiles,
  readYaml,
  recordSchemaFor,
  type Categories,
  type HongheiRecord,
} from '../../../content/schema/index.ts';
import {
  categories as siteCategories,
  contentRoot,
  publisher as sitePublisher,
  siteDate,
} from '../site-context.ts';
import { buildDataset, type Dataset } from './dataset.ts';
import { buildDataBundle, type DataBundle } from './files.ts';
import { previousDataFromEnv } from './previous.ts';

/** The folder holding content/ (the site's content root: `npm run build -- --root DIR`). */
export const projectRoot = contentRoot();

/**
 * The repository's records that are not in the collection (not public on the date). The loader
 * has already validated every file, so a file that fails here cannot occur; it is skipped rather
 * than trusted.
 */
function otherRecords(publicIds: ReadonlySet<string>, categories: Categories): HongheiRecord[] {
  const schema = recordSchemaFor(categories);
  const out: HongheiRecord[] = [];
  for (const file of listRecordFiles(projectRoot)) {
    if (publicIds.has(basename(file).replace(/\.ya?ml$/, ''))) continue;
    const parsed = schema.safeParse(readYaml(projectRoot, file).data);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

let dataset: Promise<Dataset> | undefined;
let bundle: Promise<DataBundle> | undefined;

/** The public records and the retirement facts, as of the publication date. */
export function getDataset(): Promise<Dataset> {
  dataset ??= (async () => {
    const publisher = sitePublisher();
    const categories = siteCategories();
    const records = (await getCollection('records')).map((e) => e.data as HongheiRecord);
    const others = otherRecords(new Set(records.map((r) => r.id)), categories);
    const siteUrl = site ?? publisher.site_url;
    return buildDataset(records, others, { asOf: siteDate(), publisher, categories, siteUrl });
  })();
  return dataset;
}

/** Every file under /data/. */
export function getDataBundle(): Promise<DataBundle> {
  bundle ??= (async () => buildDataBundle(await getDataset(), await previousDataFromEnv()))();
  return bundle;
}
