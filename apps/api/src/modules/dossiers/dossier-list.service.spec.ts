import { DossierSort } from '@moisson/contract';
import {
  DossierFilters,
  isIndexOrdered,
  wantedStates,
} from './dossier-list.service';

describe('isIndexOrdered (which list statements are prepared)', () => {
  const SORTS: DossierSort[] = ['plannedStart', 'updatedAt', 'surname'];

  it.each<[string, DossierFilters, Record<DossierSort, boolean>]>([
    ['no filter', {}, { plannedStart: true, updatedAt: true, surname: false }],
    [
      'one state',
      { state: ['AWAITING_OFII'] },
      { plannedStart: true, updatedAt: false, surname: false },
    ],
    [
      'a stage of one state',
      { stage: ['ofii'], state: ['AWAITING_OFII'] },
      { plannedStart: true, updatedAt: false, surname: false },
    ],
    [
      'two states',
      { state: ['VISA_ISSUED', 'ARRIVED'] },
      { plannedStart: false, updatedAt: false, surname: false },
    ],
    [
      'a stage of several states',
      { stage: ['appeals'] },
      { plannedStart: false, updatedAt: false, surname: false },
    ],
    [
      'states that the stage excludes (no state at all)',
      { stage: ['ofii'], state: ['ARRIVED'] },
      { plannedStart: false, updatedAt: false, surname: false },
    ],
    [
      'a text search',
      { q: 'benali' },
      { plannedStart: false, updatedAt: false, surname: false },
    ],
    [
      'a campaign',
      { campaignId: 'c-1' },
      { plannedStart: false, updatedAt: false, surname: false },
    ],
    [
      "one worker's dossiers",
      { workerId: 'w-1' },
      { plannedStart: false, updatedAt: false, surname: false },
    ],
    [
      'an OFII office',
      { ofiiOffice: 'casablanca' },
      { plannedStart: false, updatedAt: false, surname: false },
    ],
    [
      'overdue convocations (true)',
      { overdue: true },
      { plannedStart: false, updatedAt: false, surname: false },
    ],
    [
      'overdue convocations (false)',
      { overdue: false },
      { plannedStart: false, updatedAt: false, surname: false },
    ],
    [
      'a deadline within N days',
      { deadlineWithinDays: 10 },
      { plannedStart: false, updatedAt: false, surname: false },
    ],
    [
      'one state and a campaign',
      { state: ['AWAITING_OFII'], campaignId: 'c-1' },
      { plannedStart: false, updatedAt: false, surname: false },
    ],
  ])('%s', (_label, filters, expected) => {
    expect(
      Object.fromEntries(SORTS.map((s) => [s, isIndexOrdered(filters, s)])),
    ).toEqual(expected);
  });
});

describe('wantedStates', () => {
  it('is undefined when neither states nor stages are asked for', () => {
    expect(wantedStates(undefined, undefined)).toBeUndefined();
  });

  it('gives the states of the stages, or the states asked for, or those in both', () => {
    expect(wantedStates(undefined, ['ofii'])).toEqual(
      expect.arrayContaining(['AWAITING_OFII', 'OFII_CONVOKED']),
    );
    expect(wantedStates(['ARRIVED'], undefined)).toEqual(['ARRIVED']);
    expect(wantedStates(['ARRIVED', 'AWAITING_OFII'], ['ofii'])).toEqual([
      'AWAITING_OFII',
    ]);
    expect(wantedStates(['ARRIVED'], ['ofii'])).toEqual([]);
  });
});
