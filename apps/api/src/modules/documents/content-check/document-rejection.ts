import type {
  DocumentRejectionCode,
  DocumentRejectionDetail,
} from '@moisson/contract';
import type { BilingualText } from '../../../core/http/localized-text';

/** The form part a refusal is about. */
export type RejectedField = DocumentRejectionDetail['field'];

/**
 * Why an upload is refused: a stable code and the bilingual sentence a person reads. Thrown by the
 * pure content checks and turned into the API's error shape by the upload (see toApiException).
 */
export class DocumentRejection extends Error {
  constructor(
    readonly code: DocumentRejectionCode,
    readonly text: BilingualText,
    readonly field: RejectedField = 'file',
  ) {
    super(`${code}: ${text.en}`);
    this.name = 'DocumentRejection';
  }
}

/** HTTP status of each refusal (415 for content, 413 for size, 422 for a rule, 400 otherwise). */
export const REJECTION_STATUS: Readonly<Record<DocumentRejectionCode, number>> =
  {
    DOCUMENT_FILE_MISSING: 400,
    DOCUMENT_EMPTY: 400,
    DOCUMENT_TOO_LARGE: 413,
    DOCUMENT_INCOMPLETE: 400,
    DOCUMENT_FORMAT_UNSUPPORTED: 415,
    DOCUMENT_EXECUTABLE: 415,
    DOCUMENT_HTML: 415,
    DOCUMENT_SVG: 415,
    DOCUMENT_POLYGLOT: 415,
    DOCUMENT_PDF_TRUNCATED: 415,
    DOCUMENT_PDF_ENCRYPTED: 415,
    DOCUMENT_PDF_MALFORMED: 415,
    DOCUMENT_PNG_MALFORMED: 415,
    DOCUMENT_JPEG_MALFORMED: 415,
    DOCUMENT_DECLARED_TYPE_MISMATCH: 415,
    DOCUMENT_NAME_TOO_LONG: 400,
    DOCUMENT_NAME_INVALID: 400,
    DOCUMENT_TYPE_INVALID: 400,
    DOCUMENT_TYPE_NOT_FOR_WORKER: 422,
    DOCUMENT_FIELD_INVALID: 400,
    DOCUMENT_FIELD_UNKNOWN: 400,
  };

const ACCEPTED = {
  fr: 'Envoyez un PDF, une photo JPEG ou une image PNG.',
  en: 'Send a PDF, a JPEG photo or a PNG image.',
};

function text(fr: string, en: string): BilingualText {
  return { fr, en };
}

