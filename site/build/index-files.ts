/**
 * Reading a built site's exact-match index from disk, for tests and measurements: the same
 * engine the browser runs, fed from files instead of HTTP, counting the bytes it reads.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SearchEngine } from '../lib/search/engine.ts';
import { INDEX_DIR } from '../lib/search/format.ts';

/** An engine over a built site's index, and the bytes it has read so far. */
export async function openSiteIndex(
  outDir: string,
): Promise<{ engine: SearchEngine; bytesRead: () => number }> {
  let bytes = 0;
  const engine = await SearchEngine.open(async (path) => {
    const data = await readFile(join(outDir, INDEX_DIR, path.split('?')[0]!));
    bytes += data.length;
    return new Uint8Array(data);
  });
  return { engine, bytesRead: () => bytes };
}
