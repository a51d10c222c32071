/**
 * Every file of a built site as text a person could read: gzip-compressed files (Pagefind's
 * index, fragments and filters) are decompressed, and the zero-width spaces Pagefind puts between
 * the Chinese words it segmented are removed, so a name shows up whole wherever it is stored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface OutputFile {
  path: string;
  text: string;
}

/** Undoes the escapes a name could hide behind: JSON \\uXXXX, HTML &#…; and Pagefind's U+200B. */
function readable(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replaceAll('\u200b', '');
}

/** All files under dir, decoded. */
export function readOutput(dir: string): OutputFile[] {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) =>
    d.isFile(),
  );
  return files.map((d) => {
    const file = join(d.parentPath, d.name);
    let bytes = readFileSync(file);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    return { path: relative(dir, file), text: readable(bytes.toString('utf8')) };
  });
}
