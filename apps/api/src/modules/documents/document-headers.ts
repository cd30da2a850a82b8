import type { FastifyReply } from 'fastify';
import { contentDisposition } from './content-check/document-name';
import type { DocumentEntity } from './entities/document.entity';

/**
 * Previews run nothing: no script, no form, no plugin but the browser's own PDF viewer, no request
 * to anywhere, and only this site may frame them. Images are also sandboxed (an opaque origin).
 * A PDF is not: Chromium and Firefox refuse to start their PDF viewer in a sandboxed document.
 */
export const PREVIEW_CSP_IMAGE =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; form-action 'none'; base-uri 'none'; sandbox";
export const PREVIEW_CSP_PDF =
  "default-src 'none'; object-src 'self'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; form-action 'none'; base-uri 'none'";
/** Downloads are never rendered by the browser; the strictest policy in case one is. */
export const DOWNLOAD_CSP = "default-src 'none'; sandbox";

/** The headers of a document's bytes: the detected type, never sniffed, never cached, named. */
export function setDocumentHeaders(
  reply: FastifyReply,
  document: DocumentEntity,
  via: 'download' | 'preview',
): void {
  reply
    .header('Content-Type', document.contentType)
    .header('Content-Length', String(document.size))
    .header(
      'Content-Disposition',
      contentDisposition(
        via === 'download' ? 'attachment' : 'inline',
        document.displayName,
      ),
    )
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .header('Cross-Origin-Resource-Policy', 'same-origin')
    .header(
      'Content-Security-Policy',
      via === 'download'
        ? DOWNLOAD_CSP
        : document.contentType === 'application/pdf'
          ? PREVIEW_CSP_PDF
          : PREVIEW_CSP_IMAGE,
    );
}
