/**
 * Dates and times as the firm and the farms read them: dd/mm/yyyy and HH:mm (24 h), always in
 * France's legal time (Europe/Paris, with its summer/winter changes), whatever the interface language
 * or the time zone of the computer displaying them.
 */
export const PARIS_TIME_ZONE = 'Europe/Paris';

export type ParisDateStyle = 'date' | 'time' | 'dateTime';

export type DateInput = Date | string | number | null | undefined;

/** A calendar day without a time ("2026-04-15"): shown as is, never shifted by a time zone. */
const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const parisParts = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "29/03/2026" */
export function formatParisDate(value: DateInput): string {
  return formatParis(value, 'date');
}

/** "01:30" */
export function formatParisTime(value: DateInput): string {
  return formatParis(value, 'time');
}

/** "29/03/2026 01:30" */
export function formatParisDateTime(value: DateInput): string {
  return formatParis(value, 'dateTime');
}

/** Formats an instant (Date, ISO 8601 string or epoch milliseconds); '' for a missing or invalid value. */
export function formatParis(value: DateInput, style: ParisDateStyle): string {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  if (typeof value === 'string') {
    const day = CALENDAR_DAY.exec(value);
    if (day) {
      return style === 'date' ? `${day[3]}/${day[2]}/${day[1]}` : '';
    }
  }
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) {
    return '';
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of parisParts.formatToParts(instant)) {
    parts[part.type] = part.value;
  }
  const date = `${parts.day}/${parts.month}/${parts.year}`;
  const time = `${parts.hour}:${parts.minute}`;
  switch (style) {
    case 'date':
      return date;
    case 'time':
      return time;
    case 'dateTime':
      return `${date} ${time}`;
  }
}
