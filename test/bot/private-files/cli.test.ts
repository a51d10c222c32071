/**
 * Following the validator's fix by hand: a pledge put into content/ is refused; `npm run
 * private-files -- add` stores it and prints the reference; with the reference in the record and
 * the file gone from content/, the repository validates, and `get` gives the same bytes back.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { recordWith } from '../../content/record-fixture.ts';
import { tempRepo } from '../../content/temp-repo.ts';
import { ROOT, tempDir } from '../support/harness.ts';
import { distinctJpeg } from './support.ts';

const node = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

describe('npm run private-files', () => {
  it('moves a non-public file out of content/ the way the validator says, and gives it back', () => {
    const pledge = distinctJpeg();
    const record = 'content/records/black/2026/2026q3-black-901.yaml';
    const root = tempRepo({
      [record]: recordWith({
        attachments: [
          { file: 'media/pledges/2026q3-black-901-pledge.jpg', kind: 'pledge', public: false },
        ],
      }),
      'content/media/pledges/2026q3-black-901-pledge.jpg': pledge,
    });
    const validate = () =>
      node('scripts/validate.ts', ['--root', root, '--date', '2026-11-21', '--lang', 'zh']);
    const before = validate();
    expect(before.status).toBe(1);
    const command = /npm run private-files -- (add \S+ --kind \S+)/.exec(before.stdout)?.[1];
    expect(command).toBe('add content/media/pledges/2026q3-black-901-pledge.jpg --kind pledge');

    const store = join(tempDir('honghei-private-cli-'), 'private');
    const added = node(
      join(ROOT, 'scripts/private-files.ts'),
      ['add', join(root, 'content/media/pledges/2026q3-black-901-pledge.jpg'), '--kind', 'pledge'],
      { HONGHEI_PRIVATE_DIR: store, HONGHEI_CONTENT_ROOT: root },
    );
    expect(added.status, added.stderr).toBe(0);
    const entry = parse(added.stdout.slice(added.stdout.indexOf('- private:')))[0];
    // A generated name: the original file name may name a person.
    expect(entry).toEqual({
      private: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      kind: 'pledge',
      name: expect.stringMatching(/^pledge-[0-9a-f]{12}\.jpg$/),
      size: pledge.byteLength,
      type: 'image/jpeg',
    });

    rmSync(join(root, 'content/media/pledges'), { recursive: true });
    const fixed = tempRepo({ [record]: recordWith({ attachments: [entry] }) });
    const after = node('scripts/validate.ts', [
      '--root',
      fixed,
      '--date',
      '2026-11-21',
      '--lang',
      'zh',
    ]);
    expect(after.status, after.stdout).toBe(0);

    const out = join(tempDir(), 'back.jpg');
    const got = node(join(ROOT, 'scripts/private-files.ts'), ['get', entry.private, '--out', out], {
      HONGHEI_PRIVATE_DIR: store,
    });
    expect(got.status, got.stderr).toBe(0);
    expect(readFileSync(out)).toEqual(pledge);
    const refused = node(
      join(ROOT, 'scripts/private-files.ts'),
      ['add', join(ROOT, 'README.md'), '--kind', 'pledge'],
      { HONGHEI_PRIVATE_DIR: store },
    );
    expect([refused.status, refused.stderr]).toEqual([
      1,
      expect.stringContaining('pledge 只接受 pdf, jpg, jpeg, png'),
    ]);
  }, 90_000);
});
