/**
 * The rows to compare the publish with: the framework floor (minimal Astro + the same Pagefind
 * step, scripts/bench/floor/) and the Hugo + Pagefind reference (scripts/bench/hugo/), built from
 * the same records; and ours / floor.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { formatBytes, formatMs } from '../lib/files.ts';
import { hugoInstalled, measureHugo } from '../lib/hugo-bench.ts';
import { outputSize } from '../lib/output-size.ts';
import { measureFloor } from '../lib/publish-bench.ts';
import type { SizeRun } from './size-run.ts';

/** The framework floor from the same records. */
export async function floor(run: SizeRun): Promise<void> {
  const { result, say, label } = run;
  const work = run.options.work;
  say('framework floor (minimal Astro + the same Pagefind step)…');
  const outDir = join(work, `floor-out-${label}`);
  const cacheDir = join(work, `floor-cache-${label}`);
  result.floor = await measureFloor(
    { ...run.dirs, outDir, cacheDir, recordsDir: run.recordsDir },
    run.passLine,
  );
  say(
    `floor ${formatMs(result.floor.wallMs)}, peak RSS ${formatBytes(result.floor.peakRss)}, ${result.floor.pages} pages`,
  );
  if (!run.options.keep) rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  run.done('floor');
}

/** Hugo and Pagefind's own command on the same records (skipped with a notice without hugo). */
export async function hugo(run: SizeRun): Promise<void> {
  const { result, say } = run;
  if (!hugoInstalled()) {
    say('Hugo reference skipped: hugo is not installed (apt-get install hugo)');
    return;
  }
  say('reference: Hugo + Pagefind command on the same records…');
  const siteDir = join(run.options.work, `hugo-${run.label}`);
  result.hugo = await measureHugo(
    { projectDir: run.projectDir, recordsDir: run.recordsDir, siteDir },
    run.passLine,
  );
  result.hugoOutputSize = outputSize(join(siteDir, 'public'));
  run.done('hugo');
  say(
    `Hugo + Pagefind ${formatMs(result.hugo.wallMs)}, peak RSS ${formatBytes(result.hugo.peakRss)}, ${result.hugo.pages} pages, ${formatBytes(result.hugo.output.bytes)} (served gzip-compressed ${formatBytes(result.hugoOutputSize.gzipBytes)})`,
  );
  if (!run.options.keep) rmSync(siteDir, { recursive: true, force: true });
}

/** Ours / floor, wall time and peak RSS, from whatever both rows hold. */
export function ratio(run: SizeRun): void {
  const { publish, floor: f } = run.result;
  if (!publish || !f) return;
  run.result.ratio = { wall: publish.wallMs / f.wallMs, peakRss: publish.peakRss / f.peakRss };
  run.say(
    `ours / floor: ${run.result.ratio.wall.toFixed(2)}× wall, ${run.result.ratio.peakRss.toFixed(2)}× peak RSS`,
  );
  run.save();
}
