import { DocumentContentType } from '@moisson/contract';
import { CalendarDate, daysBetween, isCalendarDate } from '@moisson/domain';
import { AppLanguage } from '../../core/i18n/app-language';

/**
 * A validity end this close (days) or closer is "expiring soon": the first of the expiry reminders
 * is sent 60 days before (reminder rules, domain.md section 5).
 */
export const EXPIRING_SOON_DAYS = 60;

export type ValidityStatus = 'expired' | 'expiringSoon' | 'valid';

/** How a paper's validity end compares with today (Paris): null when it has none. */
export function validityStatus(
  validUntil: string | null,
  today: CalendarDate,
): ValidityStatus | null {
  if (!validUntil || !isCalendarDate(validUntil)) {
    return null;
  }
  const daysLeft = daysBetween(today, validUntil);
  if (daysLeft < 0) {
    return 'expired';
  }
  return daysLeft <= EXPIRING_SOON_DAYS ? 'expiringSoon' : 'valid';
}

/** "245 Ko", "1,4 Mo" in French; "245 KB", "1.4 MB" in English. */
export function formatFileSize(bytes: number, language: AppLanguage): string {
  const units =
    language === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const number = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: digits,
  }).format(value);
  return `${number} ${units[unit]}`;
}

/** What the preview dialog draws: a PDF in a frame, an image as an image. */
export function previewKind(contentType: DocumentContentType): 'pdf' | 'image' {
  return contentType === 'application/pdf' ? 'pdf' : 'image';
}
