/**
 * The dataset and the data files inside an Astro build, computed once per build and shared by
 * every endpoint and page that needs them (getCollection is walked once, not once per page).
 */
import { getCollection } from 'astro:content';
import { root, site } from 'astro:config/server';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  listRecordFiles, loadCategories, loadPublisher, publicationDate, readYaml, recordSchemaFor, type HongheiRecord,
} from '../../../content/schema/index.ts';
import { buildDataset, type Dataset } from './dataset.ts';
import { buildDataBundle, type DataBundle } from './files.ts';
import { previousDataFromEnv } from './previous.ts';

/**
 * The folder holding content/: HONGHEI_CONTENT_ROOT (set by `npm run build -- --root DIR`), else
 * the project root.
 */
export const projectRoot = process.env.HONGHEI_CONTENT_ROOT?.trim() || fileURLToPath(root);

/**
 * The repository's records that are not in the collection (not public on the date). The loader
 * has already validated every file, so a file that fails here cannot occur; it is skipped rather
 * than trusted.
 */
function otherRecords(publicIds: ReadonlySet<string>, categories: ReturnType<typeof loadCategories>): HongheiRecord[] {
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
    const publisher = loadPublisher(projectRoot);
    const categories = loadCategories(projectRoot);
    const records = (await getCollection('records')).map((e) => e.data as HongheiRecord);
    const others = otherRecords(new Set(records.map((r) => r.id)), categories);
    const siteUrl = site ?? publisher.site_url;
    return buildDataset(records, others, { asOf: publicationDate(), publisher, categories, siteUrl });
  })();
  return dataset;
}

/** Every file under /data/. */
export function getDataBundle(): Promise<DataBundle> {
  bundle ??= (async () => buildDataBundle(await getDataset(), await previousDataFromEnv()))();
  return bundle;
}
