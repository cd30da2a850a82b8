import {
  CalendarDate,
  compareCalendarDates,
  isCalendarDate,
} from '../calendar/calendar-date.util';
import {
  DEFAULT_VISA_REFUSAL_GROUNDS,
  findVisaRefusalGround,
  VisaRefusalGround,
} from '../visa-refusal-ground/visa-refusal-ground.model';
import { MAX_INJUNCTION_MONTHS } from '../legal-deadline/legal-deadline.util';
import { DossierState, isDossierState } from './dossier-state.model';
import {
  TransitionGuardContext,
  transitionRefusal,
} from './dossier-transition.rules';
import {
  TransitionDataFor,
  TransitionTargetState,
} from './dossier-transition-data.model';
import { TRANSITION_DATA_REQUIREMENTS } from './transition-data-requirements.rules';
import {
  TransitionDataRequirement,
  TransitionFieldRequirement,
} from './transition-data-requirement.model';
import {
  NamedField,
  transitionViolations,
  TransitionViolation,
} from './transition-violation.model';

export interface TransitionValidationContext extends TransitionGuardContext {
  /** Today in Europe/Paris (see parisToday); when given, dates of past events may not be after it. */
  readonly today?: CalendarDate;
  /** Date of the dossier's previous step (see eventDateOf); the new step may not be earlier. */
  readonly previousStepDate?: CalendarDate;
  /** The firm's current list of visa refusal grounds (the seed list when absent). */
  readonly refusalGrounds?: readonly VisaRefusalGround[];
}

export type TransitionValidationResult<S extends DossierState> =
  | {
      readonly ok: true;
      /** The data as it should be stored: texts trimmed, defaults applied, unknown keys dropped. */
      readonly data: TransitionDataFor<S>;
    }
  | { readonly ok: false; readonly violations: readonly TransitionViolation[] };

type RawData = Readonly<Record<string, unknown>>;
type CleanData = Record<string, unknown>;
type AnyRequirement = TransitionDataRequirement<Record<string, unknown>>;

const GROUNDS_DETAIL_FIELD = 'groundsDetail';

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function isGroundCodeList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.every((code) => typeof code === 'string' && code.trim() !== '')
  );
}

/** Checks one field; returns its cleaned value, or undefined after pushing a violation. */
function cleanField(
  field: NamedField,
  requirement: TransitionFieldRequirement,
  raw: unknown,
  context: TransitionValidationContext,
  violations: TransitionViolation[],
): unknown {
  switch (requirement.kind) {
    case 'date': {
      if (!isCalendarDate(raw)) {
        violations.push(transitionViolations.dateInvalid(field, raw));
        return undefined;
      }
      if (
        requirement.notAfterToday &&
        context.today !== undefined &&
        compareCalendarDates(raw, context.today) > 0
      ) {
        violations.push(transitionViolations.inFuture(field, context.today));
      }
      return raw;
    }
    case 'text': {
      if (typeof raw !== 'string') {
        violations.push(transitionViolations.notText(field));
        return undefined;
      }
      return raw.trim();
    }
    case 'whole_months': {
      if (
        typeof raw !== 'number' ||
        !Number.isInteger(raw) ||
        raw < 1 ||
        raw > MAX_INJUNCTION_MONTHS
      ) {
        violations.push(
          transitionViolations.notWholeMonths(field, MAX_INJUNCTION_MONTHS),
        );
        return undefined;
      }
      return raw;
    }
    case 'ground_codes': {
      if (!isGroundCodeList(raw)) {
        violations.push(transitionViolations.notGroundList(field));
        return undefined;
      }
      const codes = [...new Set(raw.map((code) => code.trim()))];
      const grounds = context.refusalGrounds ?? DEFAULT_VISA_REFUSAL_GROUNDS;
      codes
        .filter((code) => findVisaRefusalGround(code, grounds) === undefined)
        .forEach((code) =>
          violations.push(transitionViolations.groundUnknown(field, code)),
        );
      return codes;
    }
  }
}

