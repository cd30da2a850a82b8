import { BilingualText } from '../bilingual-text.model';
import {
  DossierTransitionDataMap,
  TransitionTargetState,
} from './dossier-transition-data.model';

/** How the data of a transition is checked: one requirement per field, plus date order. */
export type TransitionFieldKind =
  | 'date'
  | 'text'
  | 'ground_codes'
  | 'whole_months';

export interface TransitionFieldRequirement {
  readonly kind: TransitionFieldKind;
  readonly required: boolean;
  readonly label: BilingualText;
  /** A date of something that already happened: refused when after today. */
  readonly notAfterToday?: boolean;
  /** Value used when an optional field is left empty. */
  readonly defaultValue?: number;
}

export interface TransitionDateOrder<D> {
  readonly earlier: keyof D & string;
  readonly later: keyof D & string;
  /** True when both dates may be the same day. */
  readonly allowSameDay: boolean;
}

export interface TransitionDataRequirement<D> {
  readonly fields: { readonly [K in keyof D]-?: TransitionFieldRequirement };
  readonly dateOrder: readonly TransitionDateOrder<D>[];
  /** The date of the step itself; it may not be earlier than the previous step's date. */
  readonly eventDateField: keyof D & string;
}

export type TransitionDataRequirements = {
  readonly [S in TransitionTargetState]: TransitionDataRequirement<
    DossierTransitionDataMap[S]
  >;
};
