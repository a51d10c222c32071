/**
 * Written Pagefind bundles kept between builds, in `<cacheDir>/honghei/pagefind/<key>/`, where the
 * key is a hash of exactly what the bundle is made from (Pagefind's version, its options and its
 * records in order). A republish reuses the bundle of an unchanged shard instead of indexing it
 * again. Each cached bundle carries a manifest with the SHA-256 of every file; a bundle whose
 * files do not match it (a killed build, a damaged cache) is thrown away and indexed anew.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesIn } from '../lib/sync-folder.ts';

/** The version of the installed Pagefind, part of every key. */
export const PAGEFIND_VERSION: string = (
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind'))),
      'utf8',
    ),
  ) as { version: string }
).version;

/** Bumped when the way a bundle is made here changes (the records' form, the cache's layout). */
const FORMAT = 2;

const MANIFEST = 'manifest.json';
const FILES = 'files';

interface Manifest {
  key: string;
  /** Every file of the bundle (relative path) and its SHA-256. */
  files: Record<string, string>;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** The key of a bundle: a hash of the Pagefind version, the options and the inputs, in order. */
export function bundleKey(options: unknown, inputs: Iterable<string>): string {
  const hash = createHash('sha256');
  hash.update(`honghei-pagefind ${FORMAT} ${PAGEFIND_VERSION} ${JSON.stringify(options)}\n`);
  for (const input of inputs) hash.update(`${Buffer.byteLength(input)}\n`).update(input);
  return hash.digest('hex').slice(0, 32);
}

/** A bundle in the cache: its folder and its files (relative paths). */
export interface CachedBundle {
  dir: string;
  files: string[];
  /** Whether it was found in the cache (not indexed by this build). */
  reused: boolean;
}

/** The files of a cached bundle if every one is there with the bytes its manifest says, else undefined. */
function readCached(entry: string, key: string): string[] | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(entry, MANIFEST), 'utf8')) as Manifest;
    if (manifest.key !== key || typeof manifest.files !== 'object' || !manifest.files)
      return undefined;
    const files = Object.keys(manifest.files).sort();
    const present = filesIn(join(entry, FILES));
    if (present.length !== files.length || present.some((f, i) => f !== files[i])) return undefined;
    for (const f of files)
      if (sha256(readFileSync(join(entry, FILES, f))) !== manifest.files[f]) return undefined;
    return files;
  } catch {
    return undefined; // missing, unreadable or not JSON: not trusted
  }
}

/**
 * The bundle of a key from the cache under `root`, or written there by `write` (which fills the
 * folder it is given) when it is missing or damaged.
 */
export async function cachedBundle(
  root: string,
  key: string,
  write: (dir: string) => Promise<void>,
): Promise<CachedBundle> {
  const entry = join(root, key);
  const found = existsSync(entry) ? readCached(entry, key) : undefined;
  if (found) return { dir: join(entry, FILES), files: found, reused: true };
  const temporary = join(root, `.new-${process.pid}-${key}`);
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(join(temporary, FILES), { recursive: true });
  try {
    await write(join(temporary, FILES));
    const files = filesIn(join(temporary, FILES));
    const manifest: Manifest = {
      key,
      files: Object.fromEntries(
        files.map((f) => [f, sha256(readFileSync(join(temporary, FILES, f)))]),
      ),
    };
    writeFileSync(join(temporary, MANIFEST), JSON.stringify(manifest));
    rmSync(entry, { recursive: true, force: true });
    renameSync(temporary, entry);
    return { dir: join(entry, FILES), files, reused: false };
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/** Removes every cached bundle but those of the keys this build used. */
export function pruneBundles(root: string, keep: Iterable<string>): void {
  if (!existsSync(root)) return;
  const kept = new Set(keep);
  for (const name of readdirSync(root))
    if (!kept.has(name)) rmSync(join(root, name), { recursive: true, force: true });
}
