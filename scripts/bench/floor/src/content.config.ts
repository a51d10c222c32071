/**
 * The floor's only collection: the generated record files, read by Astro's own glob loader with
 * no schema, no validation and no visibility rule — the cheapest way Astro can load them.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const base = process.env.FLOOR_RECORDS;
if (!base)
  throw new Error(
    'FLOOR_RECORDS is not set: point it at the records folder of a content root (scripts/bench/floor/build.ts does)',
  );

// The id is the record's own (also its file name), as on the site: /records/<id>/.
const generateId = ({ data }: { data: Record<string, unknown> }) => String(data.id);

export const collections = {
  records: defineCollection({ loader: glob({ pattern: '**/*.yaml', base, generateId }) }),
};
