/**
 * Unsigned LEB128 integers in a byte buffer: the building block of the search index's binary
 * files (posting lists, code blocks). Works the same in Node and in the browser.
 */

/** A growable byte buffer. */
export class ByteWriter {
  private buf = new Uint8Array(256);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** Appends an unsigned integer (below 2^32) as LEB128. */
  uint(value: number): void {
    this.reserve(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.length++] = v;
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  /** The bytes written so far (a copy). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Reads what a ByteWriter wrote. */
export class ByteReader {
  offset = 0;
  readonly data: Uint8Array;

  constructor(data: Uint8Array) {
    this.data = data;
  }

  get done(): boolean {
    return this.offset >= this.data.length;
  }

  uint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.data[this.offset++];
      if (byte === undefined)
        throw new Error(`search index: truncated number at byte ${this.offset - 1}`);
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
      shift += 7;
    }
  }

  bytes(n: number): Uint8Array {
    if (this.offset + n > this.data.length)
      throw new Error(`search index: truncated data at byte ${this.offset}`);
    const out = this.data.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
}

/** The size of a LEB128 number, to choose between encodings without writing them. */
export function uintSize(value: number): number {
  let n = 1;
  for (let v = value >>> 7; v > 0; v >>>= 7) n++;
  return n;
}
