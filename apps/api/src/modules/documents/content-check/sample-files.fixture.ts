import { deflateSync } from 'node:zlib';
import { onePageObjects, pdfText, writePdf } from '../pdf-writer';
import { crc32 } from './image-structure';

/*
 * Small, valid files made in code for the tests (no binary fixtures in the repository), and the
 * pieces hostile files are made of.
 */

export interface SamplePdfOptions {
  /** Text on the page. */
  text?: string;
  /** Adds an /Encrypt entry to the trailer, as a password-protected PDF has. */
  encrypted?: boolean;
  /** Pads the file (with a comment line) to exactly this many bytes. */
  size?: number;
}

function buildPdf(text: string, encrypted: boolean, padding: number): Buffer {
  const objects = onePageObjects(
    `BT /F1 24 Tf 72 760 Td (${pdfText(text)}) Tj ET`,
  );
  if (encrypted)
    objects.push(
      '<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O (0123456789abcdef0123456789abcdef) /U (0123456789abcdef0123456789abcdef) >>',
    );
  return writePdf(objects, {
    padding,
    trailer: encrypted
      ? ` /Encrypt ${objects.length} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]`
      : '',
  });
}

/** A one-page PDF that any reader opens, with a correct cross-reference table. */
export function samplePdf(options: SamplePdfOptions = {}): Buffer {
  const text = options.text ?? 'Autorisation de travail';
  const encrypted = options.encrypted ?? false;
  const plain = buildPdf(text, encrypted, 0);
  if (options.size === undefined) return plain;
  let padding = options.size - plain.length;
  if (padding < 2)
    throw new Error(`samplePdf: ${options.size} bytes is too small`);
  // The startxref number may gain a digit: adjust until the size is exact.
  for (let attempt = 0; attempt < 3; attempt++) {
    const padded = buildPdf(text, encrypted, padding);
    if (padded.length === options.size) return padded;
    padding += options.size - padded.length;
  }
  throw new Error(`samplePdf: cannot make exactly ${options.size} bytes`);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG of `width` x `height` pixels in one colour, with IHDR, IDAT and IEND. */
export function samplePng(
  width = 24,
  height = 16,
  rgb = [46, 125, 50],
): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: width }, () => rgb).flat()),
  ]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A baseline JPEG, 8 x 8 grey pixels, that decoders accept: JFIF, a quantisation table, the frame
 * header (SOF0), one-code Huffman tables, one scan whose only block is DC 0 then end-of-block.
 * `app1Bytes` adds an EXIF-like APP1 segment first (a phone photo's metadata before the frame).
 */
export function sampleJpeg(app1Bytes = 0): Buffer {
  const segment = (marker: number, data: number[] | Buffer) =>
    Buffer.concat([
      Buffer.from([
        0xff,
        marker,
        (data.length + 2) >> 8,
        (data.length + 2) & 0xff,
      ]),
      Buffer.from(data),
    ]);
  const app1: Buffer[] = [];
  for (let left = app1Bytes; left > 0; left -= 65000)
    app1.push(segment(0xe1, Buffer.alloc(Math.min(left, 65000), 0x20)));
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...app1,
    segment(0xdb, [0, ...new Array(64).fill(1)]),
    segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]),
    segment(0xc4, [0x00, 1, ...new Array(15).fill(0), 0]),
    segment(0xc4, [0x10, 1, ...new Array(15).fill(0), 0]),
    segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    Buffer.from([0x3f]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** The start of a ZIP archive holding one file (a local file header). */
export function zipLocalHeader(name = 'payload.html'): Buffer {
  const header = Buffer.alloc(30);
  header.write('PK\x03\x04', 0, 'latin1');
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name, 'latin1')]);
}

/** A complete empty ZIP central directory end record. */
export const ZIP_END_OF_CENTRAL_DIRECTORY = Buffer.from(
  'PK\x05\x06' + '\x00'.repeat(18),
  'latin1',
);

/** A Windows program's first bytes (MZ header and its DOS stub text). */
export function windowsExecutable(): Buffer {
  const exe = Buffer.alloc(512);
  exe.write('MZ', 0, 'latin1');
  exe.write('This program cannot be run in DOS mode.', 78, 'latin1');
  exe.writeUInt32LE(128, 60);
  exe.write('PE\x00\x00', 128, 'latin1');
  return exe;
}
