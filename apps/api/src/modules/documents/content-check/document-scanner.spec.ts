import type { DocumentRejectionCode } from '@moisson/contract';
import { DocumentRejection } from './document-rejection';
import { DocumentScanner, ScanResult } from './document-scanner';
import {
  ZIP_END_OF_CENTRAL_DIRECTORY,
  sampleJpeg,
  samplePdf,
  samplePng,
  windowsExecutable,
  zipLocalHeader,
} from './sample-files.fixture';

const LIMIT = 15 * 1024 * 1024;

function scan(bytes: Buffer, chunkSize = 65536, limit = LIMIT): ScanResult {
  const scanner = new DocumentScanner(limit);
  for (let offset = 0; offset < bytes.length; offset += chunkSize)
    scanner.feed(bytes.subarray(offset, offset + chunkSize));
  return scanner.finish();
}

function refusal(run: () => unknown): {
  code: DocumentRejectionCode;
  fr: string;
  en: string;
} {
  try {
    run();
  } catch (error) {
    if (error instanceof DocumentRejection)
      return { code: error.code, ...error.text };
    throw error;
  }
  throw new Error('expected a refusal');
}

function codeOf(bytes: Buffer, chunkSize?: number): DocumentRejectionCode {
  return refusal(() => scan(bytes, chunkSize)).code;
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('DocumentScanner: accepted files', () => {
  it.each([1, 13, 4096, 65536])(
    'recognises a PDF, a PNG and a JPEG by their bytes, fed %i bytes at a time',
    (chunkSize) => {
      expect(scan(samplePdf(), chunkSize)).toEqual({
        format: 'pdf',
        contentType: 'application/pdf',
        size: samplePdf().length,
      });
      expect(scan(samplePng(), chunkSize).contentType).toBe('image/png');
      expect(scan(sampleJpeg(), chunkSize).contentType).toBe('image/jpeg');
    },
  );

  it('finds the frame header of a JPEG after 300 KB of phone metadata', () => {
    expect(scan(sampleJpeg(300_000), 7000).format).toBe('jpeg');
  });

  it('accepts a PDF of exactly the limit', () => {
    const pdf = samplePdf({ size: 5000 });
    expect(pdf.length).toBe(5000);
    expect(scan(pdf, 999, 5000).size).toBe(5000);
  });
});

describe('DocumentScanner: refusals, each with its own reason', () => {
  it('refuses an empty file', () => {
    expect(codeOf(Buffer.alloc(0))).toBe('DOCUMENT_EMPTY');
  });

  it('refuses one byte over the limit as soon as it arrives, before the end', () => {
    const scanner = new DocumentScanner(5000);
    const pdf = samplePdf({ size: 5001 });
    const result = refusal(() => scanner.feed(pdf));
    expect(result.code).toBe('DOCUMENT_TOO_LARGE');
    expect(result.en).toContain('0 MB');
  });

  it('names the limit in megabytes', () => {
    const result = refusal(() =>
      scan(samplePdf({ size: 1572865 }), 65536, 1572864),
    );
    expect(result.fr).toContain('1,5 Mo');
    expect(result.en).toContain('1.5 MB');
  });

  it.each([
    ['a Windows program', windowsExecutable(), 'DOCUMENT_EXECUTABLE'],
    [
      'a Linux program',
      Buffer.concat([latin1('\x7fELF\x02\x01\x01'), Buffer.alloc(100)]),
      'DOCUMENT_EXECUTABLE',
    ],
    ['a shell script', latin1('#!/bin/sh\nrm -rf ~\n'), 'DOCUMENT_EXECUTABLE'],
    [
      'a web page',
      latin1('\xef\xbb\xbf  \n<!DOCTYPE html><html><body>Permis</body></html>'),
      'DOCUMENT_HTML',
    ],
    ['a bare script tag', latin1('<script>alert(1)</script>'), 'DOCUMENT_HTML'],
    [
      'an SVG with a script',
      latin1(
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ),
      'DOCUMENT_SVG',
    ],
    [
      'a ZIP archive',
      Buffer.concat([zipLocalHeader(), Buffer.alloc(50)]),
      'DOCUMENT_FORMAT_UNSUPPORTED',
    ],
    [
      'plain text',
      latin1('Numéro de permis: AT-47-2027-00042\n'),
      'DOCUMENT_FORMAT_UNSUPPORTED',
    ],
  ])('refuses %s', (_what, bytes, code) => {
    expect(codeOf(bytes)).toBe(code);
  });

  it('refuses a program at its first bytes, before the rest arrives', () => {
    const big = Buffer.concat([windowsExecutable(), Buffer.alloc(10_000)]);
    const early = new DocumentScanner(LIMIT);
    expect(refusal(() => early.feed(big.subarray(0, 4096))).code).toBe(
      'DOCUMENT_EXECUTABLE',
    );
  });

  it('names an iPhone HEIC photo and says how to get a JPEG', () => {
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      latin1('ftypheic'),
      Buffer.alloc(100),
    ]);
    const result = refusal(() => scan(heic));
    expect(result.code).toBe('DOCUMENT_FORMAT_UNSUPPORTED');
    expect(result.fr).toContain('HEIC');
    expect(result.en).toContain('Most Compatible');
  });

  describe('PDF', () => {
    it('refuses an encrypted PDF', () => {
      expect(codeOf(samplePdf({ encrypted: true }))).toBe(
        'DOCUMENT_PDF_ENCRYPTED',
      );
    });

    it.each([
      [
        'cut in the middle',
        (pdf: Buffer) => pdf.subarray(0, Math.floor(pdf.length / 2)),
      ],
      ['cut before %%EOF', (pdf: Buffer) => pdf.subarray(0, pdf.length - 7)],
      [
        'cut inside an incremental update',
        (pdf: Buffer) =>
          Buffer.concat([pdf, latin1('7 0 obj\n<< /Type /Page')]),
      ],
    ])('refuses a truncated PDF: %s', (_how, cut) => {
      expect(codeOf(cut(samplePdf()))).toBe('DOCUMENT_PDF_TRUNCATED');
    });

    it('refuses a PDF whose startxref points nowhere, or that has none', () => {
      const pdf = samplePdf().toString('latin1');
      const wrong = pdf.replace(
        /startxref\n(\d+)/,
        (_m, n) => `startxref\n${Number(n) - 40}`,
      );
      expect(codeOf(latin1(wrong))).toBe('DOCUMENT_PDF_MALFORMED');
      const none = pdf.replace(/startxref\n\d+\n/, '');
      expect(codeOf(latin1(none))).toBe('DOCUMENT_PDF_MALFORMED');
    });

    it('refuses a %PDF header without a version', () => {
      expect(codeOf(latin1('%PDF-x\n%%EOF\n'))).toBe('DOCUMENT_PDF_MALFORMED');
    });

    it.each([
      [
        'a ZIP appended after %%EOF',
        (pdf: Buffer) =>
          Buffer.concat([pdf, zipLocalHeader(), ZIP_END_OF_CENTRAL_DIRECTORY]),
      ],
      [
        'a ZIP hidden before the trailer',
        (pdf: Buffer) =>
          Buffer.concat([
            latin1('%PDF-1.4\n'),
            zipLocalHeader(),
            pdf.subarray(9),
          ]),
      ],
      [
        'a ZIP directory end only',
        (pdf: Buffer) =>
          Buffer.concat([
            pdf.subarray(0, 200),
            ZIP_END_OF_CENTRAL_DIRECTORY,
            pdf.subarray(200),
          ]),
      ],
      [
        'an HTML page inside',
        (pdf: Buffer) =>
          Buffer.concat([
            pdf.subarray(0, 100),
            latin1('<html><script>alert(1)</script>'),
            pdf.subarray(100),
          ]),
      ],
      [
        'other data before the header',
        (pdf: Buffer) => Buffer.concat([latin1('GIF89a'), pdf]),
      ],
    ])('refuses a polyglot: %s', (_how, make) => {
      expect(codeOf(make(samplePdf()), 5)).toBe('DOCUMENT_POLYGLOT');
    });

    it('finds a ZIP signature split between two chunks', () => {
      const pdf = samplePdf({ size: 10_000 });
      const zip = zipLocalHeader();
      const bytes = Buffer.concat([
        pdf.subarray(0, 4094),
        zip,
        pdf.subarray(4094),
      ]);
      const scanner = new DocumentScanner(LIMIT);
      scanner.feed(bytes.subarray(0, 4096)); // "PK" at the end of this chunk, "\x03\x04" in the next
      expect(refusal(() => scanner.feed(bytes.subarray(4096))).code).toBe(
        'DOCUMENT_POLYGLOT',
      );
    });
  });

  describe('PNG', () => {
    it('refuses a wrong IHDR checksum, an impossible colour depth, a missing header', () => {
      const badCrc = samplePng();
      badCrc[29] ^= 0xff;
      expect(codeOf(badCrc)).toBe('DOCUMENT_PNG_MALFORMED');
      const badDepth = samplePng();
      badDepth[24] = 3; // RGB at 3 bits per sample does not exist
      expect(codeOf(badDepth)).toBe('DOCUMENT_PNG_MALFORMED');
      expect(codeOf(samplePng().subarray(0, 20))).toBe(
        'DOCUMENT_PNG_MALFORMED',
      );
    });

    it('refuses a PNG cut before IEND, and data after IEND', () => {
      const png = samplePng();
      expect(codeOf(png.subarray(0, png.length - 12))).toBe(
        'DOCUMENT_PNG_MALFORMED',
      );
      expect(codeOf(Buffer.concat([png, latin1('#!/bin/sh\n')]))).toBe(
        'DOCUMENT_POLYGLOT',
      );
      expect(codeOf(Buffer.concat([png, zipLocalHeader()]))).toBe(
        'DOCUMENT_POLYGLOT',
      );
    });
  });

  describe('JPEG', () => {
    it('refuses a JPEG cut before its end marker', () => {
      const jpeg = sampleJpeg();
      expect(codeOf(jpeg.subarray(0, jpeg.length - 2))).toBe(
        'DOCUMENT_JPEG_MALFORMED',
      );
    });

    it('refuses a scan before any frame header, and an impossible frame header', () => {
      const jpeg = sampleJpeg();
      const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
      const noFrame = Buffer.concat([
        jpeg.subarray(0, sof),
        jpeg.subarray(sof + 13),
      ]);
      expect(codeOf(noFrame)).toBe('DOCUMENT_JPEG_MALFORMED');
      const badFrame = Buffer.from(jpeg);
      badFrame[sof + 9] = 9; // nine colour components
      expect(codeOf(badFrame)).toBe('DOCUMENT_JPEG_MALFORMED');
    });

    it('refuses "JPEG" bytes followed by nothing else', () => {
      expect(codeOf(Buffer.from([0xff, 0xd8, 0xff]))).toBe(
        'DOCUMENT_JPEG_MALFORMED',
      );
    });
  });

  it('gives every refusal its own sentence in French and English', () => {
    const samples = [
      Buffer.alloc(0),
      windowsExecutable(),
      latin1('<html></html>'),
      latin1('<svg></svg>'),
      latin1('hello'),
      Buffer.concat([samplePdf(), zipLocalHeader()]),
      samplePdf().subarray(0, 300),
      samplePdf({ encrypted: true }),
      latin1('%PDF-x'),
      samplePng().subarray(0, 20),
      sampleJpeg().subarray(0, 40),
    ];
    const results = samples.map((bytes) => refusal(() => scan(bytes)));
    expect(new Set(results.map((r) => r.code)).size).toBe(samples.length);
    expect(new Set(results.map((r) => r.fr)).size).toBe(samples.length);
    expect(new Set(results.map((r) => r.en)).size).toBe(samples.length);
  });
});
