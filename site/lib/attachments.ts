/**
 * Public attachments of public entries: the only files under content/media/ that reach the site.
 * They are copied by an endpoint (site/pages/media/[...file].ts) rather than imported, so a file
 * of an inactive entry is never bundled; non-public files are not in content/ at all (private store).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { imageMetadata } from 'astro/assets/utils';
import {
  isPublicFile,
  type HongheiRecord,
  type PublicFileAttachment,
} from '../../content/schema/index.ts';
import { allEntries } from './entries.ts';
import { contentRoot } from './site-context.ts';

export type Attachment = PublicFileAttachment<HongheiRecord['attachments'][number]>;

/** The attachments of a record that the site shows. */
export const publicAttachments = (record: HongheiRecord): Attachment[] =>
  record.attachments.filter(isPublicFile);

/** Every public file of every public entry (paths relative to content/, e.g. media/2026/x.jpg). */
export async function publicMediaFiles(): Promise<string[]> {
  const files = new Set<string>();
  for (const e of await allEntries())
    for (const a of publicAttachments(e.record)) files.add(a.file);
  return [...files].sort();
}

/** The bytes of an attachment. */
export function readMedia(file: string): Buffer {
  return readFileSync(join(contentRoot(), 'content', file));
}

/** Width and height of a picture, so the page reserves its space before it loads. */
export async function pictureSize(
  file: string,
): Promise<{ width: number; height: number } | undefined> {
  try {
    const meta = await imageMetadata(new Uint8Array(readMedia(file)), file);
    return meta.width && meta.height ? { width: meta.width, height: meta.height } : undefined;
  } catch {
    return undefined; // an unreadable picture still shows, without reserved space
  }
}
