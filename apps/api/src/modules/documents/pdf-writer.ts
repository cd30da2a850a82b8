/**
 * A PDF file from its objects (numbered 1, 2... in order, object 1 the catalog): the header, the
 * objects, a correct cross-reference table and the trailer. For the small files made in code (the
 * demo data's papers, the content check's test files); latin1, as PDF strings of WinAnsi text are.
 */
export function writePdf(
  objects: readonly string[],
  options: {
    /** Extra trailer entries, e.g. ` /Info 6 0 R`. */
    trailer?: string;
    /** A comment line of this many bytes after the header (to reach a given file size). */
    padding?: number;
  } = {},
): Buffer {
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const padding = options.padding ?? 0;
  if (padding > 0) body += `%${'x'.repeat(Math.max(0, padding - 2))}\n`;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets)
    body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${options.trailer ?? ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Text for a PDF string literal: parentheses and backslashes escaped. */
export function pdfText(text: string): string {
  return text.replace(/[()\\]/g, '\\$&');
}

/**
 * The five objects of a one-page A4 PDF: catalog, pages, page, its content stream (PDF text
 * operators) and a Helvetica font (`font`: extra font entries, e.g. ` /Encoding /WinAnsiEncoding`).
 */
export function onePageObjects(content: string, font = ''): string[] {
  return [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica${font} >>`,
  ];
}
