import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  DossierDetail,
  GroupTransitionResponse,
  TransitionErrorDetail,
} from '@moisson/contract';
import {
  CalendarDate,
  DOSSIER_STATE_LABELS,
  DossierState,
  TransitionTargetState,
} from '@moisson/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext, RequestMeta } from '../../core/auth/auth-context';
import { ApiException } from '../../core/http/api-exception';
import { BilingualText } from '../../core/http/localized-text';
import { todayInParis } from './common/paris-today';
import { actorOf } from './dossier-actor';
import { DossierListService } from './dossier-list.service';
import { DossierWithWorker } from './dossier.mapper';
import { checkTransition, TransitionProblem } from './dossier-transition-check';
import { writeTransition } from './dossier-timeline.writer';
import { DossiersService, dossierNotFound } from './dossiers.service';
import { DossierEntity } from './entities/dossier.entity';

interface Refusal {
  dossier: DossierWithWorker;
  problems: TransitionProblem[];
}

/**
 * Moves dossiers from state to state, as @moisson/domain allows (checkTransition). The dossiers are
 * locked, checked, then each state change and its timeline event are written in one transaction: a
 * refused dossier in a group leaves every dossier of the group unchanged.
 */
@Injectable()
export class DossierTransitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossiers: DossiersService,
    private readonly list: DossierListService,
  ) {}

  async transition(
    auth: AuthContext,
    meta: RequestMeta,
    employerId: string,
    dossierId: string,
    to: DossierState,
    data: Record<string, unknown> | undefined,
  ): Promise<DossierDetail> {
    const today = todayInParis();
    await this.dataSource.transaction(async (m) => {
      const [dossier] = await lockDossiers(m, employerId, [dossierId]);
      if (!dossier) throw dossierNotFound(dossierId);
      await this.apply(m, auth, [dossier], to, data, today, false);
    });
    return this.dossiers.detail(auth, meta, employerId, dossierId);
  }

  /** The same transition with the same data for a group ("OFII convoked these 12 workers"). */
  async transitionGroup(
    auth: AuthContext,
    employerId: string,
    dossierIds: string[],
    to: DossierState,
    data: Record<string, unknown> | undefined,
  ): Promise<GroupTransitionResponse> {
    const today = todayInParis();
    await this.dataSource.transaction(async (m) => {
      const found = await lockDossiers(m, employerId, dossierIds);
      const missing = dossierIds.filter(
        (id) => !found.some((d) => d.id === id),
      );
      if (missing.length > 0) {
        throw new ApiException(
          404,
          API_ERROR_CODES.NOT_FOUND,
          {
            fr: `Dossiers : ${missing.length} des dossiers sont introuvables chez cet employeur (${missing.join(', ')}) ; rien n'a été modifié.`,
            en: `dossierIds: ${missing.length} of the dossiers were not found at this employer (${missing.join(', ')}); nothing was changed.`,
          },
          missing.map((id) => ({
            field: `dossierIds[${dossierIds.indexOf(id)}]`,
            message: {
              fr: `Aucun dossier avec l'identifiant ${id} chez cet employeur.`,
              en: `No dossier with the id ${id} at this employer.`,
            },
          })),
        );
      }
      await this.apply(m, auth, found, to, data, today, true);
    });
    return {
      dossiers: await this.list.byIds(employerId, dossierIds, today),
    };
  }

  private async apply(
    m: EntityManager,
    auth: AuthContext,
    dossiers: DossierWithWorker[],
    to: DossierState,
    data: Record<string, unknown> | undefined,
    today: CalendarDate,
    group: boolean,
  ): Promise<void> {
    const refusals: Refusal[] = [];
    const accepted: Array<{
      dossier: DossierWithWorker;
      data: Record<string, unknown>;
    }> = [];
    for (const dossier of dossiers) {
      const check = checkTransition(dossier, to, data, today);
      if (check.ok) accepted.push({ dossier, data: check.data });
      else refusals.push({ dossier, problems: check.problems });
    }
    if (refusals.length > 0)
      throw refused(to, refusals, dossiers.length, group);
    const at = new Date();
    const actor = actorOf(auth);
    for (const { dossier, data: clean } of accepted)
      await writeTransition(
        m,
        dossier,
        to as TransitionTargetState,
        clean,
        actor,
        today,
        at,
      );
  }
}

/** Locks the employer's dossiers among `ids` (in id order, so concurrent groups cannot deadlock). */
async function lockDossiers(
  m: EntityManager,
  employerId: string,
  ids: string[],
): Promise<DossierWithWorker[]> {
  const rows = await m
    .getRepository(DossierEntity)
    .createQueryBuilder('d')
    .innerJoinAndSelect('d.worker', 'w', 'w.employer_id = d.employer_id')
    .where('d.employer_id = :employerId', { employerId })
    .andWhere('d.id IN (:...ids)', { ids })
    .orderBy('d.id', 'ASC')
    .setLock('pessimistic_write', undefined, ['d'])
    .getMany();
  return rows as DossierWithWorker[];
}

function refused(
  to: DossierState,
  refusals: Refusal[],
  total: number,
  group: boolean,
): ApiException {
  const target = `"${DOSSIER_STATE_LABELS[to].en}" (${to})`;
  const targetFr = `« ${DOSSIER_STATE_LABELS[to].fr} » (${to})`;
  // `message` is sent in the caller's language; `messageFr` stays French for older clients.
  const details: Array<
    Omit<TransitionErrorDetail, 'message'> & { message: BilingualText }
  > = refusals.flatMap(({ dossier, problems }) =>
    problems.map((p) => {
      const fr = group
        ? `${dossier.worker.surname} ${dossier.worker.givenNames} : ${p.message.fr}`
        : p.message.fr;
      return {
        field: p.field ? `data.${p.field}` : 'to',
        rule: p.rule,
        message: {
          fr,
          en: group
            ? `${dossier.worker.surname} ${dossier.worker.givenNames}: ${p.message.en}`
            : p.message.en,
        },
        messageFr: fr,
        ...(group ? { dossierId: dossier.id } : {}),
      };
    }),
  );
  const all = (language: 'fr' | 'en') =>
    details.map((d) => d.message[language]).join(' ');
  const message: BilingualText = group
    ? {
        fr: `${refusals.length} des ${total} dossiers ne peuvent pas passer à l'état ${targetFr}, donc aucun n'a été modifié : ${all('fr')}`,
        en: `${refusals.length} of the ${total} dossiers cannot move to ${target}, so none was changed: ${all('en')}`,
      }
    : {
        fr: `Le dossier ne peut pas passer à l'état ${targetFr} : ${all('fr')}`,
        en: `The dossier cannot move to ${target}: ${all('en')}`,
      };
  return new ApiException(422, API_ERROR_CODES.UNPROCESSABLE, message, details);
}
