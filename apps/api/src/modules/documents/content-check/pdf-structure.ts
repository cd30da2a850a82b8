/* eslint-disable no-control-regex -- these patterns match bytes (a latin1 view of the file), control bytes included */
import { rejections } from './document-rejection';

export interface PdfEnd {
  /** The last bytes of the file (at least the trailer). */
  tail: Buffer;
  size: number;
  /** An /Encrypt entry was seen (trailer or cross-reference stream dictionary). */
  encrypted: boolean;
  /** Whether an `xref` keyword or an `N G obj` header starts at this offset. */
  isObjectStart(offset: number): boolean;
}

/** Blanks a reader skips between startxref's offset and the keyword it points to. */
const OFFSET_SLACK = 16;

/**
 * The end of a PDF: `startxref`, the offset of the last cross-reference section, then `%%EOF`,
 * with nothing but blanks after it. The offset must point to an `xref` table or a cross-reference
 * stream object. A PDF without `%%EOF`, or cut in the middle of an incremental update, is
 * truncated; an encrypted one is refused (it cannot be checked or previewed).
 */
export function checkPdfEnd(pdf: PdfEnd): void {
  const tail = pdf.tail.toString('latin1');
  const eof = tail.lastIndexOf('%%EOF');
  if (eof < 0) throw rejections.pdfTruncated();
  const after = tail.slice(eof + 5);
  if (!/^[\x00\t\n\f\r ]*$/.test(after)) {
    if (/obj|xref|stream|trailer/.test(after)) throw rejections.pdfTruncated();
    throw rejections.pdfMalformed({
      fr: 'des données suivent la fin du PDF',
      en: 'data follows the end of the PDF',
    });
  }
  const startxref = /startxref[\x00\t\n\f\r ]+(\d{1,12})[\x00\t\n\f\r ]*$/.exec(
    tail.slice(0, eof),
  );
  if (!startxref)
    throw rejections.pdfMalformed({
      fr: "l'indication startxref manque",
      en: 'the startxref entry is missing',
    });
  const offset = Number(startxref[1]);
  let points = false;
  for (let at = offset; at <= offset + OFFSET_SLACK && !points; at++)
    points = at < pdf.size && pdf.isObjectStart(at);
  if (!points)
    throw rejections.pdfMalformed({
      fr: 'la table des références croisées est introuvable',
      en: 'the cross-reference table cannot be found',
    });
  if (pdf.encrypted) throw rejections.pdfEncrypted();
}
