/**
 * Fixes the modification date of every entry of a zip archive (an .xlsx is one). exceljs zips
 * with JSZip, which stamps each entry with the current time and offers no way to set it, so two
 * builds of the same report differed. Dates are the DOS date and time fields of each local file
 * header and central directory header; no checksum covers them, so they are rewritten in place.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The DOS date (high 16 bits) and time (low 16 bits, always 00:00:00) of an ISO date. */
function dosDate(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return ((year - 1980) << 9) | (month << 5) | day;
}

/**
 * Returns the archive with every entry dated `isoDate` (YYYY-MM-DD) at midnight. Throws on a
 * buffer that is not a plain zip (no end-of-central-directory record, or a header out of place).
 */
export function withEntryDates(zip: Buffer, isoDate: string): Buffer {
  const out = Buffer.from(zip);
  const date = dosDate(isoDate);
  let eocd = out.length - 22;
  while (eocd >= 0 && out.readUInt32LE(eocd) !== EOCD) eocd--;
  if (eocd < 0) throw new Error('not a zip archive: no end-of-central-directory record found');
  const count = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (out.readUInt32LE(at) !== CENTRAL)
      throw new Error(`zip central directory entry ${i + 1} of ${count} not found at byte ${at}`);
    out.writeUInt16LE(0, at + 12);
    out.writeUInt16LE(date, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL)
      throw new Error(`zip local header of entry ${i + 1} not found at byte ${local}`);
    out.writeUInt16LE(0, local + 10);
    out.writeUInt16LE(date, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
