/* eslint-disable no-control-regex -- these patterns match bytes (a latin1 view of the file), control bytes included */
import type { DocumentContentType } from '@moisson/contract';
import type { BilingualText } from '../../../core/http/localized-text';
import {
  DocumentFormat,
  FORMAT_CONTENT_TYPE,
  SIGNATURE_BYTES,
  detectFormat,
} from './detect-format';
import { rejections } from './document-rejection';
import { PNG_END, checkPngHeader, findJpegFrame } from './image-structure';
import { checkPdfEnd } from './pdf-structure';

/** The first bytes kept for the header checks (a JPEG's frame header comes after its metadata). */
export const HEAD_BYTES = 1024 * 1024;
/** The last bytes kept for the end checks (PDF trailer, PNG IEND, JPEG EOI). */
export const TAIL_BYTES = 2048;
/** Bytes of one chunk carried into the next, so a pattern split across two chunks is still found. */
const CARRY_BYTES = 64;
/** At most this many PDF object offsets are remembered (a 15 MB PDF has far fewer objects). */
const MAX_OFFSETS = 2_000_000;

export interface ScanResult {
  format: DocumentFormat;
  contentType: DocumentContentType;
  size: number;
}

const ZIP_ARCHIVE: BilingualText = {
  fr: 'une archive ZIP',
  en: 'a ZIP archive',
};
const MARKUP: BilingualText = {
  fr: 'du HTML ou du script',
  en: 'HTML or script',
};

/**
 * ZIP records with plausible version fields (local file header, central directory, end of central
 * directory): a ZIP appended to or hidden in a PDF or an image. Random bytes match with odds of
 * about 2^-48 per position.
 */
const ZIP_RE =
  /PK\x03\x04[\x00-\x3f]\x00|PK\x01\x02[\s\S][\x00-\x13][\x00-\x3f]\x00|PK\x05\x06\x00\x00\x00\x00/g;
/** Web markup that a browser would run if it ever sniffed the file as HTML. */
const MARKUP_RE =
  /<(?:script|html|body|iframe|svg|object|embed)[\s>/]|<!doctype[\t\n\f\r ]{1,16}html/gi;
const ENCRYPT_RE = /\/Encrypt(?![A-Za-z])/g;
const XREF_RE = /xref/g;
const OBJ_RE = /\d{1,10}[\x00\t\n\f\r ]{1,4}\d{1,5}[\x00\t\n\f\r ]{1,4}obj/g;
const PNG_IEND_RE = /IEND\xae\x42\x60\x82/g;
const JPEG_EOI_RE = /\xff\xd9/g;

/**
 * Checks a file as it streams past, chunk by chunk, without keeping it: its first bytes decide the
 * format (and refuse programs, web pages, SVG and other formats at once), every chunk is searched
 * for a hidden second format (ZIP, HTML, script), and `finish` checks the structure: a PDF's
 * trailer and cross-reference offset, and no encryption; a PNG's IHDR and IEND; a JPEG's frame
 * header and end marker. Every refusal is a DocumentRejection saying why. Memory: about 1 MB.
 */
export class DocumentScanner {
  private size = 0;
  private format: DocumentFormat | null = null;
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  /** Chunks received before the format is known: scanned once it is. */
  private pending: Buffer[] = [];
  private carry = '';
  private tail = Buffer.alloc(0);
  private encrypted = false;
  private readonly xrefOffsets = new Set<number>();
  private readonly objectOffsets = new Set<number>();
  private lastEndMarker = -1;
  private pngHeaderChecked = false;

  constructor(private readonly maxBytes: number) {}

  get bytesSeen(): number {
    return this.size;
  }

