import { unzipSync } from 'fflate';
import { inflateRawSync } from 'node:zlib';

/** One file of a ZIP archive, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated (the only methods an .xlsx uses). */
  method: number;
  compressedSize: number;
  /** The uncompressed size the archive declares (a crafted file may lie: see inflateZipEntry). */
  declaredSize: number;
  /** Where the entry's data starts in the archive. */
  dataStart: number;
}

/** The archive is not a readable ZIP file. */
export class ZipArchiveError extends Error {}

/** An entry inflates to more bytes than allowed (or than it declares). */
export class ZipEntryTooLargeError extends Error {}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const MAX_COMMENT = 0xffff;

/** True when the bytes start like a ZIP archive (an .xlsx, .ods or .docx is one). */
export function looksLikeZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer.readUInt32LE(0) === LOCAL_HEADER;
}

/**
 * The entries of a ZIP archive, read from its central directory exactly as fflate (which
 * read-excel-file unzips with) reads it: the count of entries on this disk, the ZIP64 records by
 * their low 32 bits, and from an entry's ZIP64 extra field only the numbers whose 32-bit field is
 * saturated. The checks made here must hold for the bytes the library inflates afterwards: a
 * second view of the archive (an entry hidden from one reader, sizes taken from another field)
 * would let a zip bomb past them, so fflate's own listing must then say the same, or the archive
 * is refused. Reads headers only: nothing is inflated.
 */
export function readZipEntries(buffer: Buffer, maxEntries: number): ZipEntry[] {
  const end = findEndOfDirectory(buffer);
  let count = u16(buffer, end + 8);
  if (count === 0) return []; // fflate stops here too, whatever a ZIP64 record says
  let offset = u32(buffer, end + 16);
  let zip64 = end >= 20 && u32(buffer, end - 20) === ZIP64_LOCATOR;
  if (zip64) {
    const zip64End = u32(buffer, end - 12);
    zip64 = u32(buffer, zip64End) === ZIP64_END;
    if (zip64) {
      count = u32(buffer, zip64End + 32);
      offset = u32(buffer, zip64End + 48);
    }
  }
  if (count > maxEntries)
    throw new ZipEntryTooLargeError(
      `The archive holds ${count} files (at most ${maxEntries}).`,
    );
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (u32(buffer, offset) !== CENTRAL_HEADER)
      throw new ZipArchiveError('its file directory is damaged');
    const flags = u16(buffer, offset + 8);
    const nameLength = u16(buffer, offset + 28);
    const extraLength = u16(buffer, offset + 30);
    const extraStart = offset + 46 + nameLength;
    const nameBytes = slice(buffer, offset + 46, extraStart);
    const { compressedSize, declaredSize, localHeader } = entrySizes(
      buffer,
      offset,
      zip64 ? { start: extraStart, end: extraStart + extraLength } : null,
    );
    if (u32(buffer, localHeader) !== LOCAL_HEADER)
      throw new ZipArchiveError('a file header is damaged');
    const dataStart =
      localHeader +
      30 +
      u16(buffer, localHeader + 26) +
      u16(buffer, localHeader + 28);
    if (dataStart + compressedSize > buffer.length)
      throw new ZipArchiveError('the archive is truncated');
    entries.push({
      name: nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1'),
      method: u16(buffer, offset + 10),
      compressedSize,
      declaredSize,
      dataStart,
    });
    offset = extraStart + extraLength + u16(buffer, offset + 32);
  }
  assertSameAsFflate(buffer, entries);
  return entries;
}

/** fflate's listing of the directory (its filter sees each entry; nothing is inflated). */
function assertSameAsFflate(
  buffer: Buffer,
  entries: readonly ZipEntry[],
): void {
  const listed: ZipEntry[] = [];
  try {
    unzipSync(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length), {
      filter: (file) => {
        listed.push({
          name: file.name,
          method: file.compression,
          compressedSize: file.size,
          declaredSize: file.originalSize,
          dataStart: 0,
        });
        return false;
      },
    });
  } catch {
    throw new ZipArchiveError('its file directory is damaged');
  }
  const same = (a: ZipEntry, b: ZipEntry) =>
    a.name === b.name &&
    a.method === b.method &&
    a.compressedSize === b.compressedSize &&
    a.declaredSize === b.declaredSize;
  if (
    listed.length !== entries.length ||
    listed.some((entry, i) => !same(entry, entries[i]))
  )
    throw new ZipArchiveError('its file directory can be read in two ways');
}

