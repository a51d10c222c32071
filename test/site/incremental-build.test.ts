/**
 * Incremental publishing (issue 14): builds into one output folder with its cache kept, after one
 * record is added, changed or removed, on the next day and on a day an entry's publication ends,
 * give the same files, byte for byte, as a full build of the same content and date from an empty
 * output folder and cache; and the incremental build really restored unchanged entry pages. The
 * content is a Git repository, as a publisher's is, with a commit per change: entry pages show
 * their own commits, so one commit must not touch the pages of other entries.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compareOutputs,
  describeDifference,
  filesUnder,
  sameOutput,
} from '../../scripts/bench/lib/same-output.ts';
import { GENERATOR_TODAY, publicRecords } from '../../scripts/lib/generate.ts';
import { buildSite, contentRootWith, sampleRecords } from './lib/build-site.ts';

const records = sampleRecords(300, 14);
const today = GENERATOR_TODAY;
const [added, changed, removed] = publicRecords(records, today);
const root = contentRootWith(
  Object.fromEntries(records.filter((g) => g !== added).map((g) => [g.file, g.yaml])),
);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Commits the content folder, dated the build date (commits dated later are not shown yet). */
function commit(message: string): void {
  const when = `${GENERATOR_TODAY}T10:00:00+08:00`;
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: '示例提交人',
    GIT_AUTHOR_EMAIL: 'submitter@example.org',
    GIT_COMMITTER_NAME: '示例审核人',
    GIT_COMMITTER_EMAIL: 'reviewer@example.org',
    GIT_AUTHOR_DATE: when,
    GIT_COMMITTER_DATE: when,
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env, stdio: 'pipe' });
  git('add', '--all', 'content');
  git('commit', '--quiet', '--message', message);
}
execFileSync('git', ['init', '--quiet', '--initial-branch=main'], { cwd: root });
commit('示例名单');

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const tomorrow = nextDay(today);
// The first day after tomorrow on which an entry public the day before is no longer public.
const endDay = nextDay(
  records
    .map((g) => g.record.publication.end)
    .filter((end): end is string => !!end && end > tomorrow)
    .sort()[0]!,
);

const out = join(root, 'out');
const cache = join(root, 'cache');
const incremental = (date: string) => buildSite(root, date, { outDir: out, cacheDir: cache });
/** Expects the incremental build's output folder to hold the files of `expected`, byte for byte. */
function expectSameFiles(expected: string, name: string): void {
  const difference = compareOutputs(expected, out);
  expect(sameOutput(difference), `${name}:\n${describeDifference(difference)}`).toBe(true);
}

/** A full build of the current content into fresh folders, compared with the incremental one. */
async function expectSameAsFullBuild(date: string, name: string): Promise<void> {
  const fresh = await buildSite(root, date, {
    outDir: join(root, `fresh-${name}`),
    cacheDir: join(root, `fresh-cache-${name}`),
  });
  expectSameFiles(fresh, name);
  rmSync(fresh, { recursive: true, force: true });
  rmSync(join(root, `fresh-cache-${name}`), { recursive: true, force: true });
}

/** Identity (inode and modification time) of every file in a folder of the output. */
function identities(folder: string): Map<string, string> {
  return new Map(
    filesUnder(join(out, folder)).map((f) => {
      const s = statSync(join(out, folder, f));
      return [f, `${s.ino}:${s.mtimeMs}`];
    }),
  );
}
const entryPages = () => identities('records');
const kept = (before: Map<string, string>, after: Map<string, string>) =>
  [...after].filter(([f, id]) => before.get(f) === id).map(([f]) => f);
const pageOf = (id: string) => `${id}/index.html`;

describe('an incremental build into the same folder with its cache', () => {
  it(
    'gives the output of a full build after each change, restoring unchanged pages',
    { timeout: 900_000 },
    async () => {
      expect(publicRecords(records, endDay).length).toBeLessThan(
        publicRecords(records, tomorrow).length,
      );
      await incremental(today);
      const base = entryPages();
      expect(base.size).toBeGreaterThan(100);

      writeFileSync(join(root, added!.file), added!.yaml);
      commit('新增一条');
      await incremental(today);
      await expectSameAsFullBuild(today, 'add');
      const afterAdd = entryPages();
      expect(kept(base, afterAdd).length).toBe(base.size);
      expect(afterAdd.has(pageOf(added!.record.id))).toBe(true);

      // The pages of each batch (batches/index.html, the list of batches, has no cache key).
      const batchPages = new Map([...identities('batches')].filter(([f]) => f.includes('/')));
      const facts = changed!.record.facts;
      writeFileSync(
        join(root, changed!.file),
        changed!.yaml.replace(facts, `${facts}（经复核更正）`),
      );
      commit('更正一条');
      await incremental(today);
      await expectSameAsFullBuild(today, 'change');
      const afterChange = entryPages();
      const restored = kept(afterAdd, afterChange);
      expect(restored).not.toContain(pageOf(changed!.record.id));
      expect(restored.length).toBe(afterChange.size - 1);
      // Batch pages: only those of the changed record's batch are rendered again.
      const changedBatch = `${changed!.record.batch}/`;
      const batchesKept = kept(batchPages, identities('batches'));
      expect(batchesKept.length).toBeGreaterThan(0);
      expect(batchesKept.filter((f) => f.startsWith(changedBatch))).toEqual([]);
      expect(batchesKept.length).toBe(
        [...batchPages.keys()].filter((f) => !f.startsWith(changedBatch)).length,
      );

      unlinkSync(join(root, removed!.file));
      commit('移出一条');
      await incremental(today);
      await expectSameAsFullBuild(today, 'remove');
      expect(entryPages().has(pageOf(removed!.record.id))).toBe(false);

      const beforeNextDay = entryPages();
      await incremental(tomorrow);
      await expectSameAsFullBuild(tomorrow, 'next-day');
      // Entry pages do not print the build date: the next day renders only those it changes.
      const afterNextDay = entryPages();
      expect(kept(beforeNextDay, afterNextDay).length).toBeGreaterThan(afterNextDay.size * 0.9);

      await incremental(endDay);
      await expectSameAsFullBuild(endDay, 'publication-end');

      // As CI runs it: a new, empty output folder with only the cache kept (pages copied back).
      expectSameFiles(
        await buildSite(root, endDay, { outDir: join(root, 'out-ci'), cacheDir: cache }),
        'ci',
      );
    },
  );
});
