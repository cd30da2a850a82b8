import {
  CalendarDate,
  DossierSnapshot,
  eventDateOf,
  RecordedTransitionData,
  runningDeadlines,
  TransitionTargetState,
} from '@moisson/domain';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DossierEventEntity } from './entities/dossier-event.entity';
import { DossierEntity } from './entities/dossier.entity';
import { normaliseOfficeCode } from './office-code';

/** Who acts: a signed-in user, or the system (null id) for the demo seed and scheduled jobs. */
export interface DossierActor {
  id: string | null;
  name: string | null;
}

export function snapshotOf(
  d: Pick<DossierEntity, 'state' | 'recorded' | 'plannedStart'>,
): DossierSnapshot {
  return {
    state: d.state,
    recorded: d.recorded ?? {},
    plannedStartDate: d.plannedStart,
  };
}

/**
 * Writes a transition already checked by checkTransition: the dossier's new state and key columns,
 * and its timeline event, with the caller's transaction manager (the caller runs both in one
 * transaction, so a state never changes without its event). Updates `dossier` in memory too.
 */
export async function writeTransition(
  manager: EntityManager,
  dossier: DossierEntity,
  to: TransitionTargetState,
  data: Record<string, unknown>,
  actor: DossierActor,
  today: CalendarDate,
  at: Date = new Date(),
): Promise<void> {
  const from = dossier.state;
  const recorded = {
    ...dossier.recorded,
    [to]: data,
  } as RecordedTransitionData;
  const legal = runningDeadlines(
    { state: to, recorded, plannedStartDate: dossier.plannedStart },
    today,
  ).find((deadline) => deadline.legal);
  const change: Partial<DossierEntity> = {
    state: to,
    stateChangedAt: at,
    recorded,
    lastStepOn: eventDateOf(to, data as never) ?? dossier.lastStepOn ?? null,
    legalDeadlineKind: legal
      ? (legal.kind as DossierEntity['legalDeadlineKind'])
      : null,
    legalDeadlineOn: legal ? legal.dueDate : null,
    ...keyColumns(to, data),
  };
  await manager.update(
    DossierEntity,
    { id: dossier.id, employerId: dossier.employerId },
    change as QueryDeepPartialEntity<DossierEntity>,
  );
  Object.assign(dossier, change);
  await insertEvent(manager, {
    employerId: dossier.employerId,
    dossierId: dossier.id,
    at,
    actorUserId: actor.id,
    actorName: actor.name,
    kind: 'transition',
    fromState: from,
    toState: to,
    data,
  });
}

/** The columns a transition's data sets on the dossier (the rest stays in `recorded`). */
function keyColumns(
  to: TransitionTargetState,
  data: Record<string, unknown>,
): Partial<DossierEntity> {
  const text = (name: string) => data[name] as string;
  const optional = (name: string) => (data[name] as string | undefined) ?? null;
  switch (to) {
    case 'AT_GRANTED':
      return {
        permitNumber: text('permitNumber'),
        permitGrantedOn: text('grantDate'),
        permitValidUntil: optional('validUntil'),
      };
    case 'AWAITING_OFII':
      return {
        transmittedOn: text('transmissionDate'),
        ofiiOffice: normaliseOfficeCode(text('ofiiOffice')),
      };
    case 'VISA_FILED':
      return { consulate: normaliseOfficeCode(text('consulate')) };
    default:
      return {};
  }
}

/** The first event of a dossier: it enters DRAFT (created, or re-hired from last season's). */
export async function writeCreation(
  manager: EntityManager,
  dossier: DossierEntity,
  actor: DossierActor,
  data: Record<string, unknown> = {},
  at: Date = new Date(),
): Promise<void> {
  await insertEvent(manager, {
    employerId: dossier.employerId,
    dossierId: dossier.id,
    at,
    actorUserId: actor.id,
    actorName: actor.name,
    kind: 'transition',
    fromState: null,
    toState: 'DRAFT',
    data,
  });
}

/** A correction of planning fields, each change as { from, to }. */
export async function writeEdit(
  manager: EntityManager,
  dossier: DossierEntity,
  changes: Record<string, { from: unknown; to: unknown }>,
  actor: DossierActor,
): Promise<void> {
  await insertEvent(manager, {
    employerId: dossier.employerId,
    dossierId: dossier.id,
    at: new Date(),
    actorUserId: actor.id,
    actorName: actor.name,
    kind: 'edit',
    fromState: null,
    toState: null,
    data: { changes },
  });
}

/** "Relance envoyée": a follow-up e-mail was sent to the OFII office about this dossier. */
export async function writeRelance(
  manager: EntityManager,
  dossier: Pick<DossierEntity, 'id' | 'employerId'>,
  data: Record<string, unknown>,
  actor: DossierActor,
  at: Date = new Date(),
): Promise<void> {
  await insertEvent(manager, {
    employerId: dossier.employerId,
    dossierId: dossier.id,
    at,
    actorUserId: actor.id,
    actorName: actor.name,
    kind: 'relance',
    fromState: null,
    toState: null,
    data,
  });
}

type NewEvent = Omit<DossierEventEntity, 'id' | 'employer' | 'dossier'>;

async function insertEvent(
  manager: EntityManager,
  event: NewEvent,
): Promise<void> {
  await manager.insert(
    DossierEventEntity,
    event as QueryDeepPartialEntity<DossierEventEntity>,
  );
}
