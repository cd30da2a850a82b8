import type { BilingualText } from '../../../core/http/localized-text';
import { rejections } from './document-rejection';

const PNG_COLOUR_DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/** The 12 bytes every complete PNG ends with: an empty IEND chunk and its CRC. */
export const PNG_END = Buffer.from([
  0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG computes it (ISO 3309). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngDamaged(fr: string, en: string): Error {
  return rejections.pngMalformed({ fr, en });
}

/**
 * The PNG header chunk right after the signature: IHDR, 13 bytes, a width and height of at least
 * one pixel, a colour type with one of its allowed bit depths, the only compression and filter
 * methods, interlace 0 or 1, and a correct CRC.
 */
export function checkPngHeader(head: Uint8Array): {
  width: number;
  height: number;
} {
  if (head.length < 33)
    throw pngDamaged("l'en-tête IHDR manque", 'the IHDR header is missing');
  const view = Buffer.from(head.buffer, head.byteOffset, head.length);
  if (view.readUInt32BE(8) !== 13 || view.toString('latin1', 12, 16) !== 'IHDR')
    throw pngDamaged(
      "le premier bloc n'est pas l'en-tête IHDR",
      'the first chunk is not the IHDR header',
    );
  const width = view.readUInt32BE(16);
  const height = view.readUInt32BE(20);
  const [depth, colour, compression, filter, interlace] = view.subarray(24, 29);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff)
    throw pngDamaged('dimensions impossibles', 'impossible dimensions');
  if (!PNG_COLOUR_DEPTHS[colour]?.includes(depth))
    throw pngDamaged(
      'type de couleur ou profondeur impossible',
      'impossible colour type or bit depth',
    );
  if (compression !== 0 || filter !== 0 || interlace > 1)
    throw pngDamaged(
      'méthode de compression inconnue',
      'unknown compression method',
    );
  if (crc32(view.subarray(12, 29)) !== view.readUInt32BE(29))
    throw pngDamaged(
      "la somme de contrôle de l'en-tête est fausse",
      'the header checksum is wrong',
    );
  return { width, height };
}

/** Start-of-frame markers: baseline, progressive, lossless, arithmetic... (not DHT C4, JPG C8, DAC CC). */
function isStartOfFrame(marker: number): boolean {
  return (
    marker >= 0xc0 &&
    marker <= 0xcf &&
    marker !== 0xc4 &&
    marker !== 0xc8 &&
    marker !== 0xcc
  );
}

function jpegDamaged(why: BilingualText): Error {
  return rejections.jpegMalformed(why);
}

export interface JpegFrame {
  /** Offset of the SOFn marker in the file. */
  offset: number;
  width: number;
  height: number;
  components: number;
}

/**
 * Walks the JPEG segments from SOI to the first frame header (SOFn) and checks it: length
 * 8 + 3 x components, precision 8, 12 or 16 bits, a width and a height, 1 to 4 components.
 * `head` holds the first bytes of the file; `complete` says it is the whole file. A scan (SOS) or
 * the end (EOI) before any frame header, a segment running past the end, or no frame header in
 * `head` is damage.
 */
export function findJpegFrame(head: Uint8Array, complete: boolean): JpegFrame {
  const view = Buffer.from(head.buffer, head.byteOffset, head.length);
  const notFound: BilingualText = complete
    ? {
        fr: "l'image s'arrête avant son en-tête",
        en: 'the image stops before its header',
      }
    : {
        fr: "pas d'en-tête d'image dans le premier mégaoctet",
        en: 'no image header in the first megabyte',
      };
  let offset = 2;
  while (offset < view.length) {
    if (view[offset] !== 0xff)
      throw jpegDamaged({ fr: 'segment illisible', en: 'unreadable segment' });
    while (offset < view.length && view[offset] === 0xff) offset++;
    if (offset >= view.length) break;
    const marker = view[offset];
    const markerOffset = offset - 1;
    offset++;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (marker === 0xd9 || marker === 0xda || marker === 0x00)
      throw jpegDamaged({
        fr: "pas d'en-tête d'image avant les données",
        en: 'no image header before the data',
      });
    if (offset + 2 > view.length) break;
    const length = view.readUInt16BE(offset);
    if (length < 2)
      throw jpegDamaged({
        fr: 'segment de longueur nulle',
        en: 'zero-length segment',
      });
    if (isStartOfFrame(marker)) {
      if (offset + length > view.length) break;
      const precision = view[offset + 2];
      const height = view.readUInt16BE(offset + 3);
      const width = view.readUInt16BE(offset + 5);
      const components = view[offset + 7];
      if (
        ![8, 12, 16].includes(precision) ||
        width === 0 ||
        height === 0 ||
        components < 1 ||
        components > 4 ||
        length !== 8 + 3 * components
      )
        throw jpegDamaged({
          fr: "en-tête d'image impossible",
          en: 'impossible image header',
        });
      return { offset: markerOffset, width, height, components };
    }
    offset += length;
  }
  throw jpegDamaged(notFound);
}
