/**
 * Publishing: the Astro build, then the Pagefind index of its output. Any Pagefind error is fatal:
 * a site whose search silently lost pages must not be published.
 */
import { build } from 'astro';
import { createIndex } from 'pagefind';
import { join } from 'node:path';

export interface PublishOptions {
  /** Project root (holds astro.config.mjs and content/). */
  root: string;
  /** Output folder; default dist/. */
  outDir?: string;
  /** Publication date (YYYY-MM-DD); default HONGHEI_DATE or today in China. */
  date?: string;
}

/** Builds the site and indexes it; returns the output folder and the number of indexed pages. */
export async function publish({ root, outDir, date }: PublishOptions): Promise<{ outDir: string; pages: number }> {
  if (date) process.env.HONGHEI_DATE = date;
  if (outDir) process.env.HONGHEI_OUT_DIR = outDir;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  await build({ root, logLevel: 'warn' });
  const out = outDir ?? join(root, 'dist');
  const pages = await indexSite(out);
  return { outDir: out, pages };
}

/** Indexes a built site with Pagefind (language zh-CN comes from the pages' <html lang>). */
export async function indexSite(outDir: string): Promise<number> {
  const { index, errors } = await createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind failed on ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await index.deleteIndex();
  }
}
