import { strToU8, unzipSync, zipSync } from 'fflate';
import { deflateRawSync } from 'node:zlib';
import {
  inflateZipEntry,
  looksLikeZip,
  readZipEntries,
  ZipArchiveError,
  ZipEntryTooLargeError,
} from './zip-archive';

/** A ZIP header of `length` bytes: each field is [offset, 2 or 4 bytes, value]. */
function header(
  length: number,
  fields: Array<[number, 2 | 4, number]>,
): Buffer {
  const bytes = Buffer.alloc(length);
  for (const [at, size, value] of fields)
    if (size === 2) bytes.writeUInt16LE(value, at);
    else bytes.writeUInt32LE(value, at);
  return bytes;
}

/** A one-entry archive whose headers declare `declaredSize` for the deflated `data`. */
function deflatedZip(name: string, data: Buffer, declaredSize: number): Buffer {
  const fileName = Buffer.from(name);
  // Local header: signature, version 2.0, deflate, sizes, name length.
  const local = header(30, [
    [0, 4, 0x04034b50],
    [4, 2, 20],
    [8, 2, 8],
    [18, 4, data.length],
    [22, 4, declaredSize],
    [26, 2, fileName.length],
  ]);
  // Central directory entry: the same fields 2 bytes further, the local header at offset 0.
  const central = header(46, [
    [0, 4, 0x02014b50],
    [6, 2, 20],
    [10, 2, 8],
    [20, 4, data.length],
    [24, 4, declaredSize],
    [28, 2, fileName.length],
  ]);
  const end = header(22, [
    [0, 4, 0x06054b50],
    [8, 2, 1],
    [10, 2, 1],
    [12, 4, central.length + fileName.length],
    [16, 4, local.length + fileName.length + data.length],
  ]);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

describe('readZipEntries and inflateZipEntry', () => {
  const zip = Buffer.from(
    zipSync({
      'a.xml': strToU8('<a>' + 'x'.repeat(10_000) + '</a>'),
      'dossier/é.txt': [strToU8('stored'), { level: 0 }],
    }),
  );

  it('lists the entries with their sizes and inflates each to its declared size', () => {
    expect(looksLikeZip(zip)).toBe(true);
    const entries = readZipEntries(zip, 10);
    expect(entries.map((e) => [e.name, e.method, e.declaredSize])).toEqual([
      ['a.xml', 8, 10_007],
      ['dossier/é.txt', 0, 6],
    ]);
    expect(entries[0].compressedSize).toBeLessThan(200);
    expect(inflateZipEntry(zip, entries[0]).toString()).toBe(
      '<a>' + 'x'.repeat(10_000) + '</a>',
    );
    expect(inflateZipEntry(zip, entries[1]).toString()).toBe('stored');
  });

  it('refuses more entries than allowed, before reading them', () => {
    expect(() => readZipEntries(zip, 1)).toThrow(ZipEntryTooLargeError);
  });

  it('refuses what is not a whole ZIP archive', () => {
    expect(looksLikeZip(Buffer.from('Nom;Prénom\n'))).toBe(false);
    expect(() =>
      readZipEntries(Buffer.from('PK\x03\x04' + 'x'.repeat(40)), 10),
    ).toThrow(ZipArchiveError);
    expect(() => readZipEntries(zip.subarray(0, zip.length - 30), 10)).toThrow(
      ZipArchiveError,
    );
  });

  it('stops inflating an entry that lies about its size (a zip bomb), at the declared size, fast', () => {
    // 256 MB of zeros deflate to about 1 MB.
    const data = deflateRawSync(Buffer.alloc(256 * 1024 * 1024), { level: 1 });
    const forged = deflatedZip('xl/worksheets/sheet1.xml', data, 1000);
    expect(forged.length).toBeLessThan(2 * 1024 * 1024);
    const [entry] = readZipEntries(forged, 10);
    expect(entry).toMatchObject({ declaredSize: 1000, method: 8 });
    const started = Date.now();
    expect(() => inflateZipEntry(forged, entry)).toThrow(ZipEntryTooLargeError);
    // zlib stops at its first chunk past 1,000 bytes, where the whole would take 256 MB and ~0.4 s.
    expect(Date.now() - started).toBeLessThan(150);
  });

  it('refuses an entry that inflates to less than it declares', () => {
    const forged = deflatedZip('a.xml', deflateRawSync('<a/>'), 5000);
    const [entry] = readZipEntries(forged, 10);
    expect(() => inflateZipEntry(forged, entry)).toThrow(/declared size/);
  });
});

/** The directory as fflate (read-excel-file's unzipper) reads it: its filter sees every entry. */
function fflateView(zip: Buffer) {
  const seen: Array<[string, number, number, number]> = [];
  unzipSync(new Uint8Array(zip), {
    filter: (file) => {
      seen.push([file.name, file.compression, file.size, file.originalSize]);
      return false;
    },
  });
  return seen;
}

/** Our reading of `zip` is fflate's, or `zip` is refused: never a third view of the archive. */
function expectFflatesView(zip: Buffer): void {
  let ours: Array<[string, number, number, number]>;
  try {
    ours = readZipEntries(zip, 10).map((e) => [
      e.name,
      e.method,
      e.compressedSize,
      e.declaredSize,
    ]);
  } catch (error) {
    expect(error).toBeInstanceOf(ZipArchiveError);
    return;
  }
  expect(ours).toEqual(fflateView(zip));
}

describe('readZipEntries reads the archive the library will inflate', () => {
  it('counts the entries on the disk, as fflate does, not the total the end record gives', () => {
    const zip = Buffer.from(
      zipSync({ 'a.xml': strToU8('<a/>'), 'b.xml': strToU8('<b/>') }),
    );
    const end = zip.length - 22;
    zip.writeUInt16LE(1, end + 10);
    expect(fflateView(zip).map(([name]) => name)).toEqual(['a.xml', 'b.xml']);
    expectFflatesView(zip);
  });

  it("takes only the ZIP64 fields whose 32-bit field is saturated, in fflate's order", () => {
    // One deflated entry; its central header saturates the compressed size and the offset, and
    // its ZIP64 extra holds three numbers a reader may take in different orders.
    const name = Buffer.from('a.xml');
    const data = deflateRawSync('<a/>');
    const local = header(30, [
      [0, 4, 0x04034b50],
      [4, 2, 45],
      [8, 2, 8],
      [26, 2, name.length],
    ]);
    const extra = Buffer.alloc(4 + 24);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(4n, 4); // the real size, '<a/>'
    extra.writeBigUInt64LE(BigInt(data.length), 12);
    extra.writeBigUInt64LE(0n, 20);
    const central = header(46, [
      [0, 4, 0x02014b50],
      [6, 2, 45],
      [10, 2, 8],
      [20, 4, 0xffffffff],
      [24, 4, 4],
      [28, 2, name.length],
      [30, 2, extra.length],
      [42, 4, 0xffffffff],
    ]);
    const cdOffset = local.length + name.length + data.length;
    const cdSize = central.length + name.length + extra.length;
    const zip64End = Buffer.alloc(56);
    zip64End.writeUInt32LE(0x06064b50, 0);
    zip64End.writeBigUInt64LE(44n, 4);
    zip64End.writeBigUInt64LE(1n, 24);
    zip64End.writeBigUInt64LE(1n, 32);
    zip64End.writeBigUInt64LE(BigInt(cdSize), 40);
    zip64End.writeBigUInt64LE(BigInt(cdOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
    locator.writeUInt32LE(1, 16);
    const end = header(22, [
      [0, 4, 0x06054b50],
      [8, 2, 0xffff],
      [10, 2, 0xffff],
      [12, 4, 0xffffffff],
      [16, 4, 0xffffffff],
    ]);
    const zip = Buffer.concat([
      ...[local, name, data, central, name, extra],
      ...[zip64End, locator, end],
    ]);
    expectFflatesView(zip);
  });
});
