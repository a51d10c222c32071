/** Temporary content repositories for tests: the sample's configuration plus the files a test gives. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { ROOT } from './record-fixture.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh root with content/publisher.yaml, content/categories.yaml and the given files. */
export function tempRepo(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'honghei-registry-'));
  made.push(root);
  mkdirSync(join(root, 'content'), { recursive: true });
  for (const config of ['publisher.yaml', 'categories.yaml'])
    copyFileSync(join(ROOT, 'content', config), join(root, 'content', config));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
