/**
 * Removes what Astro wrote into the output folder in an earlier build and did not write in this
 * one (a removed record's page, a vanished filter page, old hashed assets), because the output
 * folder is no longer emptied before a build (incremental builds leave restored pages in place).
 * Only files Astro itself produced are ever removed: the list of them is kept in
 * `<cacheDir>/honghei/astro-output.json`; files written by other steps after Astro (search
 * indexes, Pagefind bundles, lookup files, the sitemap) are never listed, so never touched.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MANIFEST = join('honghei', 'astro-output.json');

/** The files listed in the previous build's manifest ([] when there is none). */
function previousOutput(file: string): string[] {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { files?: unknown };
    return Array.isArray(data.files) ? data.files.filter((f) => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/** Every file under a folder, relative to it. */
function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)));
}

/** Removes empty folders left under `dir` by removed files, up to (not including) `dir`. */
function pruneEmptyFolders(dir: string, files: string[]): void {
  for (const file of files) {
    for (let d = dirname(join(dir, file)); d !== dir && d.startsWith(dir + sep); d = dirname(d)) {
      if (!existsSync(d) || readdirSync(d).length) break;
      rmSync(d, { recursive: true, force: true });
    }
  }
}

/** The build integration that removes Astro's stale output and records what it wrote. */
export function staleOutput(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let publicDir = '';
  // Files the client and server builds wrote into the output folder (hashed assets).
  const written = new Set<string>();
  const moved = new Set<string>();
  let assets = '_astro/';
  return {
    name: 'honghei-stale-output',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        outDir = resolve(fileURLToPath(config.outDir));
        cacheDir = fileURLToPath(config.cacheDir);
        publicDir = fileURLToPath(config.publicDir);
        assets = `${config.build.assets}/`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'honghei-written-files',
                writeBundle(options, bundle) {
                  const dir = options.dir ? resolve(options.dir) : undefined;
                  if (!dir) return;
                  for (const [name, item] of Object.entries(bundle)) {
                    const file = relative(outDir, join(dir, name));
                    if (!file.startsWith('..') && !file.startsWith(sep)) written.add(file);
                    // The prerender build's assets (the pages' CSS) are moved into the output
                    // folder's assets folder (_astro/) afterwards, under the same name.
                    else if (item.type === 'asset' && name.startsWith(assets)) moved.add(name);
                  }
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ assets, logger }) => {
        const produced = new Set<string>([...written, ...filesIn(publicDir)]);
        for (const f of moved) if (existsSync(join(outDir, f))) produced.add(f);
        for (const urls of assets.values())
          for (const url of urls) produced.add(relative(outDir, fileURLToPath(url)));
        // Files still present that Astro wrote last time and not this time.
        const manifest = join(cacheDir, MANIFEST);
        const inside = (f: string) => resolve(outDir, f).startsWith(outDir + sep);
        const stale = previousOutput(manifest).filter(
          (f) => !produced.has(f) && inside(f) && existsSync(join(outDir, f)),
        );
        for (const f of stale) rmSync(join(outDir, f), { force: true });
        pruneEmptyFolders(outDir, stale);
        if (stale.length)
          logger.info(`removed ${stale.length} stale file(s) from an earlier build`);
        mkdirSync(dirname(manifest), { recursive: true });
        writeFileSync(manifest, JSON.stringify({ files: [...produced].sort() }, null, 1));
      },
    },
  };
}
