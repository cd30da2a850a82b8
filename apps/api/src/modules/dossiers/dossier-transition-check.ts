import {
  BilingualText,
  CalendarDate,
  DossierState,
  TRANSITION_DATA_REQUIREMENTS,
  TransitionTargetState,
  validateTransition,
} from '@moisson/domain';
import type { DossierEntity } from './entities/dossier.entity';

/** One reason a transition is refused: a rule of @moisson/domain, or FIELD_UNKNOWN. */
export interface TransitionProblem {
  rule: string;
  /** The data field concerned, when the rule is about one. */
  field?: string;
  message: BilingualText;
}

export type TransitionCheck =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; problems: TransitionProblem[] };

/** Rules about the move itself rather than its data: no data field is worth checking after them. */
const STATE_RULES = new Set([
  'UNKNOWN_STATE',
  'TRANSITION_NOT_ALLOWED',
  'SHORTAGE_OCCUPATION_REQUIRED',
  'DATA_INVALID',
]);

/**
 * Whether `dossier` may move to `to` with `data`, as of `today` (Europe/Paris): the transition table,
 * its guards and the data the target state needs, all from @moisson/domain's validateTransition (with
 * the dossier's shortage occupation and the date of its latest step), plus one rule of the API: a data
 * field the step does not know is refused rather than silently dropped.
 */
export function checkTransition(
  dossier: Pick<DossierEntity, 'state' | 'shortageOccupation' | 'lastStepOn'>,
  to: DossierState,
  data: Record<string, unknown> | undefined,
  today: CalendarDate,
): TransitionCheck {
  const raw = data ?? {};
  const result = validateTransition(dossier.state, to, raw, {
    today,
    previousStepDate: dossier.lastStepOn ?? undefined,
    shortageOccupation: dossier.shortageOccupation,
  });
  const problems: TransitionProblem[] = result.ok
    ? []
    : result.violations.map((v) => ({
        rule: v.rule,
        ...(v.field === undefined ? {} : { field: v.field }),
        message: v.message,
      }));
  if (!problems.some((p) => STATE_RULES.has(p.rule)))
    problems.push(...unknownFields(to as TransitionTargetState, raw));
  if (problems.length > 0 || !result.ok) return { ok: false, problems };
  return { ok: true, data: { ...result.data } };
}

function unknownFields(
  to: TransitionTargetState,
  raw: Record<string, unknown>,
): TransitionProblem[] {
  const known = TRANSITION_DATA_REQUIREMENTS[to].fields;
  return Object.keys(raw)
    .filter((name) => !Object.prototype.hasOwnProperty.call(known, name))
    .map((name) => ({
      rule: 'FIELD_UNKNOWN',
      field: name,
      message: {
        fr: `Champ inconnu pour cette étape : « ${name} ». Retirez-le.`,
        en: `Unknown field for this step: "${name}". Remove it.`,
      },
    }));
}
