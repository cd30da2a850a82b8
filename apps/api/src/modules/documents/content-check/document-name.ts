import { DOCUMENT_NAME_MAX_LENGTH } from '@moisson/contract';
import { DocumentFormat, FORMAT_EXTENSION } from './detect-format';
import { rejections } from './document-rejection';

/** Characters that are no name: controls, format characters (bidi overrides that disguise "exe.pdf"...). */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** Characters Windows refuses in a name; replaced for display and download. */
const RESERVED = /[<>:"|?*]/g;

/**
 * The file name as the user's device gave it, kept only for display and download, never as a path:
 * normalised (NFC), blanks collapsed, reserved characters replaced. Refused when longer than
 * DOCUMENT_NAME_MAX_LENGTH characters, or when it is a path (/, \ or ..) or holds invisible or
 * control characters. Null when the device sent no name.
 */
export function sanitiseDisplayName(
  raw: string | null | undefined,
): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const name = raw.normalize('NFC');
  const length = [...name].length;
  if (length > DOCUMENT_NAME_MAX_LENGTH)
    throw rejections.nameTooLong(length, DOCUMENT_NAME_MAX_LENGTH);
  if (/[/\\]/.test(name) || ['.', '..'].includes(name.trim()))
    throw rejections.nameInvalid({
      fr: 'il contient un chemin de dossier (/, \\ ou ..)',
      en: 'it holds a folder path (/, \\ or ..)',
    });
  if (INVISIBLE.test(name))
    throw rejections.nameInvalid({
      fr: 'il contient des caractères invisibles ou de contrôle',
      en: 'it holds invisible or control characters',
    });
  const clean = name.replace(RESERVED, '_').replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(clean))
    throw rejections.nameInvalid({
      fr: 'il ne contient ni lettre ni chiffre',
      en: 'it has no letter or digit',
    });
  return clean;
}

const EXTENSION_FORMAT: Readonly<Record<string, DocumentFormat>> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jpe: 'jpeg',
  jfif: 'jpeg',
};

const MIME_FORMAT: Readonly<Record<string, DocumentFormat>> = {
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'image/png': 'png',
  'image/x-png': 'png',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/pjpeg': 'jpeg',
};

/** Declared types that say nothing (the browser did not know). */
const UNKNOWN_MIME = new Set([
  '',
  'application/octet-stream',
  'binary/octet-stream',
]);

const FORMAT_NAME: Readonly<Record<DocumentFormat, string>> = {
  pdf: 'PDF',
  jpeg: 'JPEG',
  png: 'PNG',
};

/** The name's extension, when it has one (1 to 5 letters or digits, at least one letter). */
export function extensionOf(name: string): string | null {
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  return match && /[A-Za-z]/.test(match[1]) ? match[1].toLowerCase() : null;
}

/**
 * The bytes decide the format; the declared content type and the name's extension must not say
 * another one (a PNG named .pdf, a PDF sent as text/html, a PDF named .exe). A declared type that
 * says nothing (application/octet-stream) and a name without extension are fine.
 */
export function checkDeclaredType(
  displayName: string | null,
  declaredMime: string | null | undefined,
  format: DocumentFormat,
): void {
  const actual = FORMAT_NAME[format];
  const extension = displayName ? extensionOf(displayName) : null;
  if (extension !== null && EXTENSION_FORMAT[extension] !== format)
    throw rejections.declaredMismatch(`« .${extension} »`, actual);
  const mime = (declaredMime ?? '').split(';')[0].trim().toLowerCase();
  if (!UNKNOWN_MIME.has(mime) && MIME_FORMAT[mime] !== format)
    throw rejections.declaredMismatch(mime, actual);
}

/**
 * The name shown and given on download: the sanitised name, with the format's extension added when
 * it has none, or `<fallback>.<ext>` when the device sent no name.
 */
export function displayNameFor(
  displayName: string | null,
  format: DocumentFormat,
  fallback: string,
): string {
  const extension = FORMAT_EXTENSION[format];
  if (displayName === null) return `${fallback}.${extension}`;
  if (extensionOf(displayName) !== null) return displayName;
  const room = DOCUMENT_NAME_MAX_LENGTH - extension.length - 1;
  return `${[...displayName].slice(0, room).join('')}.${extension}`;
}

/**
 * `Content-Disposition` with an ASCII `filename` for old clients and the exact name in `filename*`
 * (RFC 5987 / RFC 6266), so accents, quotes and semicolons in a name can neither break nor inject.
 */
export function contentDisposition(
  disposition: 'attachment' | 'inline',
  name: string,
): string {
  const fallback = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
