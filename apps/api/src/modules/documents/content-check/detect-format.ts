/* eslint-disable no-control-regex -- these patterns match bytes (a latin1 view of the file), control bytes included */
import type { DocumentContentType } from '@moisson/contract';
import type { BilingualText } from '../../../core/http/localized-text';
import { rejections } from './document-rejection';

/** The formats a document may have, recognised by their bytes. */
export type DocumentFormat = 'pdf' | 'jpeg' | 'png';

export const FORMAT_CONTENT_TYPE: Readonly<
  Record<DocumentFormat, DocumentContentType>
> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

export const FORMAT_EXTENSION: Readonly<Record<DocumentFormat, string>> = {
  pdf: 'pdf',
  jpeg: 'jpg',
  png: 'png',
};

/** Bytes enough to recognise any signature below and the markup at the start of a text file. */
export const SIGNATURE_BYTES = 4096;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(head: Uint8Array, bytes: number[], at = 0): boolean {
  return bytes.every((byte, i) => head[at + i] === byte);
}

function ascii(head: Uint8Array, from: number, to: number): string {
  return Buffer.from(head.subarray(from, to)).toString('latin1');
}

/** Programs, whatever their name: Windows, Linux, macOS, Java, scripts. */
const EXECUTABLES: ReadonlyArray<[number[], string]> = [
  [[0x4d, 0x5a], 'Windows .exe/.dll'],
  [[0x7f, 0x45, 0x4c, 0x46], 'Linux ELF'],
  [[0xfe, 0xed, 0xfa, 0xce], 'macOS Mach-O'],
  [[0xfe, 0xed, 0xfa, 0xcf], 'macOS Mach-O'],
  [[0xce, 0xfa, 0xed, 0xfe], 'macOS Mach-O'],
  [[0xcf, 0xfa, 0xed, 0xfe], 'macOS Mach-O'],
  [[0xca, 0xfe, 0xba, 0xbe], 'Java / macOS'],
  [[0x23, 0x21], 'script #!'],
  [[0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00], 'Windows .lnk'],
];

/** Formats people often send by mistake, named in the refusal so they know what to change. */
function otherFormat(head: Uint8Array): BilingualText | null {
  const text = ascii(head, 0, 16);
  if (
    startsWith(head, [0x50, 0x4b, 0x03, 0x04]) ||
    text.startsWith('PK\x05\x06')
  )
    return {
      fr: 'archive ZIP ou document Word/Excel',
      en: 'ZIP archive or Word/Excel document',
    };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { fr: 'ancien document Word/Excel', en: 'old Word/Excel document' };
  if (text.startsWith('GIF87a') || text.startsWith('GIF89a'))
    return { fr: 'image GIF', en: 'GIF image' };
  if (text.startsWith('RIFF') && ascii(head, 8, 12) === 'WEBP')
    return { fr: 'image WebP', en: 'WebP image' };
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (/^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(brand))
      return {
        fr: "photo HEIC d'iPhone : choisissez « Le plus compatible » dans Réglages > Appareil photo > Formats, ou exportez-la en JPEG",
        en: 'iPhone HEIC photo: choose "Most Compatible" in Settings > Camera > Formats, or export it as JPEG',
      };
    if (brand === 'avif' || brand === 'avis')
      return { fr: 'image AVIF', en: 'AVIF image' };
    return { fr: 'vidéo ou fichier MP4/MOV', en: 'MP4/MOV video or file' };
  }
  if (text.startsWith('II*\x00') || text.startsWith('MM\x00*'))
    return { fr: 'image TIFF', en: 'TIFF image' };
  if (text.startsWith('BM')) return { fr: 'image BMP', en: 'BMP image' };
  if (text.startsWith('{\\rtf'))
    return { fr: 'document RTF', en: 'RTF document' };
  return null;
}

/** Markup at the start of a text file (after a byte order mark and blanks). */
function markup(head: Uint8Array): 'html' | 'svg' | null {
  let text = ascii(head, 0, Math.min(head.length, SIGNATURE_BYTES));
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  text = text.replace(/\x00/g, '').trimStart().toLowerCase();
  if (!text.startsWith('<')) return null;
  if (/<svg[\s>/]/.test(text)) return 'svg';
  if (
    /^<!doctype\s+html|<(html|head|body|script|iframe|meta|a|div|p)[\s>/]/.test(
      text,
    )
  )
    return 'html';
  return null;
}

/**
 * What the first bytes of a file say it is: PDF (%PDF-x.y at byte 0), PNG (its 8-byte signature)
 * or JPEG (SOI then a marker). Anything else is refused with the reason: a program, a web page,
 * an SVG image, a PDF preceded by other data, or another format, named.
 */
export function detectFormat(head: Uint8Array): DocumentFormat {
  if (/^%PDF-\d\.\d/.test(ascii(head, 0, 8))) return 'pdf';
  if (startsWith(head, PNG_SIGNATURE)) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  for (const [signature, name] of EXECUTABLES)
    if (startsWith(head, signature)) throw rejections.executable(name);
  if (/^%PDF/.test(ascii(head, 0, 4)))
    throw rejections.pdfMalformed({
      fr: "l'en-tête %PDF- n'a pas de numéro de version",
      en: 'the %PDF- header has no version number',
    });
  if (ascii(head, 0, 1024).includes('%PDF-'))
    throw rejections.polyglot({
      fr: "d'autres données avant l'en-tête du PDF",
      en: 'other data before the PDF header',
    });
  const found = markup(head);
  if (found === 'svg') throw rejections.svg();
  if (found === 'html') throw rejections.html();
  const other = otherFormat(head);
  if (other) throw rejections.unsupported(other);
  throw rejections.unsupported({
    fr: 'format inconnu',
    en: 'unknown format',
  });
}
