import { MailLocale, MailTemplate, RenderedMail } from './mail-template';
import { invitationTemplate } from './templates/invitation.template';
import { passwordChangedTemplate } from './templates/password-changed.template';
import { passwordResetTemplate } from './templates/password-reset.template';
import { reminderDigestTemplate } from './templates/reminder-digest.template';
import { reminderUrgentTemplate } from './templates/reminder-urgent.template';

/**
 * Every e-mail the portal can send, by name. The key is the template's own name (a computed key,
 * so they cannot drift apart); a new message is one file in templates/ plus one line here.
 */
export const MAIL_TEMPLATES = {
  [invitationTemplate.name]: invitationTemplate,
  [passwordResetTemplate.name]: passwordResetTemplate,
  [passwordChangedTemplate.name]: passwordChangedTemplate,
  [reminderDigestTemplate.name]: reminderDigestTemplate,
  [reminderUrgentTemplate.name]: reminderUrgentTemplate,
} as const;

export type MailTemplateName = keyof typeof MAIL_TEMPLATES;

/** The data a template needs, by template name. */
export type MailTemplateData<Name extends MailTemplateName> =
  (typeof MAIL_TEMPLATES)[Name] extends MailTemplate<Name, infer Data>
    ? Data
    : never;

/** A message as it is queued: the template name decides the type of `data`. */
export type MailJob = {
  [Name in MailTemplateName]: {
    template: Name;
    /** One plain address, checked by MailService.send. */
    to: string;
    locale: MailLocale;
    data: MailTemplateData<Name>;
  };
}[MailTemplateName];

export class UnknownMailTemplateError extends Error {
  constructor(name: string) {
    super(`No e-mail template is named "${name}"`);
    this.name = 'UnknownMailTemplateError';
  }
}

/** Renders a queued message with its template; throws on an unknown template or bad data. */
export function renderMail(job: MailJob): RenderedMail {
  if (!Object.prototype.hasOwnProperty.call(MAIL_TEMPLATES, job.template)) {
    throw new UnknownMailTemplateError(job.template);
  }
  // The union of templates cannot be called with the union of data: MailJob ties them together.
  const template = MAIL_TEMPLATES[job.template] as MailTemplate<
    string,
    typeof job.data
  >;
  return template.render(job.locale, job.data);
}
