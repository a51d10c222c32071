/**
 * The Hugo reference row: Debian's hugo and Pagefind's own command on the same records (one page
 * per record, a list paginated by 50), measured like our publish and the floor — wall time, peak
 * RSS of the process tree, output size and files. Writing the Hugo site's content files is not
 * timed (scripts/bench/hugo/site.ts).
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { HUGO, writeHugoSite } from '../hugo/site.ts';
import { measureOrThrow } from './measure.ts';
import { NODE } from './project.ts';
import { PAGEFIND_PROCESS, summarise, stepCollector, type PublishRun } from './publish-bench.ts';

/** Whether hugo is installed (the bench skips the row with a notice when it is not). */
export const hugoInstalled = () => existsSync(HUGO);

/** Builds the Hugo reference site from a records folder in `siteDir` and measures it. */
export async function measureHugo(
  dirs: { projectDir: string; recordsDir: string; siteDir: string },
  onLine: (line: string) => void,
): Promise<PublishRun> {
  writeHugoSite(dirs.recordsDir, dirs.siteDir);
  const load = loadavg()[0]!;
  const collector = stepCollector(onLine);
  const m = await measureOrThrow(
    'the Hugo reference build',
    NODE,
    [join(dirs.projectDir, 'scripts/bench/hugo/build.ts'), '--site', dirs.siteDir],
    { cwd: dirs.siteDir, onLine: collector.onLine, splitAt: PAGEFIND_PROCESS },
  );
  return summarise(m, join(dirs.siteDir, 'public'), load, collector.steps);
}
