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
 * The entries of a ZIP archive, read from its central directory the way fflate (which
 * read-excel-file unzips with) reads it, so that the checks made here hold for the bytes the
 * library inflates afterwards. Reads headers only: nothing is inflated.
 */
export function readZipEntries(buffer: Buffer, maxEntries: number): ZipEntry[] {
  const end = findEndOfDirectory(buffer);
  let count = u16(buffer, end + 10);
  let offset = u32(buffer, end + 16);
  let zip64 = false;
  if (end >= 20 && u32(buffer, end - 20) === ZIP64_LOCATOR) {
    const zip64End = safeNumber(u64(buffer, end - 12));
    if (u32(buffer, zip64End) === ZIP64_END) {
      zip64 = true;
      count = safeNumber(u64(buffer, zip64End + 32));
      offset = safeNumber(u64(buffer, zip64End + 48));
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
    const extraStart = offset + 46 + nameLength;
    const nameBytes = slice(buffer, offset + 46, extraStart);
    let compressedSize = u32(buffer, offset + 20);
    let declaredSize = u32(buffer, offset + 24);
    let localHeader = u32(buffer, offset + 42);
    if (zip64 && compressedSize === 0xffffffff)
      [compressedSize, declaredSize, localHeader] = zip64Sizes(
        buffer,
        extraStart,
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
    offset = extraStart + u16(buffer, offset + 30) + u16(buffer, offset + 32);
  }
  return entries;
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

/** The ZIP64 extra field (id 1) of a central directory entry: sizes and offset, as fflate reads it. */
function zip64Sizes(buffer: Buffer, at: number): [number, number, number] {
  while (u16(buffer, at) !== 1) at += 4 + u16(buffer, at + 2);
  return [
    safeNumber(u64(buffer, at + 12)),
    safeNumber(u64(buffer, at + 4)),
    safeNumber(u64(buffer, at + 20)),
  ];
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