  feed(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) throw rejections.tooLarge(this.maxBytes);
    if (this.headLength < HEAD_BYTES) {
      const kept = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.headChunks.push(kept);
      this.headLength += kept.length;
    }
    this.tail = Buffer.concat([
      this.tail,
      chunk.subarray(-TAIL_BYTES),
    ]).subarray(-TAIL_BYTES);
    if (this.format === null) {
      this.pending.push(chunk);
      if (this.headLength >= SIGNATURE_BYTES) this.decideFormat();
    } else {
      this.scan(chunk, this.size - chunk.length);
    }
    if (
      this.format === 'png' &&
      !this.pngHeaderChecked &&
      this.headLength >= 33
    ) {
      checkPngHeader(this.head());
      this.pngHeaderChecked = true;
    }
  }

  /** Once the whole file has been fed: the verdict, or a DocumentRejection. */
  finish(): ScanResult {
    if (this.size === 0) throw rejections.empty();
    if (this.format === null) this.decideFormat();
    const format = this.format as DocumentFormat;
    const complete = this.size <= HEAD_BYTES;
    if (format === 'pdf')
      checkPdfEnd({
        tail: this.tail,
        size: this.size,
        encrypted: this.encrypted,
        isObjectStart: (offset) =>
          this.xrefOffsets.has(offset) || this.objectOffsets.has(offset),
      });
    if (format === 'png') {
      checkPngHeader(this.head());
      if (!this.tail.subarray(-PNG_END.length).equals(PNG_END))
        throw this.lastEndMarker >= 0
          ? rejections.polyglot({
              fr: "des données après la fin de l'image",
              en: 'data after the end of the image',
            })
          : rejections.pngMalformed({
              fr: "la fin de l'image manque, le fichier est incomplet",
              en: 'the end of the image is missing, the file is incomplete',
            });
    }
    if (format === 'jpeg') {
      const frame = findJpegFrame(this.head(), complete);
      if (this.lastEndMarker <= frame.offset)
        throw rejections.jpegMalformed({
          fr: "la fin de l'image manque, le fichier est incomplet",
          en: 'the end of the image is missing, the file is incomplete',
        });
    }
    return {
      format,
      contentType: FORMAT_CONTENT_TYPE[format],
      size: this.size,
    };
  }

  private head(): Buffer {
    if (this.headChunks.length > 1) {
      const joined = Buffer.concat(this.headChunks);
      this.headChunks.splice(0, this.headChunks.length, joined);
    }
    return this.headChunks[0] ?? Buffer.alloc(0);
  }

  private decideFormat(): void {
    this.format = detectFormat(this.head());
    let offset = 0;
    for (const chunk of this.pending) {
      this.scan(chunk, offset);
      offset += chunk.length;
    }
    this.pending = [];
  }

  /** Searches `chunk` (at file offset `offset`) and the carried end of the previous one. */
  private scan(chunk: Buffer, offset: number): void {
    const carried = this.carry.length;
    const window = this.carry + chunk.toString('latin1');
    const base = offset - carried;
    this.carry = window.slice(-CARRY_BYTES);
    const each = (pattern: RegExp, found: (at: number) => void) => {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
        if (m.index + m[0].length > carried) found(base + m.index);
        if (m[0].length === 0) pattern.lastIndex++;
      }
    };
    each(ZIP_RE, () => {
      throw rejections.polyglot(ZIP_ARCHIVE);
    });
    each(MARKUP_RE, () => {
      throw rejections.polyglot(MARKUP);
    });
    if (this.format === 'pdf') {
      each(ENCRYPT_RE, () => (this.encrypted = true));
      each(XREF_RE, (at) => remember(this.xrefOffsets, at));
      each(OBJ_RE, (at) => remember(this.objectOffsets, at));
    }
    if (this.format === 'png')
      each(PNG_IEND_RE, (at) => (this.lastEndMarker = at));
    if (this.format === 'jpeg')
      each(JPEG_EOI_RE, (at) => (this.lastEndMarker = at));
  }
}

function remember(offsets: Set<number>, at: number): void {
  if (offsets.size < MAX_OFFSETS) offsets.add(at);
}