/** The refusals that need no detail, each with its own sentence. */
export const rejections = {
  empty: () =>
    new DocumentRejection(
      'DOCUMENT_EMPTY',
      text(
        'Le fichier est vide (0 octet) : choisissez à nouveau le document.',
        'The file is empty (0 bytes): choose the document again.',
      ),
    ),
  tooLarge: (maxBytes: number) => {
    const size = formatMegabytes(maxBytes);
    return new DocumentRejection(
      'DOCUMENT_TOO_LARGE',
      text(
        `Le fichier dépasse ${size.fr} Mo, la taille maximale : réduisez-le (photo en qualité moyenne, PDF compressé) ou envoyez les pages séparément.`,
        `The file is larger than ${size.en} MB, the maximum: make it smaller (medium-quality photo, compressed PDF) or send the pages separately.`,
      ),
    );
  },
  incomplete: () =>
    new DocumentRejection(
      'DOCUMENT_INCOMPLETE',
      text(
        "L'envoi s'est interrompu avant la fin du fichier : rien n'a été enregistré, envoyez-le à nouveau.",
        'The upload stopped before the end of the file: nothing was saved, send it again.',
      ),
    ),
  missing: () =>
    new DocumentRejection(
      'DOCUMENT_FILE_MISSING',
      text(
        'Aucun fichier reçu : joignez le document dans la partie « file » du formulaire.',
        'No file received: attach the document in the "file" part of the form.',
      ),
    ),
  unsupported: (found: BilingualText) =>
    new DocumentRejection(
      'DOCUMENT_FORMAT_UNSUPPORTED',
      text(
        `Ce fichier n'est ni un PDF, ni une photo JPEG, ni une image PNG (${found.fr}). ${ACCEPTED.fr}`,
        `This file is not a PDF, a JPEG photo or a PNG image (${found.en}). ${ACCEPTED.en}`,
      ),
    ),
  executable: (found: string) =>
    new DocumentRejection(
      'DOCUMENT_EXECUTABLE',
      text(
        `Ce fichier est un programme (${found}), quel que soit son nom : il est refusé. ${ACCEPTED.fr}`,
        `This file is a program (${found}), whatever its name: it is refused. ${ACCEPTED.en}`,
      ),
    ),
  html: () =>
    new DocumentRejection(
      'DOCUMENT_HTML',
      text(
        `Ce fichier est une page web (HTML) : il est refusé car il peut contenir du code. Enregistrez la page en PDF (Imprimer > Enregistrer au format PDF).`,
        `This file is a web page (HTML): it is refused because it can carry code. Save the page as PDF (Print > Save as PDF).`,
      ),
    ),
  svg: () =>
    new DocumentRejection(
      'DOCUMENT_SVG',
      text(
        `Les images SVG sont refusées car elles peuvent contenir du code. ${ACCEPTED.fr}`,
        `SVG images are refused because they can carry code. ${ACCEPTED.en}`,
      ),
    ),
  polyglot: (what: BilingualText) =>
    new DocumentRejection(
      'DOCUMENT_POLYGLOT',
      text(
        `Ce fichier cache un autre contenu (${what.fr}) : il est refusé. Enregistrez à nouveau le document en PDF, JPEG ou PNG depuis l'application qui l'a créé.`,
        `This file hides other content (${what.en}): it is refused. Save the document again as PDF, JPEG or PNG from the application that made it.`,
      ),
    ),
  pdfTruncated: () =>
    new DocumentRejection(
      'DOCUMENT_PDF_TRUNCATED',
      text(
        'Ce PDF est incomplet (la fin du fichier manque) : téléchargez-le ou enregistrez-le à nouveau, puis renvoyez-le.',
        'This PDF is incomplete (the end of the file is missing): download or save it again, then send it again.',
      ),
    ),
  pdfEncrypted: () =>
    new DocumentRejection(
      'DOCUMENT_PDF_ENCRYPTED',
      text(
        'Ce PDF est protégé par un mot de passe ou chiffré : ouvrez-le et enregistrez-le sans protection (ou imprimez-le en PDF), puis renvoyez-le.',
        'This PDF is protected by a password or encrypted: open it and save it without protection (or print it to PDF), then send it again.',
      ),
    ),
  pdfMalformed: (why: BilingualText) =>
    new DocumentRejection(
      'DOCUMENT_PDF_MALFORMED',
      text(
        `Ce PDF est endommagé (${why.fr}) : enregistrez-le à nouveau depuis l'application qui l'a créé.`,
        `This PDF is damaged (${why.en}): save it again from the application that made it.`,
      ),
    ),
  pngMalformed: (why: BilingualText) =>
    new DocumentRejection(
      'DOCUMENT_PNG_MALFORMED',
      text(
        `Cette image PNG est endommagée (${why.fr}) : enregistrez-la à nouveau ou prenez une nouvelle photo.`,
        `This PNG image is damaged (${why.en}): save it again or take a new photo.`,
      ),
    ),
  jpegMalformed: (why: BilingualText) =>
    new DocumentRejection(
      'DOCUMENT_JPEG_MALFORMED',
      text(
        `Cette photo JPEG est endommagée (${why.fr}) : prenez une nouvelle photo ou enregistrez-la à nouveau.`,
        `This JPEG photo is damaged (${why.en}): take a new photo or save it again.`,
      ),
    ),
  declaredMismatch: (declared: string, actual: string) =>
    new DocumentRejection(
      'DOCUMENT_DECLARED_TYPE_MISMATCH',
      text(
        `Le fichier se présente comme ${declared} mais son contenu est ${actual} : renommez-le avec la bonne extension, ou choisissez le bon fichier.`,
        `The file presents itself as ${declared} but its content is ${actual}: rename it with the right extension, or choose the right file.`,
      ),
    ),
  nameTooLong: (length: number, max: number) =>
    new DocumentRejection(
      'DOCUMENT_NAME_TOO_LONG',
      text(
        `Le nom du fichier compte ${length} caractères, ${max} au plus : renommez-le plus court.`,
        `The file name has ${length} characters, ${max} at most: give it a shorter name.`,
      ),
    ),
  nameInvalid: (why: BilingualText) =>
    new DocumentRejection(
      'DOCUMENT_NAME_INVALID',
      text(
        `Le nom du fichier n'est pas accepté (${why.fr}) : renommez-le, par exemple « permis-travail.pdf ».`,
        `The file name is not accepted (${why.en}): rename it, e.g. "work-permit.pdf".`,
      ),
    ),
};

function formatMegabytes(bytes: number): BilingualText {
  const megabytes = Math.round((bytes / (1024 * 1024)) * 100) / 100;
  return {
    fr: String(megabytes).replace('.', ','),
    en: String(megabytes),
  };
}
