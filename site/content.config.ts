/**
 * Content collections. Records come through the registry's own loader (validated, only public
 * entries); case write-ups and procedure pages are MDX. Everything is read from the content root
 * (site/lib/site-context.ts), so a test or another publisher can build from its own folder.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { join } from 'node:path';
import { createRecordSchema, loadCategories, publicationDate } from '../content/schema/index.ts';
import { publishedCasesLoader, recordsLoader } from './lib/records-loader.ts';
import { contentRoot } from './lib/site-context.ts';

const root = contentRoot();
const date = publicationDate();

const records = defineCollection({
  loader: recordsLoader({ root, date }),
  schema: createRecordSchema({ categories: loadCategories(root) }),
});

/** Typical-case write-ups (以案释法), one MDX file per case, with their pictures; only those about public entries. */
const cases = defineCollection({
  loader: publishedCasesLoader(glob({ pattern: '*.mdx', base: join(root, 'content/cases') }), {
    root,
    date,
  }),
  schema: z.strictObject({
    title: z.string(),
    summary: z.string(),
    date: z.string(),
    records: z.array(z.string()).default([]),
    sample: z.boolean().default(false),
  }),
});

/** Criteria and procedure pages (standards, objections, early removal), written from the seeds. */
const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: join(root, 'content/pages') }),
  schema: z.strictObject({
    title: z.string(),
    description: z.string(),
    order: z.number().default(0),
    source: z.string().optional(),
  }),
});

export const collections = { records, cases, pages };
