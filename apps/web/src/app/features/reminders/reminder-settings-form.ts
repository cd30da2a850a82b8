import {
  BilingualText,
  ReminderSettingsField,
  validateReminderSettings,
} from '@moisson/domain';
import { Locale, UpdateReminderSettingsRequest } from '@moisson/contract';

/** What the settings form holds: numbers as typed, addresses one per line. */
export interface ReminderSettingsFormValue {
  convocationOverdueDays: number | null;
  convocationRepeatDays: number | null;
  language: Locale;
  extraRecipients: string;
}

/** Addresses typed one per line (or separated by commas, semicolons or spaces), blanks dropped. */
export function recipientsFromText(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((address) => address.trim())
    .filter((address) => address.length > 0);
}

/** The PUT body of the form's value. */
export function settingsRequest(
  value: ReminderSettingsFormValue,
): UpdateReminderSettingsRequest {
  return {
    convocationOverdueDays: value.convocationOverdueDays ?? Number.NaN,
    convocationRepeatDays: value.convocationRepeatDays ?? Number.NaN,
    language: value.language,
    extraRecipients: recipientsFromText(value.extraRecipients),
  };
}

/**
 * The domain's own check of the settings (the API runs the same one), by field, each message in
 * French and English: the form shows exactly what the server would refuse, before sending.
 */
export function settingsViolations(
  value: ReminderSettingsFormValue,
): Partial<Record<ReminderSettingsField, BilingualText[]>> {
  const byField: Partial<Record<ReminderSettingsField, BilingualText[]>> = {};
  for (const violation of validateReminderSettings(settingsRequest(value))) {
    (byField[violation.field] ??= []).push(violation.message);
  }
  return byField;
}
