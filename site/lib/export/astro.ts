/**
 * The dataset and the data files inside an Astro build, computed once per build and shared by
 * every endpoint and page that needs them (getCollection is walked once, not once per page).
 */
import { getCollection } from 'astro:content';
import { site } from 'astro:config/server';
import type { HongheiRecord } from '../../../content/schema/index.ts';
import { publicRecords } from '../records-loader.ts';
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

let dataset: Promise<Dataset> | undefined;
let bundle: Promise<DataBundle> | undefined;

/** The public records and the retirement facts, as of the publication date. */
export function getDataset(): Promise<Dataset> {
  dataset ??= (async () => {
    const publisher = sitePublisher();
    const categories = siteCategories();
    const records = (await getCollection('records')).map((e) => e.data as HongheiRecord);
    // The records not public on the date, as the records loader validated them in this build
    // (the same call returns its result; reading the files again cost 2.6 s at 20k).
    const others = (await publicRecords({ root: projectRoot, date: siteDate() })).inactive;
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
