/**
 * The full publish: the command `npm run build` runs, on an empty output folder and an empty
 * Astro cache; then what its output costs a static host (raw and gzip-served, by folder).
 */
import { formatBytes, formatMs } from '../lib/files.ts';
import { outputSize } from '../lib/output-size.ts';
import { measureOurPublish } from '../lib/publish-bench.ts';
import type { SizeRun } from './size-run.ts';

/** Measures the full publish of a size into run.dirs.outDir. */
export async function fullPublish(run: SizeRun): Promise<void> {
  const { result, say } = run;
  say('full publish (cold cache)…');
  const publish = await measureOurPublish(run.dirs, run.passLine);
  result.publish = publish;
  run.save();
  say(
    `full publish ${formatMs(publish.wallMs)}, peak RSS ${formatBytes(publish.peakRss)}, ${publish.pages} pages, ${formatBytes(publish.output.bytes)}`,
  );
  const started = performance.now();
  result.outputSize = outputSize(run.dirs.outDir);
  const largest = Object.entries(result.outputSize.byFolder)
    .slice(0, 5)
    .map(([folder, s]) => `${folder} ${formatBytes(s.bytes)} (${formatBytes(s.gzipBytes)})`);
  say(
    `output ${formatBytes(result.outputSize.bytes)}, served gzip-compressed ${formatBytes(result.outputSize.gzipBytes)} (counted in ${formatMs(performance.now() - started)}); largest: ${largest.join(', ')}`,
  );
  run.done('publish');
}
