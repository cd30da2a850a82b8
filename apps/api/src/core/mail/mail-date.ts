const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An ISO 8601 instant with its offset (as Date.toISOString() gives), shown as "dd/mm/yyyy HH:mm"
 * in Europe/Paris whatever the recipient's language, like the web app. Throws on anything else.
 */
export function formatParisDateTime(iso: string): string {
  const date = new Date(iso);
  if (!ISO_DATE_TIME.test(iso) || Number.isNaN(date.getTime())) {
    throw new RangeError(
      `Expected an ISO 8601 date and time with an offset (e.g. 2026-03-15T13:30:00Z), got "${iso}"`,
    );
  }
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    PARIS.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}
