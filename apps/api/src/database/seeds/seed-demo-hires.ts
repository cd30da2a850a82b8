import {
  addDays,
  CalendarDate,
  eventDateOf,
  TransitionTargetState,
} from '@moisson/domain';
import type { EntityManager } from 'typeorm';
import { CampaignEntity } from '../../modules/campaigns/entities/campaign.entity';
import { checkTransition } from '../../modules/dossiers/dossier-transition-check';
import {
  DossierActor,
  writeCreation,
  writeTransition,
} from '../../modules/dossiers/dossier-timeline.writer';
import { DossierEntity } from '../../modules/dossiers/entities/dossier.entity';
import { normaliseOptionalOfficeCode } from '../../modules/dossiers/office-code';
import type { EmployerEntity } from '../../modules/employers/entities/employer.entity';
import { WorkerEntity } from '../../modules/workers/entities/worker.entity';
import { normalisePassportNumber } from '../../modules/workers/passport-number';
import { DemoCampaign, DemoHire, demoHires } from './demo-hires';

/** Steps the firm's lawyer records (appeals); the farm records the others. */
const FIRM_STEPS: readonly TransitionTargetState[] = [
  'CRRV_FILED',
  'CRRV_REJECTED',
  'CRRV_REJECTED_IMPLICIT',
  'TA_FILED',
  'TA_ANNULLED',
  'TA_REJECTED',
];

export interface DemoHireActors {
  /** The owner of each demo employer, by employer key. */
  owners: Map<string, DossierActor>;
  firmStaff: DossierActor;
}

/**
 * Writes the demo workers, campaigns and dossiers with the caller's transaction manager. Each step
 * is checked by the same rules as the API (checkTransition, i.e. @moisson/domain) and written by the
 * same code (writeTransition): a step the rules refuse stops the seed with its reason.
 */
export async function seedDemoHires(
  m: EntityManager,
  employers: Map<string, EmployerEntity>,
  actors: DemoHireActors,
  today: CalendarDate,
): Promise<{ workers: number; dossiers: number }> {
  const { campaigns, hires } = demoHires(today);
  const saved = new Map<
    string,
    { demo: DemoCampaign; entity: CampaignEntity }
  >();
  for (const demo of campaigns) {
    const entity = await m.save(
      m.create(CampaignEntity, {
        employerId: employerOf(employers, demo.employerKey).id,
        name: demo.name,
        season: seasonOf(demo),
        notes: demo.notes ?? null,
      }),
    );
    saved.set(demo.key, { demo, entity });
  }
  let dossiers = 0;
  for (const hire of hires) {
    const employer = employerOf(employers, hire.employerKey);
    const owner = actors.owners.get(hire.employerKey) ?? actors.firmStaff;
    const worker = await m.save(
      m.create(WorkerEntity, {
        employerId: employer.id,
        surname: hire.surname,
        givenNames: hire.givenNames,
        birthDate: hire.birthDate,
        nationality: hire.nationality,
        passportNumber: normalisePassportNumber(hire.passportNumber),
        passportExpiry: hire.passportExpiry,
        phone: hire.phone,
        email: null,
        preferredLanguage: hire.preferredLanguage,
      }),
    );
    const campaign = saved.get(hire.campaignKey);
    if (!campaign)
      throw new Error(`Demo data: no campaign ${hire.campaignKey}`);
    const dossier = await createDossier(m, employer, worker, hire, campaign, {
      owner,
      firstStep: hire.steps[0],
      today,
    });
    dossiers++;
    for (const [to, data] of hire.steps) {
      const check = checkTransition(dossier, to, data, today);
      if (!check.ok)
        throw new Error(
          `Demo data: ${hire.surname} cannot move from ${dossier.state} to ${to}: ${check.problems
            .map((p) => p.message.en)
            .join(' ')}`,
        );
      const stepDate = eventDateOf(to, check.data as never) ?? today;
      await writeTransition(
        m,
        dossier,
        to,
        check.data,
        FIRM_STEPS.includes(to) ? actors.firmStaff : owner,
        today,
        instantOf(stepDate),
      );
    }
    if (hire.rehireInto) {
      const next = saved.get(hire.rehireInto);
      if (next && next.entity.season === dossier.season + 1) {
        await createDossier(m, employer, worker, hire, next, {
          owner,
          today,
          rehiredFrom: dossier,
        });
        dossiers++;
      }
    }
  }
  return { workers: hires.length, dossiers };
}

async function createDossier(
  m: EntityManager,
  employer: EmployerEntity,
  worker: WorkerEntity,
  hire: DemoHire,
  campaign: { demo: DemoCampaign; entity: CampaignEntity },
  options: {
    owner: DossierActor;
    today: CalendarDate;
    firstStep?: DemoHire['steps'][number];
    rehiredFrom?: DossierEntity;
  },
): Promise<DossierEntity> {
  const firstDate = options.firstStep
    ? eventDateOf(options.firstStep[0], options.firstStep[1] as never)
    : undefined;
  const createdOn = addDays(firstDate ?? options.today, firstDate ? -2 : -3);
  const at = instantOf(createdOn);
  const dossier = await m.save(
    m.create(DossierEntity, {
      employerId: employer.id,
      workerId: worker.id,
      campaignId: campaign.entity.id,
      season: campaign.entity.season,
      jobTitle: hire.jobTitle,
      contractType: hire.contractType,
      shortageOccupation: hire.shortageOccupation ?? true,
      plannedStart: campaign.demo.plannedStart,
      plannedEnd: campaign.demo.plannedEnd,
      ofiiOffice: normaliseOptionalOfficeCode(employer.ofiiOffice),
      consulate: normaliseOptionalOfficeCode(employer.consulate),
      state: 'DRAFT',
      stateChangedAt: at,
      recorded: {},
      permitNumber: null,
      permitGrantedOn: null,
      permitValidUntil: null,
      lastStepOn: null,
      transmittedOn: null,
      legalDeadlineKind: null,
      legalDeadlineOn: null,
    }),
  );
  await writeCreation(
    m,
    dossier,
    options.owner,
    options.rehiredFrom
      ? {
          rehiredFrom: options.rehiredFrom.id,
          previousSeason: options.rehiredFrom.season,
        }
      : {},
    at,
  );
  return dossier;
}

function employerOf(
  employers: Map<string, EmployerEntity>,
  key: string,
): EmployerEntity {
  const employer = employers.get(key);
  if (!employer) throw new Error(`Demo data: no employer ${key}`);
  return employer;
}

function seasonOf(campaign: DemoCampaign): number {
  return Number(campaign.plannedStart.slice(0, 4));
}

/** A step recorded at 10:30 Paris time on its day, never later than now. */
function instantOf(date: CalendarDate): Date {
  const at = new Date(`${date}T09:30:00.000Z`);
  const now = new Date();
  return at > now ? now : at;
}
