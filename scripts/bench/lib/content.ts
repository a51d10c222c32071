/**
 * Generated content roots for the benchmark, made by the registry's generator CLI
 * (`npm run generate -- --count N --seed S --out DIR`) and kept between runs: generating 100,000
 * records takes a while, and the same count, seed and generator give the same files.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { completeUscc } from '../../../content/schema/index.ts';
import { measureOrThrow } from './measure.ts';
import { NODE, REPO } from './project.ts';

const GENERATOR_CLI = join(REPO, 'scripts/generate.ts');
const GENERATOR_LIB = join(REPO, 'scripts/lib/generate.ts');

/** Whether the registry's generator is there yet. */
export function generatorExists(): boolean {
  return existsSync(GENERATOR_CLI) && existsSync(GENERATOR_LIB);
}

function generatorHash(): string {
  const hash = createHash('sha256');
  for (const file of [GENERATOR_CLI, GENERATOR_LIB]) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** The folder holding the record files of a content root (content/records or records). */
export function recordsDirOf(contentRoot: string): string {
  for (const candidate of [join(contentRoot, 'records'), join(contentRoot, 'content/records')])
    if (existsSync(candidate)) return candidate;
  throw new Error(
    `no records folder in the generated content root ${contentRoot}: expected records/ (or content/records/) — check the generator's --out layout`,
  );
}

/** The content/ folder of a generated root (the generator may write DIR/content/… or DIR/…). */
export function contentDirOf(contentRoot: string): string {
  return dirname(recordsDirOf(contentRoot));
}

/** Generates (or reuses) `count` records with `seed` under `dir`; returns the content root. */
export async function generatedContent(
  dir: string,
  count: number,
  seed: number,
  say: (m: string) => void,
): Promise<string> {
  const marker = join(dir, '.bench.json');
  const want = JSON.stringify({ count, seed, generator: generatorHash() });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === want) {
    say(`reusing ${count.toLocaleString('en')} generated records in ${dir}`);
    return dir;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  say(`generating ${count.toLocaleString('en')} records (seed ${seed})…`);
  const run = await measureOrThrow(
    'the generator',
    NODE,
    [GENERATOR_CLI, '--count', String(count), '--seed', String(seed), '--out', dir],
    { cwd: REPO },
  );
  say(`generated in ${(run.wallMs / 1000).toFixed(1)} s`);
  writeFileSync(marker, want);
  return dir;
}

/** Record files under a records folder, relative to it. */
export function recordFiles(recordsDir: string): string[] {
  return readdirSync(recordsDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

/**
 * One more record made from an existing one (for a content root the generator did not make): a
 * copy with a new id and a new valid credit code, so no cross-record rule objects to it.
 */
export function cloneRecord(recordsDir: string): string {
  const files = recordFiles(recordsDir);
  const file =
    files.find((f) => /\bcode: /.test(readFileSync(join(recordsDir, f), 'utf8'))) ?? files[0];
  if (!file) throw new Error(`no record to copy in ${recordsDir}`);
  const text = readFileSync(join(recordsDir, file), 'utf8');
  const id = /^id: (\S+)/m.exec(text)?.[1];
  if (!id) throw new Error(`${file}: no id line to change`);
  const newId = `${id}-bench`;
  const code = completeUscc(`91000000BE${String(Date.now() % 1e7).padStart(7, '0')}`);
  const added = join(dirname(file), `${newId}.yaml`);
  writeFileSync(
    join(recordsDir, added),
    text.replace(/^id: \S+/m, `id: ${newId}`).replace(/^(\s+code: )\S+/m, `$1${code}`),
  );
  return added;
}

/**
 * One more record for the republish test: the generator run for count + 1 with the same seed; the
 * file it adds is copied into `targetRecordsDir`. Returns its path relative to the records folder.
 */
export async function addOneRecord(
  workDir: string,
  count: number,
  seed: number,
  targetRecordsDir: string,
  say: (m: string) => void,
): Promise<string> {
  const plusOne = await generatedContent(
    join(workDir, `content-${count + 1}`),
    count + 1,
    seed,
    say,
  );
  const have = new Set(recordFiles(targetRecordsDir));
  const source = recordsDirOf(plusOne);
  const added = recordFiles(source).filter((f) => !have.has(f));
  if (added.length !== 1) {
    throw new Error(
      `expected the generator to add exactly one record for count ${count + 1} with seed ${seed}, found ${added.length} new files — the republish test needs count N+1 to extend count N`,
    );
  }
  mkdirSync(dirname(join(targetRecordsDir, added[0]!)), { recursive: true });
  copyFileSync(join(source, added[0]!), join(targetRecordsDir, added[0]!));
  rmSync(plusOne, { recursive: true, force: true });
  return added[0]!;
}
