/**
 * The private store: where non-public attachments (pledges, evidence, non-public decisions) are
 * kept, on infrastructure the publisher controls and the public cannot read, never in the content
 * repository. Files are addressed by the SHA-256 of their bytes, so storing twice is harmless and
 * every read is checked against its address (docs/private-files.md).
 */
import { createHash } from 'node:crypto';

/** What the store keeps beside the bytes (the record carries the same, docs/private-files.md). */
export interface PrivateFileMeta {
  /** The generated file name, e.g. 2026q3-black-007-repair-k3f9-1.pdf. */
  name: string;
  /** image/jpeg, image/png, image/webp or application/pdf. */
  type: string;
  /** The attachment kind (pledge, evidence, decision …). */
  kind: string;
  /** The submission that brought it, when known. */
  submission?: string;
}

/** A stored file's description, as the index holds it. */
export interface StoredFile extends PrivateFileMeta {
  sha256: string;
  size: number;
  storedAt: string;
}

/** A private store: one directory (one machine) or Redis (several bot instances). */
export interface PrivateStore {
  readonly kind: 'dir' | 'redis';
  /** Stores the bytes (atomically; again is a no-op) and returns the SHA-256 in hex. */
  put(bytes: Uint8Array, meta: PrivateFileMeta): Promise<StoredFile>;
  /** The bytes of a file, checked against their address; undefined when the store has none. */
  get(sha256: string): Promise<Uint8Array | undefined>;
  /** The index entry of a file. */
  stat(sha256: string): Promise<StoredFile | undefined>;
  close(): Promise<void>;
}

/** The SHA-256 of some bytes, in lower-case hex. */
export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A SHA-256 in hex: 64 lower-case hexadecimal digits. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Thrown when stored bytes no longer match their address (a damaged disk, a tampered file). */
export class CorruptFileError extends Error {
  readonly sha256: string;
  constructor(sha256: string, found: string) {
    super(
      `private file sha256:${sha256} is damaged: its bytes hash to ${found}; restore it from the backup of the private store`,
    );
    this.sha256 = sha256;
  }
}

/** Checks bytes read from a store against their address. */
export function verified(sha256: string, bytes: Uint8Array): Uint8Array {
  const found = sha256Hex(bytes);
  if (found !== sha256) throw new CorruptFileError(sha256, found);
  return bytes;
}

/** Refuses anything but a SHA-256 as an address (it becomes part of a path or a key). */
export function assertSha256(sha256: string): void {
  if (!SHA256_HEX.test(sha256))
    throw new Error(`"${sha256}" is not a SHA-256 (64 lower-case hex digits)`);
}
