import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { CONSULATES, OFII_OFFICES } from '@moisson/contract';
import {
  BilingualText,
  DossierState,
  TRANSITION_DATA_REQUIREMENTS,
  TransitionDataRequirement,
  TransitionFieldKind,
  TransitionTargetState,
} from '@moisson/domain';
import { parseDayMonthYear } from '../../shared/date/day-month-year';

/** How a field of a transition form is drawn. */
export type TransitionFieldWidget =
  | 'date'
  | 'text'
  | 'note'
  | 'select'
  | 'grounds'
  | 'months';

export interface TransitionFieldOption {
  value: string;
  /** Translation key of the option's text. */
  labelKey: string;
}

export interface TransitionFieldView {
  name: string;
  kind: TransitionFieldKind;
  widget: TransitionFieldWidget;
  required: boolean;
  label: BilingualText;
  notAfterToday: boolean;
  defaultValue?: number;
  options: TransitionFieldOption[];
}

/** Fields whose values come from the firm's reference lists: a select rather than free text. */
const SELECT_OPTIONS: Record<string, TransitionFieldOption[]> = {
  ofiiOffice: OFII_OFFICES.map((code) => ({
    value: code,
    labelKey: `ofiiOffices.${code}`,
  })),
  consulate: CONSULATES.map((code) => ({
    value: code,
    labelKey: `consulates.${code}`,
  })),
};

export function isTransitionTarget(
  state: DossierState,
): state is TransitionTargetState {
  return state in TRANSITION_DATA_REQUIREMENTS;
}

export function requirementOf(
  state: DossierState,
): TransitionDataRequirement<Record<string, unknown>> | null {
  return isTransitionTarget(state)
    ? (TRANSITION_DATA_REQUIREMENTS[
        state
      ] as unknown as TransitionDataRequirement<Record<string, unknown>>)
    : null;
}

/** The fields of the form leading to `state`, in the order the domain lists them, the note last. */
export function transitionFields(state: DossierState): TransitionFieldView[] {
  const requirement = requirementOf(state);
  if (!requirement) {
    return [];
  }
  return Object.entries(requirement.fields).map(([name, field]) => {
    const options = SELECT_OPTIONS[name] ?? [];
    const widget: TransitionFieldWidget =
      field.kind === 'date'
        ? 'date'
        : field.kind === 'ground_codes'
          ? 'grounds'
          : field.kind === 'whole_months'
            ? 'months'
            : options.length > 0
              ? 'select'
              : name === 'note' || name === 'groundsDetail'
                ? 'note'
                : 'text';
    return {
      name,
      kind: field.kind,
      widget,
      required: field.required,
      label: field.label,
      notAfterToday: field.notAfterToday === true,
      defaultValue: field.defaultValue,
      options,
    };
  });
}

/** A date typed dd/mm/yyyy that is after `today` ('YYYY-MM-DD'): `{ dateInFuture: true }`. */
export function notAfterTodayValidator(today: () => string): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const iso = parseDayMonthYear(control.value ?? '');
    return iso && iso > today() ? { dateInFuture: true } : null;
  };
}

/**
 * The domain's date order rules on a form of dd/mm/yyyy texts: puts `{ dateOrder: earlierName }`
 * on the later field when it comes before (or on the same day, when not allowed) the earlier one.
 */
export function dateOrderValidator(state: DossierState): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const requirement = requirementOf(state);
    let broken = false;
    for (const rule of requirement?.dateOrder ?? []) {
      const later = group.get(rule.later);
      const earlierIso = parseDayMonthYear(
        String(group.get(rule.earlier)?.value ?? ''),
      );
      const laterIso = parseDayMonthYear(String(later?.value ?? ''));
      const wrong =
        earlierIso !== null &&
        laterIso !== null &&
        (rule.allowSameDay ? laterIso < earlierIso : laterIso <= earlierIso);
      if (later) {
        const others: ValidationErrors = { ...(later.errors ?? {}) };
        delete others['dateOrder'];
        if (wrong) {
          later.setErrors({ ...others, dateOrder: rule.earlier });
          broken = true;
        } else if (later.hasError('dateOrder')) {
          later.setErrors(Object.keys(others).length > 0 ? others : null);
        }
      }
    }
    return broken ? { dateOrder: true } : null;
  };
}
