/**
 * Builds a site from a content folder of a test's own, exactly as `npm run build -- --root` does
 * (a child process), into a temporary folder.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { loadCategories, loadPublisher } from '../../../content/schema/index.ts';
import { generateRecords, type GeneratedRecord } from '../../../scripts/lib/generate.ts';
import { PROJECT_ROOT, SAMPLE_ROOT } from '../../fixtures/roots.ts';

const run = promisify(execFile);
const projectRoot = PROJECT_ROOT;

/** Generated records under the sample's publisher and categories (as `npm run generate`). */
export function sampleRecords(count: number, seed: number): GeneratedRecord[] {
  return generateRecords({
    count,
    seed,
    categories: loadCategories(SAMPLE_ROOT),
    publisher: loadPublisher(SAMPLE_ROOT),
  });
}

/** A temporary content root with the sample's publisher and categories and the given files. */
export function contentRootWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'honghei-content-'));
  mkdirSync(join(root, 'content'), { recursive: true });
  for (const f of ['publisher.yaml', 'categories.yaml'])
    copyFileSync(join(SAMPLE_ROOT, 'content', f), join(root, 'content', f));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/**
 * Runs scripts/build.ts on a content root; returns the output folder (default: dist/ in the root,
 * with its cache in cache/ there). `env` adds settings (e.g. HONGHEI_SEARCH_SHARD_SIZE).
 */
export async function buildSite(
  contentRoot: string,
  date: string,
  {
    outDir = join(contentRoot, 'dist'),
    cacheDir = join(contentRoot, 'cache'),
    env = {},
  }: { outDir?: string; cacheDir?: string; env?: Record<string, string> } = {},
): Promise<string> {
  try {
    await run(
      process.execPath,
      ['scripts/build.ts', '--date', date, '--out', outDir, '--root', contentRoot, '--quiet'],
      {
        cwd: projectRoot,
        env: { ...process.env, ...env, HONGHEI_CACHE_DIR: cacheDir },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`the build of ${contentRoot} failed:\n${e.stderr ?? ''}\n${e.stdout ?? ''}`, {
      cause: error,
    });
  }
  return outDir;
}
