import { BilingualText } from '../bilingual-text.model';
import { DEFAULT_CONVOCATION_OVERDUE_DAYS } from '../dossier-deadlines/convocation-overdue.util';

export const REMINDER_LANGUAGES = ['fr', 'en'] as const;
export type ReminderLanguage = (typeof REMINDER_LANGUAGES)[number];

/** One employer's reminder preferences (domain reference, section 5: "employer setting"). */
export interface ReminderSettings {
  /** Days in AWAITING_OFII before the first follow-up reminder. */
  readonly convocationOverdueDays: number;
  /** Days between two follow-up reminders while the dossier keeps waiting. */
  readonly convocationRepeatDays: number;
  /** Language of the e-mails sent to the employer's people. */
  readonly language: ReminderLanguage;
  /** Addresses that receive the employer's reminders besides its users who opted in. */
  readonly extraRecipients: readonly string[];
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = Object.freeze({
  convocationOverdueDays: DEFAULT_CONVOCATION_OVERDUE_DAYS,
  convocationRepeatDays: 14,
  language: 'fr',
  extraRecipients: Object.freeze([]) as readonly string[],
});

/** The accepted range of each setting (the web shows them; the API enforces them). */
export const REMINDER_SETTINGS_BOUNDS = Object.freeze({
  convocationOverdueDays: Object.freeze({ min: 7, max: 180 }),
  convocationRepeatDays: Object.freeze({ min: 7, max: 90 }),
  extraRecipients: Object.freeze({ max: 10, maxLength: 254 }),
});

export type ReminderSettingsField = keyof ReminderSettings;

export interface ReminderSettingsViolation {
  readonly field: ReminderSettingsField;
  readonly message: BilingualText;
}

/** Loose but safe e-mail shape: one @, no spaces, a dot in the domain. */
const EMAIL_PATTERN =
  /^[^\s@<>(),;:"\\]+@[^\s@<>(),;:"\\]+\.[^\s@<>(),;:"\\]+$/;

function dayCount(
  field: 'convocationOverdueDays' | 'convocationRepeatDays',
  value: unknown,
  label: BilingualText,
): ReminderSettingsViolation | undefined {
  const { min, max } = REMINDER_SETTINGS_BOUNDS[field];
  if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= min &&
    value <= max
  ) {
    return undefined;
  }
  return {
    field,
    message: {
      fr: `${label.fr} : un nombre entier de jours entre ${min} et ${max} est attendu (reçu : ${String(value)}).`,
      en: `${label.en}: a whole number of days between ${min} and ${max} is expected (got: ${String(value)}).`,
    },
  };
}

function recipientViolations(value: unknown): ReminderSettingsViolation[] {
  const { max, maxLength } = REMINDER_SETTINGS_BOUNDS.extraRecipients;
  const field = 'extraRecipients';
  if (!Array.isArray(value)) {
    return [
      {
        field,
        message: {
          fr: 'Destinataires supplémentaires : une liste d’adresses e-mail est attendue.',
          en: 'Extra recipients: a list of e-mail addresses is expected.',
        },
      },
    ];
  }
  const violations: ReminderSettingsViolation[] = [];
  if (value.length > max) {
    violations.push({
      field,
      message: {
        fr: `Destinataires supplémentaires : ${max} adresses au plus (reçu : ${value.length}).`,
        en: `Extra recipients: at most ${max} addresses (got: ${value.length}).`,
      },
    });
  }
  const seen = new Set<string>();
  for (const address of value) {
    const text = typeof address === 'string' ? address : String(address);
    if (
      typeof address !== 'string' ||
      address.length > maxLength ||
      !EMAIL_PATTERN.test(address)
    ) {
      violations.push({
        field,
        message: {
          fr: `Destinataires supplémentaires : « ${text} » n’est pas une adresse e-mail valide.`,
          en: `Extra recipients: "${text}" is not a valid e-mail address.`,
        },
      });
      continue;
    }
    const normalized = address.toLowerCase();
    if (seen.has(normalized)) {
      violations.push({
        field,
        message: {
          fr: `Destinataires supplémentaires : « ${address} » figure deux fois.`,
          en: `Extra recipients: "${address}" is listed twice.`,
        },
      });
    }
    seen.add(normalized);
  }
  return violations;
}

/**
 * Checks settings entered by a person against {@link REMINDER_SETTINGS_BOUNDS}. Returns every
 * problem found, each naming its field in French and English; an empty list means valid.
 */
export function validateReminderSettings(
  input: unknown,
): ReminderSettingsViolation[] {
  const value = (
    typeof input === 'object' && input !== null ? input : {}
  ) as Record<string, unknown>;
  const violations: ReminderSettingsViolation[] = [];
  const overdue = dayCount(
    'convocationOverdueDays',
    value['convocationOverdueDays'],
    {
      fr: 'Délai avant la première relance',
      en: 'Days before the first follow-up',
    },
  );
  const repeat = dayCount(
    'convocationRepeatDays',
    value['convocationRepeatDays'],
    {
      fr: 'Intervalle entre deux relances',
      en: 'Days between two follow-ups',
    },
  );
  for (const violation of [overdue, repeat]) {
    if (violation) violations.push(violation);
  }
  if (!(REMINDER_LANGUAGES as readonly unknown[]).includes(value['language'])) {
    violations.push({
      field: 'language',
      message: {
        fr: `Langue : « fr » ou « en » est attendu (reçu : ${String(value['language'])}).`,
        en: `Language: "fr" or "en" is expected (got: ${String(value['language'])}).`,
      },
    });
  }
  violations.push(...recipientViolations(value['extraRecipients']));
  return violations;
}

/** True when {@link validateReminderSettings} finds nothing wrong. */
export function isValidReminderSettings(
  input: unknown,
): input is ReminderSettings {
  return validateReminderSettings(input).length === 0;
}
