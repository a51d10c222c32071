/**
 * Attachments: Telegram files checked by their content (magic bytes, not the name or the MIME type
 * the client claims) and capped in size. Only the file id (and the bytes' SHA-256) is kept in the
 * form; the bytes are fetched again on Confirm and checked against it, so no conversation state
 * ever holds a file.
 */
import { fileTypeFromBuffer } from 'file-type';
import type { Api } from 'grammy';
import { ATTACHMENT_MEDIA_TYPES } from '../content/schema/index.ts';
import { sha256Hex } from './private-files/store.ts';

/** The types a submission may carry, by the extension file-type reports (media types from the schema). */
export const ACCEPTED_TYPES: Record<string, string> = Object.fromEntries(
  ['jpg', 'png', 'webp', 'pdf'].map((ext) => [ext, ATTACHMENT_MEDIA_TYPES[ext]!]),
);

/** Why a file was refused. */
export type FileRefusal =
  | { ok: false; reason: 'too-big'; size: number; max: number }
  | { ok: false; reason: 'type'; found: string }
  | { ok: false; reason: 'download'; detail: string };

/** What inspecting a file found; sha256 is the address a private file will have in the private store. */
export type Inspection = { ok: true; ext: string; size: number; sha256: string } | FileRefusal;

/** Downloads Telegram files through the Bot API's file endpoint. */
export interface FileService {
  /** The file's bytes; throws FileTooBig past the cap, whatever the size Telegram announced. */
  download(fileId: string, maxBytes: number): Promise<Uint8Array>;
}

/** Thrown when a download passes the cap. */
export class FileTooBig extends Error {
  readonly size: number;
  readonly max: number;
  constructor(size: number, max: number) {
    super(`the file has more than ${max} bytes`);
    this.size = size;
    this.max = max;
  }
}

/** The Bot API file service: getFile, then GET <apiRoot>/file/bot<token>/<file_path>. */
export function botApiFiles(
  api: Api,
  options: { apiRoot: string; fetch?: typeof fetch },
): FileService {
  const doFetch = options.fetch ?? fetch;
  return {
    async download(fileId, maxBytes) {
      const file = await api.getFile(fileId);
      if (file.file_size !== undefined && file.file_size > maxBytes)
        throw new FileTooBig(file.file_size, maxBytes);
      if (!file.file_path)
        throw new Error(
          `Telegram returned no file_path for file ${fileId}: the file may be larger than the Bot API's 20 MB download limit`,
        );
      const response = await doFetch(`${options.apiRoot}/file/bot${api.token}/${file.file_path}`);
      // The URL holds the token: never put it in an error message.
      if (!response.ok || !response.body)
        throw new Error(`downloading file ${fileId} failed with HTTP ${response.status}`);
      return readCapped(response.body, maxBytes);
    },
  };
}

/** Reads a stream, failing as soon as it passes the cap. */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new FileTooBig(size, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The accepted type of some bytes, by content; undefined when it is not one of ACCEPTED_TYPES. */
export async function sniff(bytes: Uint8Array): Promise<{ ext: string; found: string }> {
  const type = await fileTypeFromBuffer(bytes);
  const ext =
    type?.ext === 'jpg' || type?.ext === 'png' || type?.ext === 'webp' || type?.ext === 'pdf'
      ? type.ext
      : '';
  return { ext, found: type ? `${type.ext} (${type.mime})` : 'unknown' };
}

/** Downloads and checks a file; every failure becomes a refusal the user can act on. */
export async function inspectFile(
  files: FileService,
  fileId: string,
  announcedSize: number | undefined,
  maxBytes: number,
): Promise<Inspection> {
  if (announcedSize !== undefined && announcedSize > maxBytes)
    return { ok: false, reason: 'too-big', size: announcedSize, max: maxBytes };
  let bytes: Uint8Array;
  try {
    bytes = await files.download(fileId, maxBytes);
  } catch (error) {
    if (error instanceof FileTooBig)
      return { ok: false, reason: 'too-big', size: error.size, max: maxBytes };
    return {
      ok: false,
      reason: 'download',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  const { ext, found } = await sniff(bytes);
  if (!ext) return { ok: false, reason: 'type', found };
  return { ok: true, ext, size: bytes.byteLength, sha256: sha256Hex(bytes) };
}

/** A size for people: 980 KB, 12.4 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
