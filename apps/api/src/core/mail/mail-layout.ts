import { markup, SafeHtml } from './mail-html';
import { MailLocale, RenderedMail } from './mail-template';

/** A run of text, or a value to stand out (a name, a date). */
export type MailInline = string | { readonly strong: string };
export type MailParagraph = string | readonly MailInline[];

/** A part a template renders itself: escaped HTML (built with `markup`) and its plain-text twin. */
export interface MailBlock {
  readonly html: SafeHtml;
  readonly text: string;
}

/** What a template says; the layout adds the greeting, the sign-off, the footer and the styles. */
export interface MailContent {
  readonly subject: string;
  readonly heading: string;
  readonly paragraphs: readonly MailParagraph[];
  /** Richer parts (lists, boxes) a template builds itself, after the paragraphs: HTML and text. */
  readonly blocks?: readonly MailBlock[];
  /** One call to action: a button in HTML, the bare link in text. http(s) only. */
  readonly action?: { readonly label: string; readonly url: string };
  /** Paragraphs after the button. */
  readonly after?: readonly MailParagraph[];
}

const WORDS: Record<
  MailLocale,
  {
    greeting: string;
    signOff: readonly string[];
    linkFallback: string;
    footer: string;
  }
> = {
  fr: {
    greeting: 'Bonjour,',
    signOff: ['Cordialement,', 'L’équipe Moisson'],
    linkFallback:
      'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur\u00a0:',
    footer:
      'Moisson, portail de recrutement de travailleurs saisonniers. Ce message est envoyé automatiquement\u00a0: merci de ne pas y répondre.',
  },
  en: {
    greeting: 'Hello,',
    signOff: ['Kind regards,', 'The Moisson team'],
    linkFallback:
      'If the button does not work, copy this link into your browser:',
    footer:
      'Moisson, the seasonal worker recruitment portal. This message was sent automatically: please do not reply to it.',
  },
};

export const COLORS = {
  page: '#f4f2ec',
  card: '#ffffff',
  text: '#1d2a19',
  muted: '#5c6657',
  brand: '#3f692b',
  accent: '#f3d27a',
};
export const FONT = 'Arial, Helvetica, sans-serif';

/** The shared layout of every e-mail: one column, readable on a phone, inline styles only. */
export function renderMailLayout(
  locale: MailLocale,
  content: MailContent,
): RenderedMail {
  const words = WORDS[locale];
  const subject = oneLine(content.subject);
  const action = content.action && {
    label: content.action.label,
    url: httpUrl(content.action.url),
  };
  const paragraphs = [words.greeting, ...content.paragraphs];
  const after = content.after ?? [];

  const text = [
    content.heading,
    ...paragraphs.map(paragraphText),
    ...(content.blocks ?? []).map((block) => block.text),
    ...(action
      ? [`${action.label}${locale === 'fr' ? '\u00a0:' : ':'}\n${action.url}`]
      : []),
    ...after.map(paragraphText),
    words.signOff.join('\n'),
    `--\n${words.footer}`,
  ].join('\n\n');

  const p = (paragraph: MailParagraph) =>
    markup`<p style="margin:0 0 16px 0;">${paragraphHtml(paragraph)}</p>`;
  const button = action
    ? markup`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 20px 0;border-collapse:separate;">
<tr><td style="border-radius:6px;background-color:${COLORS.brand};">
<a href="${action.url}" target="_blank" rel="noopener" style="display:inline-block;padding:13px 24px;font-family:${FONT};font-size:16px;font-weight:bold;line-height:20px;color:#ffffff;text-decoration:none;border-radius:6px;">${action.label}</a>
</td></tr>
</table>
<p style="margin:0 0 20px 0;font-size:13px;line-height:1.5;color:${COLORS.muted};">${words.linkFallback}<br><a href="${action.url}" target="_blank" rel="noopener" style="color:${COLORS.brand};word-break:break-all;">${action.url}</a></p>`
    : markup``;

  const document = markup`<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${subject}</title>
</head>
<body style="margin:0;padding:0;background-color:${COLORS.page};">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${paragraphText(content.paragraphs[0] ?? '')}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${COLORS.page};">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;">
<tr><td style="padding:0 4px 12px 4px;font-family:${FONT};font-size:22px;font-weight:bold;letter-spacing:0.5px;color:${COLORS.brand};">Moisson</td></tr>
<tr><td style="background-color:${COLORS.card};border-top:4px solid ${COLORS.accent};border-radius:8px;padding:28px 24px 12px 24px;font-family:${FONT};font-size:16px;line-height:1.55;color:${COLORS.text};">
<h1 style="margin:0 0 20px 0;font-family:${FONT};font-size:20px;line-height:1.3;color:${COLORS.text};">${content.heading}</h1>
${paragraphs.map(p)}
${(content.blocks ?? []).map((block) => block.html)}
${button}
${after.map(p)}
<p style="margin:0 0 16px 0;">${words.signOff.map((line, i) => markup`${i > 0 ? markup`<br>` : ''}${line}`)}</p>
</td></tr>
<tr><td style="padding:16px 4px 0 4px;font-family:${FONT};font-size:12px;line-height:1.5;color:${COLORS.muted};">${words.footer}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
  return { subject, text, html: document.value };
}

/** A subject is one header line: line breaks and control characters become spaces. */
export function oneLine(value: string): string {
  return value
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export function httpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`Expected an absolute http(s) link, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RangeError(`Expected an absolute http(s) link, got "${value}"`);
  }
  return url.toString();
}

function inlines(paragraph: MailParagraph): readonly MailInline[] {
  return typeof paragraph === 'string' ? [paragraph] : paragraph;
}

function paragraphText(paragraph: MailParagraph): string {
  return inlines(paragraph)
    .map((part) => (typeof part === 'string' ? part : part.strong))
    .join('');
}

function paragraphHtml(paragraph: MailParagraph): SafeHtml {
  return markup`${inlines(paragraph).map((part) =>
    typeof part === 'string' ? part : markup`<strong>${part.strong}</strong>`,
  )}`;
}
