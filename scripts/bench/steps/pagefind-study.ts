/**
 * The Pagefind study (--pagefind-study): every variant at every size, from the same generated
 * records, each in a process of its own (lib/pagefind-study.ts, pagefind-variant.ts).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { contentDirOf, generatedContent, recordFiles, recordsDirOf } from '../lib/content.ts';
import { formatBytes, formatMs } from '../lib/files.ts';
import type { BenchOptions } from '../lib/options.ts';
import { runVariant, saveStudy, VARIANTS, type VariantResult } from '../lib/pagefind-study.ts';
import { buildTakesRoot, linkContent } from '../lib/project.ts';
import { measureOurPublish } from '../lib/publish-bench.ts';
import { updateBenchmarksMd } from '../lib/table.ts';

/** Runs the chosen variants (--variants, default all) at every size. */
export async function pagefindStudy(
  options: BenchOptions,
  projectDir: string,
  say: (message: string) => void,
): Promise<void> {
  const work = options.work;
  const variants = options.variants ? options.variants.split(',') : Object.keys(VARIANTS);
  for (const v of variants)
    if (!(v in VARIANTS))
      throw new Error(
        `--variants ${v}: unknown; the variants are ${Object.keys(VARIANTS).join(', ')}`,
      );
  for (let size of options.sizes) {
    const contentRoot =
      options.content ??
      (await generatedContent(join(work, `content-${size}`), size, options.seed, say));
    const recordsDir = recordsDirOf(contentRoot);
    size ||= recordFiles(recordsDir).length;
    const label = size.toLocaleString('en');
    let siteDir: string | undefined;
    if (variants.includes('site-pages')) {
      // The whole pages come from a real build of the same records, without its own index.
      const takesRoot = buildTakesRoot(projectDir);
      const buildRoot = takesRoot ? join(work, `root-${size}`) : projectDir;
      linkContent(contentDirOf(contentRoot), join(buildRoot, 'content'));
      siteDir = join(work, `out-${size}`);
      say(`${label}: building the site for the whole-page variant…`);
      await measureOurPublish(
        {
          projectDir,
          date: options.date,
          outDir: siteDir,
          cacheDir: join(work, `cache-${size}`),
          root: takesRoot ? buildRoot : undefined,
        },
        () => {},
      );
      for (const dir of ['pagefind', 'search-data'])
        rmSync(join(siteDir, dir), { recursive: true, force: true });
    }
    const results: VariantResult[] = [];
    for (const variant of variants) {
      say(`${label}: Pagefind variant ${variant} — ${VARIANTS[variant as keyof typeof VARIANTS]}`);
      const r = await runVariant(variant, size, recordsDir, work, siteDir);
      say(
        `${label}: ${variant}: ${formatMs(r.wallMs)} (add ${formatMs(r.addMs)}, write ${formatMs(r.writeMs)}), Pagefind ${formatBytes(r.pagefindRss)}, index ${formatBytes(r.indexBytes)} in ${r.indexFiles} files`,
      );
      results.push(r);
      saveStudy([r]);
      updateBenchmarksMd();
    }
    if (siteDir && !options.keep) rmSync(siteDir, { recursive: true, force: true });
  }
}