/**
 * The bytes of one entry, inflated by zlib which stops as soon as the output passes the declared
 * size: a crafted entry that declares 1 KB and inflates to gigabytes costs at most 1 KB of memory
 * and the time to produce it. An entry whose real size differs from the declared one is refused,
 * so that the declared sizes, checked by the caller against its budget, are the true ones.
 */
export function inflateZipEntry(buffer: Buffer, entry: ZipEntry): Buffer {
  const data = buffer.subarray(
    entry.dataStart,
    entry.dataStart + entry.compressedSize,
  );
  let bytes: Buffer;
  if (entry.method === 0) bytes = data;
  else if (entry.method === 8) {
    try {
      bytes = inflateRawSync(data, {
        maxOutputLength: Math.max(1, entry.declaredSize),
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new ZipEntryTooLargeError(
          `${entry.name} inflates to more than the ${entry.declaredSize} bytes it declares.`,
        );
      throw new ZipArchiveError(`${entry.name} is damaged`);
    }
  } else
    throw new ZipArchiveError(
      `${entry.name} uses an unknown compression method (${entry.method})`,
    );
  if (bytes.length !== entry.declaredSize)
    throw new ZipArchiveError(`${entry.name} does not have its declared size`);
  return bytes;
}

function findEndOfDirectory(buffer: Buffer): number {
  const last = buffer.length - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--)
    if (buffer.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  throw new ZipArchiveError('its end of directory is missing');
}

/**
 * An entry's sizes and local header offset: the 32-bit fields of its central header, each one
 * that is saturated (0xffffffff) replaced, in a ZIP64 archive, by the next number of its ZIP64
 * extra field (id 1), in the order uncompressed size, compressed size, offset, as fflate does.
 */
function entrySizes(
  buffer: Buffer,
  offset: number,
  extra: { start: number; end: number } | null,
): { compressedSize: number; declaredSize: number; localHeader: number } {
  let compressedSize = u32(buffer, offset + 20);
  let declaredSize = u32(buffer, offset + 24);
  let localHeader = u32(buffer, offset + 42);
  const wide = [declaredSize, compressedSize, localHeader].map(
    (value) => value === 0xffffffff,
  );
  if (!extra || !wide.includes(true))
    return { compressedSize, declaredSize, localHeader };
  for (
    let at = extra.start;
    at + 4 < extra.end;
    at += 4 + u16(buffer, at + 2)
  ) {
    if (u16(buffer, at) !== 1) continue;
    let next = at + 4;
    const take = () => {
      const value = safeNumber(u64(buffer, next));
      next += 8;
      return value;
    };
    if (wide[0]) declaredSize = take();
    if (wide[1]) compressedSize = take();
    if (wide[2]) localHeader = take();
    return { compressedSize, declaredSize, localHeader };
  }
  throw new ZipArchiveError('a ZIP64 size is missing');
}

function u16(buffer: Buffer, at: number): number {
  check(buffer, at, 2);
  return buffer.readUInt16LE(at);
}

function u32(buffer: Buffer, at: number): number {
  check(buffer, at, 4);
  return buffer.readUInt32LE(at);
}

function u64(buffer: Buffer, at: number): bigint {
  check(buffer, at, 8);
  return buffer.readBigUInt64LE(at);
}

function slice(buffer: Buffer, from: number, to: number): Buffer {
  check(buffer, from, to - from);
  return buffer.subarray(from, to);
}

function check(buffer: Buffer, at: number, length: number): void {
  if (!Number.isSafeInteger(at) || at < 0 || at + length > buffer.length)
    throw new ZipArchiveError('the archive is truncated');
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new ZipArchiveError('a size is out of range');
  return Number(value);
}
