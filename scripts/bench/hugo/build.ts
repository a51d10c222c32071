/**
 * Builds the Hugo reference site and indexes it with Pagefind's own command, as a publisher on
 * Hugo would: `hugo`, then `pagefind --site public`. Prints the same step lines as `npm run
 * build` so the bench reads both alike:
 *   node build.ts --site DIR   (a site written by site.ts; the output is DIR/public)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HUGO } from './site.ts';
const PAGEFIND = new URL('../../../node_modules/.bin/pagefind', import.meta.url).pathname;

const { values } = parseArgs({ options: { site: { type: 'string' } } });
if (!values.site) throw new Error('usage: node scripts/bench/hugo/build.ts --site DIR (required)');
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
