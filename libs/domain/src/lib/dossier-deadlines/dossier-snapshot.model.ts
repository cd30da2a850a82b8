import { CalendarDate } from '../calendar/calendar-date.util';
import { DossierState } from '../dossier-state-machine/dossier-state.model';
import {
  DossierTransitionDataMap,
  TransitionTargetState,
} from '../dossier-state-machine/dossier-transition-data.model';

/**
 * The latest data recorded by the transition into each state, e.g.
 * `recorded.VISA_FILED?.filingDate` (after a re-application, the latest filing).
 */
export type RecordedTransitionData = {
  readonly [S in TransitionTargetState]?: DossierTransitionDataMap[S];
};

/** What the deadline rules need to know about one dossier. */
export interface DossierSnapshot {
  readonly state: DossierState;
  readonly recorded: RecordedTransitionData;
  /** The day the worker is planned to start work on the farm. */
  readonly plannedStartDate?: CalendarDate;
}
