import type { DocumentRejectionCode } from '@moisson/contract';
import {
  checkDeclaredType,
  contentDisposition,
  displayNameFor,
  extensionOf,
  sanitiseDisplayName,
} from './document-name';
import { DocumentRejection } from './document-rejection';

function codeOf(run: () => unknown): DocumentRejectionCode {
  try {
    run();
  } catch (error) {
    if (error instanceof DocumentRejection) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('sanitiseDisplayName', () => {
  it('keeps a normal name, normalised and with blanks collapsed', () => {
    expect(sanitiseDisplayName('  Permis  de   travail M. Benali.pdf ')).toBe(
      'Permis de travail M. Benali.pdf',
    );
    expect(sanitiseDisplayName('Re\u0301sume\u0301.pdf')).toBe('Résumé.pdf');
    expect(sanitiseDisplayName('passeport_ﺏﻦﻋﻠﻲ.jpg')).toBe(
      'passeport_ﺏﻦﻋﻠﻲ.jpg',
    );
  });

  it('replaces the characters Windows refuses', () => {
    expect(sanitiseDisplayName('AT: "2027" <final>?.pdf')).toBe(
      'AT_ _2027_ _final__.pdf',
    );
  });

  it('gives null when the device sent no name', () => {
    expect(sanitiseDisplayName(undefined)).toBeNull();
    expect(sanitiseDisplayName('   ')).toBeNull();
  });

  it('refuses a 10,000-character name, and accepts 200', () => {
    expect(codeOf(() => sanitiseDisplayName(`${'a'.repeat(9996)}.pdf`))).toBe(
      'DOCUMENT_NAME_TOO_LONG',
    );
    expect(sanitiseDisplayName(`${'é'.repeat(196)}.pdf`)).toHaveLength(200);
  });

  it.each([
    '../../etc/passwd.pdf',
    '..\\..\\windows\\system32.pdf',
    '/tmp/permis.pdf',
    '..',
    '.',
  ])('refuses a path: %j', (name) => {
    expect(codeOf(() => sanitiseDisplayName(name))).toBe(
      'DOCUMENT_NAME_INVALID',
    );
  });

  it.each([
    ['a right-to-left override hiding ".exe"', 'permis\u202Efdp.exe'],
    ['a NUL byte', 'permis.pdf\u0000.exe'],
    ['a line break', 'permis\n.pdf'],
    ['a zero-width space', 'per\u200Bmis.pdf'],
    ['no letter or digit', '___.'],
  ])('refuses %s', (_what, name) => {
    expect(codeOf(() => sanitiseDisplayName(name))).toBe(
      'DOCUMENT_NAME_INVALID',
    );
  });
});

describe('checkDeclaredType', () => {
  it('accepts a name and a declared type that agree with the bytes, or say nothing', () => {
    expect(() =>
      checkDeclaredType('permis.PDF', 'application/pdf', 'pdf'),
    ).not.toThrow();
    expect(() =>
      checkDeclaredType('IMG_0042.jpeg', 'image/jpg', 'jpeg'),
    ).not.toThrow();
    expect(() =>
      checkDeclaredType('scan', 'application/octet-stream', 'png'),
    ).not.toThrow();
    expect(() => checkDeclaredType(null, undefined, 'pdf')).not.toThrow();
    expect(() =>
      checkDeclaredType('Permis 12.03.2027', '', 'pdf'),
    ).not.toThrow();
  });

  it.each([
    ['a PNG named .pdf', 'permis.pdf', 'image/png', 'png'],
    ['a PNG declared as PDF', 'permis', 'application/pdf', 'png'],
    ['a PDF declared as HTML', 'permis.pdf', 'text/html', 'pdf'],
    ['a PDF named .exe', 'setup.exe', 'application/pdf', 'pdf'],
    ['a JPEG named .heic', 'IMG_1.heic', 'image/heic', 'jpeg'],
  ] as const)('refuses %s', (_what, name, mime, format) => {
    expect(codeOf(() => checkDeclaredType(name, mime, format))).toBe(
      'DOCUMENT_DECLARED_TYPE_MISMATCH',
    );
  });
});

describe('names for display and download', () => {
  it('reads an extension only when it looks like one', () => {
    expect(extensionOf('a.JPG')).toBe('jpg');
    expect(extensionOf('Permis 12.03.2027')).toBeNull();
    expect(extensionOf('archive.tar.gz')).toBe('gz');
    expect(extensionOf('noextension')).toBeNull();
  });

  it('adds the extension of the bytes when the name has none, or names the type', () => {
    expect(displayNameFor('Permis Benali', 'pdf', 'work_permit')).toBe(
      'Permis Benali.pdf',
    );
    expect(displayNameFor('photo.jpeg', 'jpeg', 'passport')).toBe('photo.jpeg');
    expect(displayNameFor(null, 'png', 'passport')).toBe('passport.png');
    expect(displayNameFor('x'.repeat(200), 'pdf', 'other')).toHaveLength(200);
  });

  it('writes Content-Disposition with an ASCII fallback and the exact UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('attachment', 'Permis été.pdf')).toBe(
      `attachment; filename="Permis ete.pdf"; filename*=UTF-8''Permis%20%C3%A9t%C3%A9.pdf`,
    );
    expect(contentDisposition('inline', `a"b\\c;d'(e)%.pdf`)).toBe(
      `inline; filename="a_b_c;d'(e)_.pdf"; filename*=UTF-8''a%22b%5Cc%3Bd%27%28e%29%25.pdf`,
    );
    expect(contentDisposition('inline', 'جواز.pdf')).toMatch(
      /^inline; filename="____\.pdf"; filename\*=UTF-8''%D8%AC/,
    );
  });
});
