import type {
  DeadlineView,
  DossierDetail,
  DossierListItem,
  DossierWarning,
} from '@moisson/contract';
import {
  addMonths,
  allowedNextStates,
  CalendarDate,
  compareCalendarDates,
  COMPUTED_DEADLINE_NOTICE,
  daysWaitingForConvocation,
  formatFrenchDate,
  isConvocationOverdue,
  isPlannedStartAtRisk,
  isTerminalDossierState,
  nextExpectedStep,
  RunningDeadline,
  runningDeadlines,
  stageOfState,
} from '@moisson/domain';
import type { WorkerEntity } from '../workers/entities/worker.entity';
import { toDossierWorkerSummary } from '../workers/worker.mapper';
import type { DossierEntity } from './entities/dossier.entity';
import { snapshotOf } from './dossier-timeline.writer';
import type { DossierDetailView, DossierView } from './dossier-view';

/** Consulates ask for a passport valid 3 months beyond the planned stay (domain reference, section 4). */
const PASSPORT_MARGIN_MONTHS = 3;

export type DossierWithWorker = DossierEntity & { worker: WorkerEntity };

export function toDeadlineView(d: RunningDeadline): DeadlineView {
  return {
    kind: d.kind,
    label: d.label,
    legal: d.legal,
    startDate: d.startDate,
    nominalDueDate: d.nominalDueDate,
    dueDate: d.dueDate,
    rolled: d.rolled,
    daysLeft: d.daysLeft,
    notice: d.legal ? COMPUTED_DEADLINE_NOTICE : null,
  };
}

/** The list shape, its flags and legal deadline computed by @moisson/domain as of `today`. */
export function toDossierListItem(
  d: DossierView,
  today: CalendarDate,
): DossierListItem {
  const snapshot = snapshotOf(d);
  const legal = runningDeadlines(snapshot, today).find((x) => x.legal);
  return {
    id: d.id,
    employerId: d.employerId,
    worker: toDossierWorkerSummary(d.worker),
    campaign: d.campaign ? { id: d.campaign.id, name: d.campaign.name } : null,
    season: d.season,
    jobTitle: d.jobTitle,
    contractType: d.contractType,
    shortageOccupation: d.shortageOccupation,
    plannedStart: d.plannedStart,
    plannedEnd: d.plannedEnd,
    ofiiOffice: d.ofiiOffice,
    consulate: d.consulate,
    permitNumber: d.permitNumber,
    permitGrantedOn: d.permitGrantedOn,
    permitValidUntil: d.permitValidUntil,
    state: d.state,
    stage: stageOfState(d.state),
    stateChangedAt: d.stateChangedAt,
    convocationOverdue: isConvocationOverdue(snapshot, today, d.overdueDays),
    daysWaitingForConvocation:
      daysWaitingForConvocation(snapshot, today) ?? null,
    plannedStartAtRisk: isPlannedStartAtRisk(snapshot, today),
    legalDeadline: legal ? toDeadlineView(legal) : null,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

/** The detail: the worker with the full passport number (the caller audits the read). */
export function toDossierDetail(
  d: DossierDetailView,
  today: CalendarDate,
): DossierDetail {
  const snapshot = snapshotOf(d);
  const step = nextExpectedStep(snapshot, today);
  return {
    ...toDossierListItem(d, today),
    worker: d.worker,
    timeline: d.timeline,
    deadlines: runningDeadlines(snapshot, today).map(toDeadlineView),
    nextStep: step
      ? {
          expectedStates: [...step.expectedStates],
          action: step.action,
          deadline: step.deadline ? toDeadlineView(step.deadline) : null,
        }
      : null,
    allowedNextStates: allowedNextStates(d.state, {
      shortageOccupation: d.shortageOccupation,
    }),
    warnings: warningsOf(d),
    deadlineNotice: COMPUTED_DEADLINE_NOTICE,
  };
}

function warningsOf(d: DossierDetailView): DossierWarning[] {
  if (isTerminalDossierState(d.state)) return [];
  const needed = addMonths(d.plannedEnd, PASSPORT_MARGIN_MONTHS);
  if (compareCalendarDates(d.worker.passportExpiry, needed) >= 0) return [];
  const expiry = formatFrenchDate(d.worker.passportExpiry);
  const shown = formatFrenchDate(needed);
  return [
    {
      code: 'PASSPORT_EXPIRES_TOO_SOON',
      message: {
        fr: `Le passeport expire le ${expiry} : les consulats demandent qu'il reste valide au moins 3 mois après la fin du séjour prévue, soit jusqu'au ${shown}.`,
        en: `The passport expires on ${expiry}: consulates ask for it to stay valid at least 3 months after the planned end of the stay, i.e. until ${shown}.`,
      },
    },
  ];
}
