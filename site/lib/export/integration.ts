/**
 * The open-data integration: after the build, writes the lookup files (/data/lookup/<code>.json
 * and the shared index.json with their date) from the records.json the build has just published.
 * One Astro endpoint per code cost about 1.8 ms per file (24 s for 13,000 codes, measured); plain
 * file writes cost a fraction of that. The folder is this writer's alone: a code's file is
 * rewritten only when its bytes change, and the file of a code no longer listed is deleted.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportEntry } from './entry.ts';
import { LOOKUP_INDEX_PATH, lookupAnswers, lookupIndex, lookupPath } from './lookup.ts';
import { syncFolder, type SyncResult } from '../sync-folder.ts';

/** Brings /data/lookup/ of a built site to one file per listed code plus the index. */
export function writeLookupFiles(outDir: string): SyncResult & { codes: number } {
  const data = JSON.parse(readFileSync(join(outDir, 'data/records.json'), 'utf8')) as {
    as_of: string;
    entries: ExportEntry[];
  };
  const answers = lookupAnswers(data.entries);
  const files = new Map<string, string>();
  for (const [code, answer] of answers)
    files.set(basename(lookupPath(code)), JSON.stringify(answer));
  files.set(
    basename(LOOKUP_INDEX_PATH),
    `${JSON.stringify(lookupIndex(data.as_of, answers.size), null, 2)}\n`,
  );
  return { ...syncFolder(join(outDir, 'data/lookup'), files), codes: answers.size };
}

/** The Astro integration that completes /data/ after the build. */
export function openData(): AstroIntegration {
  return {
    name: 'honghei-open-data',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const c = writeLookupFiles(fileURLToPath(dir));
        logger.info(
          `${c.codes} lookup files (${c.written} written, ${c.unchanged} unchanged, ${c.deleted} removed) in ${(performance.now() - started).toFixed(0)} ms`,
        );
      },
    },
  };
}
