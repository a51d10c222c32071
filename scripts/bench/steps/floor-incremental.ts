/**
 * What Astro's own incremental build saves (opt-in, --floor-incremental): the floor built once
 * with it on, then again after one record is added to a copy of the records.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { addOneRecord, cloneRecord } from '../lib/content.ts';
import { formatMs } from '../lib/files.ts';
import { linkContent } from '../lib/project.ts';
import { measureFloor } from '../lib/publish-bench.ts';
import type { SizeRun } from './size-run.ts';

/** The floor with Astro's incremental build: first build, then after adding one record. */
export async function floorIncremental(run: SizeRun): Promise<void> {
  const { result, say, label, options } = run;
  const copy = join(options.work, `floor-records-${label}`);
  rmSync(copy, { recursive: true, force: true });
  linkContent(run.recordsDir, copy);
  const floorDirs = {
    ...run.dirs,
    outDir: join(options.work, `floor-inc-out-${label}`),
    cacheDir: join(options.work, `floor-inc-cache-${label}`),
    recordsDir: copy,
  };
  say('floor with incremental build: first build…');
  const first = await measureFloor(floorDirs, run.passLine, { incremental: true });
  const added = options.content
    ? cloneRecord(copy)
    : await addOneRecord(options.work, result.size, options.seed, copy, say);
  say(`floor with incremental build: after adding ${added}…`);
  const again = await measureFloor(floorDirs, run.passLine, { incremental: true, cold: false });
  result.floorIncremental = {
    first,
    republish: again,
    fractionOfFull: again.wallMs / (result.floor?.wallMs ?? first.wallMs),
  };
  say(
    `floor incremental: first ${formatMs(first.wallMs)}, republish ${formatMs(again.wallMs)} = ${(result.floorIncremental.fractionOfFull * 100).toFixed(1)} % of the plain floor`,
  );
  for (const dir of [copy, floorDirs.outDir, floorDirs.cacheDir])
    rmSync(dir, { recursive: true, force: true });
  run.done('floor-incremental');
}
