import type { AgendaItem } from '@moisson/contract';
import {
  COMPUTED_DEADLINE_NOTICE,
  DOSSIER_STATE_LABELS,
  parseCalendarDate,
} from '@moisson/domain';
import ical, { ICalCalendarMethod } from 'ical-generator';

export type IcsLocale = 'fr' | 'en';

/**
 * RFC 5545 text of a feed (ical-generator): one all-day event per deadline or appointment. UIDs
 * are stable across fetches and across a deadline moved by a new step (`dossier.kind@host`), so a
 * calendar application updates the event instead of adding one. Every legal deadline carries the
 * notice "calculée - à vérifier par le cabinet" in its title and description.
 */
export function buildIcsCalendar(
  items: readonly AgendaItem[],
  options: {
    locale: IcsLocale;
    portalUrl: string;
    now: Date;
    truncated: boolean;
  },
): string {
  const { locale } = options;
  const host = new URL(options.portalUrl).hostname || 'moisson';
  const calendar = ical({
    name:
      locale === 'fr'
        ? 'Moisson : échéances et rendez-vous'
        : 'Moisson: deadlines and appointments',
    prodId: {
      company: 'Moisson',
      product: 'Moisson',
      language: locale.toUpperCase(),
    },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  for (const item of items) {
    const { year, month, day } = parseCalendarDate(item.date);
    const notice = item.legal ? COMPUTED_DEADLINE_NOTICE[locale] : null;
    const who = `${item.dossier.workerName} (${item.employer.legalName})`;
    const description = [
      item.label[locale],
      who,
      `${locale === 'fr' ? 'État du dossier : ' : 'Dossier state: '}${DOSSIER_STATE_LABELS[item.dossier.state][locale]}`,
      notice ? `${notice}.` : null,
      item.rolled
        ? locale === 'fr'
          ? 'Reportée au jour ouvré suivant (week-end ou jour férié).'
          : 'Moved to the next working day (weekend or public holiday).'
        : null,
      options.portalUrl,
    ].filter((line): line is string => line !== null);
    calendar.createEvent({
      id: `${item.dossier.id}.${item.kind}@${host}`,
      start: new Date(Date.UTC(year, month - 1, day)),
      allDay: true,
      stamp: options.now,
      summary: `${item.label[locale]} : ${who}${notice ? ` [${notice}]` : ''}`,
      description: description.join('\n'),
      location: item.place ?? undefined,
    });
  }
  if (options.truncated)
    calendar.description(
      locale === 'fr'
        ? 'Trop d’événements : seuls les plus proches sont inclus. Filtrez sur vos employeurs suivis.'
        : 'Too many events: only the nearest are included. Choose your assigned employers.',
    );
  return calendar.toString();
}
