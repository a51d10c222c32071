/**
 * Attachments are checked by their content (magic bytes) and size, not by the name or MIME type a
 * client claims; a download past the cap stops as soon as it passes it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FileTooBig, inspectFile, sniff, type FileService } from '../../bot/files.ts';
import { JPEG, PDF } from './support/fixtures.ts';
import { sampleFile } from '../fixtures/roots.ts';

const PNG = readFileSync(sampleFile('media/cases/wage-arrears-timeline.png'));

/** A file service over fixed bytes that honours the cap as the real one does. */
const serving = (bytes: Uint8Array): FileService => ({
  async download(_id, max) {
    if (bytes.byteLength > max) throw new FileTooBig(bytes.byteLength, max);
    return bytes;
  },
});

describe('attachments', () => {
  test('JPEG, PNG and PDF are recognised by their bytes; text, HTML and executables are not', async () => {
    expect((await sniff(JPEG)).ext).toBe('jpg');
    expect((await sniff(PNG)).ext).toBe('png');
    expect((await sniff(PDF)).ext).toBe('pdf');
    expect((await sniff(Buffer.from('PDF? no, just text that says it is a PDF'))).ext).toBe('');
    expect((await sniff(Buffer.from('<html><script>alert(1)</script></html>'))).ext).toBe('');
    expect(
      await sniff(
        Buffer.from(
          'MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff'.padEnd(300, '\0'),
          'latin1',
        ),
      ),
    ).toEqual({ ext: '', found: 'exe (application/x-msdownload)' });
  });

  test('the announced size is refused before any download; a larger download stops at the cap', async () => {
    const never: FileService = {
      download: async () => {
        throw new Error('must not download');
      },
    };
    expect(await inspectFile(never, 'f', 50 * 1024 * 1024, 10 * 1024 * 1024)).toEqual({
      ok: false,
      reason: 'too-big',
      size: 50 * 1024 * 1024,
      max: 10 * 1024 * 1024,
    });
    expect(await inspectFile(serving(JPEG), 'f', 1000, 1000)).toEqual({
      ok: false,
      reason: 'too-big',
      size: JPEG.byteLength,
      max: 1000,
    });
    expect(await inspectFile(serving(PDF), 'f', PDF.byteLength, 1024 * 1024)).toEqual({
      ok: true,
      ext: 'pdf',
      size: PDF.byteLength,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const failing: FileService = {
      download: async () => {
        throw new Error('Call to getFile failed: Bad Request: file is too big');
      },
    };
    expect(await inspectFile(failing, 'f', undefined, 1024)).toEqual({
      ok: false,
      reason: 'download',
      detail: 'Call to getFile failed: Bad Request: file is too big',
    });
  });
});
