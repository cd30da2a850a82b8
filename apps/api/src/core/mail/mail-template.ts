/**
 * The contract every e-mail template fulfils: a stable name (the key of MAIL_TEMPLATES, stored in
 * queued jobs, so never rename one) and a pure render function that gives the subject, the plain
 * text part and the HTML part in the recipient's language.
 */
export type MailLocale = 'fr' | 'en';

export const MAIL_LOCALES: readonly MailLocale[] = ['fr', 'en'];

/** The portal speaks French first: a message without a locale is written in French. */
export const DEFAULT_MAIL_LOCALE: MailLocale = 'fr';

export interface RenderedMail {
  /** One line, no control characters. */
  readonly subject: string;
  readonly text: string;
  /** A whole HTML document; every interpolated value is escaped. */
  readonly html: string;
}

export interface MailTemplate<Name extends string, Data extends object> {
  readonly name: Name;
  /** Pure and synchronous; throws on data it cannot show (a malformed date, a non-http link). */
  render(locale: MailLocale, data: Data): RenderedMail;
}
