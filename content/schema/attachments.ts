/**
 * Attachments: a public file in content/media/ (published with the entry), or a reference to a
 * file in the publisher's private store. Everything in content/ is public with the repository and
 * stays in its history for ever, so pledges (信用承诺书), evidence and any non-public document are
 * kept out of it: the record holds only `private: sha256:…` with a generated name, the size and
 * the type (docs/private-files.md).
 */
import {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_MEDIA_TYPES,
  PRIVATE_ATTACHMENT_KINDS,
  type AttachmentKind,
} from './labels.ts';
import { report, type Ctx } from './report-issue.ts';

/** A reference into the private store: the SHA-256 of the file's bytes. */
export const PRIVATE_REF_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** A private file's name: generated from the record id, no personal data, e.g. 2026q3-black-007-repair-k3f9-1.pdf. */
export const PRIVATE_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,120}\.(pdf|jpg|jpeg|png|webp)$/;

/** The largest file a bot can download from Telegram (Bot API getFile limit). */
export const MAX_PRIVATE_FILE_BYTES = 20 * 1024 * 1024;

/** The media types a private file may have. */
export const PRIVATE_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
] as const;

/** An attachment as its schema reads it (record.ts). */
export interface AttachmentInput {
  file?: string;
  private?: string;
  kind: AttachmentKind;
  name?: string;
  size?: number;
  type?: string;
  caption?: string;
  public?: boolean;
}

/** An attachment that is a public file of content/media/. */
export type PublicFileAttachment<A extends AttachmentInput = AttachmentInput> = A & {
  file: string;
};

/** An attachment kept in the private store. */
export type PrivateAttachment<A extends AttachmentInput = AttachmentInput> = A & {
  private: string;
  name: string;
  size: number;
  type: string;
};

/** True for an attachment the site may publish: a file in content/media/ not marked otherwise. */
export function isPublicFile<A extends AttachmentInput>(a: A): a is PublicFileAttachment<A> {
  return (
    a.file !== undefined &&
    a.private === undefined &&
    a.public !== false &&
    !PRIVATE_ATTACHMENT_KINDS.includes(a.kind)
  );
}

/** True for a reference into the private store. */
export function isPrivateRef<A extends AttachmentInput>(a: A): a is PrivateAttachment<A> {
  return a.private !== undefined;
}

/** The 64 hex digits of a `sha256:…` reference. */
export const sha256Of = (ref: string) => ref.replace(/^sha256:/, '');

const extOf = (name: string) => name.split('.').pop()?.toLowerCase() ?? '';

/** Which fields go with which kind of attachment; a non-public file in content/ is refused. */
export function attachmentRule(a: AttachmentInput, ctx: Ctx): void {
  if (a.file === undefined && a.private === undefined) return report(ctx, [], 'attachment_no_file');
  if (a.file !== undefined && a.private !== undefined)
    return report(ctx, ['file'], 'attachment_both', { file: a.file });
  if (a.file !== undefined) {
    if (!/^media\/(?!.*\.\.)[\w\-./\u4e00-\u9fff]+$/u.test(a.file))
      report(ctx, ['file'], 'attachment_path', { file: a.file });
    const allowed = ATTACHMENT_EXTENSIONS[a.kind];
    if (!allowed.includes(extOf(a.file)))
      report(ctx, ['file'], 'attachment_type', { file: a.file, allowed: allowed.join(', ') });
    if (a.public === false)
      report(ctx, ['public'], 'attachment_private_in_content', { file: a.file, kind: a.kind });
    else if (PRIVATE_ATTACHMENT_KINDS.includes(a.kind))
      report(ctx, ['kind'], 'attachment_kind_private', { file: a.file, kind: a.kind });
    const extra = (['name', 'size', 'type'] as const).filter((k) => a[k] !== undefined);
    if (extra.length)
      report(ctx, [extra[0]!], 'attachment_private_only', { fields: extra.join(', ') });
    return;
  }
  const missing = (['name', 'size', 'type'] as const).filter((k) => a[k] === undefined);
  if (missing.length) report(ctx, [], 'attachment_private_fields', { fields: missing.join(', ') });
  if (a.public === true) report(ctx, ['public'], 'attachment_private_public');
  if (a.name !== undefined) {
    const allowed = ATTACHMENT_EXTENSIONS[a.kind];
    if (!allowed.includes(extOf(a.name)))
      report(ctx, ['name'], 'attachment_type', { file: a.name, allowed: allowed.join(', ') });
    else if (a.type !== undefined && ATTACHMENT_MEDIA_TYPES[extOf(a.name)] !== a.type) {
      report(ctx, ['type'], 'attachment_private_type', {
        name: a.name,
        type: a.type,
        expected: ATTACHMENT_MEDIA_TYPES[extOf(a.name)]!,
      });
    }
  }
}
