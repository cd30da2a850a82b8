import { DossierEventResponse } from '@moisson/contract';
import { DEFAULT_VISA_REFUSAL_GROUNDS, isCalendarDate } from '@moisson/domain';
import { AppLanguage } from '../../core/i18n/app-language';
import { formatParisDate } from '../../shared/date/paris-date-format';
import { requirementOf } from './transition-form.model';

/** One piece of data entered with a timeline event, as a person reads it. */
export interface TimelineFact {
  label: string;
  value: string;
}

/** Translation keys of values stored as codes (OFII offices, consulates). */
const CODE_PREFIXES: Record<string, string> = {
  ofiiOffice: 'ofiiOffices.',
  consulate: 'consulates.',
};

/**
 * The data of a timeline event as labelled facts: the domain's field labels of the step, dates
 * dd/mm/yyyy, refusal grounds by their label, office codes by their name, edits as "from -> to".
 */
export function timelineFacts(
  event: DossierEventResponse,
  language: AppLanguage,
  translate: (key: string) => string,
): TimelineFact[] {
  const fields = event.toState ? requirementOf(event.toState)?.fields : null;
  const labelOf = (name: string): string => {
    const known = fields?.[name]?.label;
    if (known) {
      const text = known[language];
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
    const key = `dossiers.dataFields.${name}`;
    const translated = translate(key);
    return translated === key ? name : translated;
  };
  const valueOf = (name: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') {
      return '—';
    }
    if (Array.isArray(value)) {
      return value
        .map((code) => {
          const ground = DEFAULT_VISA_REFUSAL_GROUNDS.find(
            (candidate) => candidate.code === code,
          );
          return ground ? ground.label[language] : String(code);
        })
        .join(' ; ');
    }
    if (typeof value === 'string' && isCalendarDate(value)) {
      return formatParisDate(value);
    }
    const prefix = CODE_PREFIXES[name];
    if (prefix && typeof value === 'string') {
      const key = prefix + value.trim().toLowerCase();
      const translated = translate(key);
      return translated === key ? value : translated;
    }
    if (typeof value === 'object') {
      return JSON.stringify(value);
    }
    return String(value);
  };

  const facts: TimelineFact[] = [];
  for (const [name, value] of Object.entries(event.data ?? {})) {
    if (name === 'changes' && value && typeof value === 'object') {
      for (const [field, change] of Object.entries(
        value as Record<string, { from: unknown; to: unknown }>,
      )) {
        facts.push({
          label: labelOf(field),
          value: `${valueOf(field, change?.from)} → ${valueOf(field, change?.to)}`,
        });
      }
    } else {
      facts.push({ label: labelOf(name), value: valueOf(name, value) });
    }
  }
  return facts;
}
