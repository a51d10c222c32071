/**
 * Builds the Hugo reference site and indexes it with Pagefind's own command, as a publisher on
 * Hugo would: `hugo`, then `pagefind --site public`. Prints the same step lines as `npm run
 * build` so the bench reads both alike:
 *   node build.ts --site DIR   (a site written by site.ts; the output is DIR/public)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseCommandLine } from '../../lib/cli.ts';
import { HUGO } from './site.ts';
const PAGEFIND = new URL('../../../node_modules/.bin/pagefind', import.meta.url).pathname;

const USAGE =
  'usage: node scripts/bench/hugo/build.ts --site DIR (required: a site written by site.ts; the output is DIR/public)';
const { values } = parseCommandLine(USAGE, { site: { type: 'string' } });
if (!values.site) {
  console.error(USAGE);
  process.exit(2);
}
const site = values.site;

function step(name: string, command: string, args: string[]): void {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: site, stdio: 'inherit' });
  if (run.status !== 0)
    throw new Error(
      `${name} failed (${run.error?.message ?? `exit ${run.status}`}): ${command} ${args.join(' ')} in ${site}`,
    );
  console.log(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

step('hugo', HUGO, ['--source', site, '--cacheDir', join(site, '.cache'), '--quiet']);
step('pagefind', PAGEFIND, ['--site', join(site, 'public')]);
