import { strToU8, zipSync } from 'fflate';
import { deflateRawSync } from 'node:zlib';
import {
  inflateZipEntry,
  looksLikeZip,
  readZipEntries,
  ZipArchiveError,
  ZipEntryTooLargeError,
} from './zip-archive';

/** A one-entry archive whose headers declare `declaredSize` for the deflated `data`. */
function deflatedZip(name: string, data: Buffer, declaredSize: number): Buffer {
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(fileName.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(local.length + fileName.length + data.length, 16);
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
