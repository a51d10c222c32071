/**
 * Taking a newer Honghei, as README's "Upgrading" says, on real Git: a publisher's repository
 * initialised at one commit (npm run init with a fictional publisher, three records, their own
 * page text) merges a later upstream tag that changes code, the schema, the sample (a record, the
 * sample publisher.yaml, a page), a shipped workflow and the README, without a conflict, and the
 * merge touches no file the publisher owns.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_ROOT } from '../../content/schema/index.ts';
import { git, linkModules, npmRun, projectSnapshot, tempDir } from './support/project-copy.ts';
import { INIT_FLAGS, PUBLISHER_DATE, publisherRecords } from './support/publisher.ts';

let upstream: string;
let publisher: string;
let before: Map<string, string>;

/** Every file under content/ that is not the schema (what the publisher owns, and upstream's READMEs there), with its text. */
function publisherFiles(root: string): Map<string, string> {
  const files = readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.startsWith('schema') && /\.\w+$/.test(f))
    .sort();
  return new Map(
    files.map((f) => [`content/${f}`, readFileSync(join(root, 'content', f), 'utf8')]),
  );
}

const edit = (root: string, file: string, change: (text: string) => string) =>
  writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));

beforeAll(() => {
  const dir = tempDir('honghei-upgrade-');
  upstream = projectSnapshot(join(dir, 'honghei'));
  git(upstream, 'tag', 'v1.0.0');

  // The publisher's repository: a clone of the release, their own forge as origin, initialised.
  publisher = join(dir, 'publisher');
  git(dir, 'clone', '-q', '--branch', 'v1.0.0', upstream, publisher);
  git(publisher, 'checkout', '-q', '-B', 'main');
  git(publisher, 'remote', 'remove', 'origin');
  linkModules(publisher);
  const init = npmRun(publisher, 'init', INIT_FLAGS);
  expect(init.status, init.stderr).toBe(0);
  for (const [file, text] of Object.entries(publisherRecords(3))) {
    mkdirSync(dirname(join(publisher, file)), { recursive: true });
    writeFileSync(join(publisher, file), text);
  }
  edit(publisher, 'content/pages/about.mdx', (t) =>
    t.replace('## 本站发布什么', '## 本局发布什么'),
  );
  git(publisher, 'add', '-A');
  git(publisher, 'commit', '-q', '-m', '初始化发布单位并发布三条记录（示例）');
  before = publisherFiles(publisher);

  // Upstream moves on: code, schema, the sample's record, publisher.yaml and page, a workflow, README.
  const sampleRecords = join(SAMPLE_ROOT, 'content/records/black');
  const year = readdirSync(join(upstream, sampleRecords)).sort()[0]!;
  const record = join(
    sampleRecords,
    year,
    readdirSync(join(upstream, sampleRecords, year)).sort()[0]!,
  );
  appendFileSync(join(upstream, 'scripts/build.ts'), '// a later upstream change (test)\n');
  appendFileSync(join(upstream, 'content/schema/labels.ts'), '// a later upstream change (test)\n');
  edit(upstream, record, (t) => t.replace(/^facts: (.*)$/m, 'facts: $1（更新）'));
  edit(upstream, join(SAMPLE_ROOT, 'content/publisher.yaml'), (t) =>
    t.replace(/^name: .*$/m, 'name: 示例市总工会（示例数据，更新）'),
  );
  edit(upstream, join(SAMPLE_ROOT, 'content/pages/about.mdx'), (t) =>
    t.replace('## 本站发布什么', '## 本站发布什么（更新）'),
  );
  edit(upstream, '.github/workflows/deploy.yml', (t) => `${t}# a later upstream change (test)\n`);
  edit(upstream, 'README.md', (t) => `${t}\n<!-- a later upstream change (test) -->\n`);
  git(upstream, 'commit', '-q', '-am', 'A later Honghei (test)');
  git(upstream, 'tag', 'v1.1.0');
}, 120_000);

describe("upgrading a publisher's repository to a newer Honghei", () => {
  it('merges the newer release tag without a conflict', () => {
    // README, "Upgrading": add the upstream remote, fetch its tags, merge the release.
    git(publisher, 'remote', 'add', 'upstream', upstream);
    git(publisher, 'fetch', '-q', 'upstream', '--tags');
    git(publisher, 'merge', '-q', '--no-edit', 'v1.1.0');
    expect(git(publisher, 'status', '--porcelain')).toBe('');
    expect(git(publisher, 'log', '-1', '--format=%P').split(' ')).toHaveLength(2);
  });

  it('brings every upstream change and touches no file the publisher owns', () => {
    const changed = git(publisher, 'diff', '--name-only', 'HEAD^1', 'HEAD').split('\n').sort();
    expect(changed).toEqual(
      expect.arrayContaining([
        '.github/workflows/deploy.yml',
        'README.md',
        'content/schema/labels.ts',
        'scripts/build.ts',
      ]),
    );
    expect(
      changed.filter((f) => f.startsWith('content/') && !f.startsWith('content/schema/')),
    ).toEqual([]);
    expect(publisherFiles(publisher)).toEqual(before);
    expect(readFileSync(join(publisher, SAMPLE_ROOT, 'content/publisher.yaml'), 'utf8')).toContain(
      '示例数据，更新',
    );
  });

  it("still validates the publisher's own records after the merge", () => {
    const run = npmRun(publisher, 'validate', ['--date', PUBLISHER_DATE]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('已检查 3 条记录');
  });
});