function cleanFields(
  requirement: AnyRequirement,
  data: RawData,
  context: TransitionValidationContext,
  violations: TransitionViolation[],
): CleanData {
  const clean: CleanData = {};
  for (const [name, fieldRequirement] of Object.entries(requirement.fields)) {
    const field: NamedField = { name, label: fieldRequirement.label };
    const raw = data[name];
    if (isEmpty(raw)) {
      if (fieldRequirement.required) {
        violations.push(
          fieldRequirement.kind === 'ground_codes'
            ? transitionViolations.groundRequired(field)
            : transitionViolations.fieldRequired(field),
        );
      } else if (fieldRequirement.defaultValue !== undefined) {
        clean[name] = fieldRequirement.defaultValue;
      }
      continue;
    }
    const value = cleanField(field, fieldRequirement, raw, context, violations);
    if (value !== undefined) {
      clean[name] = value;
    }
  }
  return clean;
}

function checkDateOrder(
  requirement: AnyRequirement,
  clean: CleanData,
  context: TransitionValidationContext,
  violations: TransitionViolation[],
): void {
  const named = (name: string): NamedField => ({
    name,
    label: requirement.fields[name].label,
  });
  for (const order of requirement.dateOrder) {
    const earlier = clean[order.earlier] as CalendarDate | undefined;
    const later = clean[order.later] as CalendarDate | undefined;
    if (earlier === undefined || later === undefined) {
      continue;
    }
    const comparison = compareCalendarDates(later, earlier);
    if (comparison < 0 || (comparison === 0 && !order.allowSameDay)) {
      violations.push(
        transitionViolations.dateOrder(
          named(order.earlier),
          named(order.later),
          order.allowSameDay,
        ),
      );
    }
  }
  const eventDate = clean[requirement.eventDateField] as
    | CalendarDate
    | undefined;
  if (
    eventDate !== undefined &&
    context.previousStepDate !== undefined &&
    compareCalendarDates(eventDate, context.previousStepDate) < 0
  ) {
    violations.push(
      transitionViolations.beforePreviousStep(
        named(requirement.eventDateField),
        context.previousStepDate,
      ),
    );
  }
}

function checkGroundDetail(
  requirement: AnyRequirement,
  clean: CleanData,
  context: TransitionValidationContext,
  violations: TransitionViolation[],
): void {
  const detailRequirement = requirement.fields[GROUNDS_DETAIL_FIELD];
  if (
    detailRequirement === undefined ||
    clean[GROUNDS_DETAIL_FIELD] !== undefined
  ) {
    return;
  }
  const grounds = context.refusalGrounds ?? DEFAULT_VISA_REFUSAL_GROUNDS;
  const codes = (clean['grounds'] as string[] | undefined) ?? [];
  const groundNeedingDetail = codes
    .map((code) => findVisaRefusalGround(code, grounds))
    .find((ground) => ground?.requiresDetail === true);
  if (groundNeedingDetail !== undefined) {
    violations.push(
      transitionViolations.groundDetailRequired(
        { name: GROUNDS_DETAIL_FIELD, label: detailRequirement.label },
        groundNeedingDetail.label,
      ),
    );
  }
}

/**
 * Checks that a dossier may move from `from` to `to` with the data entered: the transition
 * table and its guards, then the data the target state needs (required fields, real dates,
 * date order, no future date for past events when `context.today` is given, known refusal
 * grounds). Returns the cleaned data, or every violation found, each with a stable rule code
 * and a French and English message naming the field.
 */
export function validateTransition<S extends DossierState>(
  from: DossierState,
  to: S,
  data: unknown,
  context: TransitionValidationContext = {},
): TransitionValidationResult<S> {
  const unknownStates = [from, to].filter((state) => !isDossierState(state));
  if (unknownStates.length > 0) {
    return {
      ok: false,
      violations: unknownStates.map((state) =>
        transitionViolations.unknownState(state),
      ),
    };
  }
  const refusal = transitionRefusal(from, to, context);
  if (refusal === 'TRANSITION_NOT_ALLOWED') {
    return {
      ok: false,
      violations: [transitionViolations.notAllowed(from, to)],
    };
  }
  if (refusal === 'SHORTAGE_OCCUPATION_REQUIRED') {
    return {
      ok: false,
      violations: [transitionViolations.shortageOccupationRequired()],
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, violations: [transitionViolations.dataInvalid()] };
  }
  const requirement = TRANSITION_DATA_REQUIREMENTS[
    to as TransitionTargetState
  ] as unknown as AnyRequirement;
  const violations: TransitionViolation[] = [];
  const clean = cleanFields(requirement, data as RawData, context, violations);
  checkDateOrder(requirement, clean, context, violations);
  checkGroundDetail(requirement, clean, context, violations);
  return violations.length > 0
    ? { ok: false, violations }
    : { ok: true, data: clean as unknown as TransitionDataFor<S> };
}
