import { TransitionTargetState } from './dossier-transition-data.model';
import { eventDateOf } from './transition-data-requirements.rules';
import { ISO_DATE, MINIMAL, TARGETS } from './transition-samples.fixture';

describe('eventDateOf', () => {
  it('gives the date of the step a transition records', () => {
    const expected: Partial<Record<TransitionTargetState, string | undefined>> =
      {
        OFFER_PUBLISHED: '2025-01-06',
        AT_GRANTED: '2025-02-10',
        AWAITING_OFII: '2025-02-12',
        OFII_CONVOKED: '2025-04-01',
        VISA_FILED: '2025-04-15',
        VISA_ISSUED: undefined,
        VISA_REFUSED: '2025-05-02',
        TA_ANNULLED: '2026-02-09',
        ARRIVED: '2025-05-10',
        CLOSED: '2025-11-15',
        WITHDRAWN: undefined,
      };
    for (const [state, date] of Object.entries(expected) as [
      TransitionTargetState,
      string | undefined,
    ][]) {
      expect(eventDateOf(state, MINIMAL[state] as never)).toBe(date);
    }
    expect(
      eventDateOf('VISA_ISSUED', {
        ...MINIMAL.VISA_ISSUED,
        issueDate: '2025-04-28',
      } as never),
    ).toBe('2025-04-28');
  });

  it('gives a date for every step whose minimal data has one', () => {
    for (const state of TARGETS.filter(
      (target) => !['VISA_ISSUED', 'WITHDRAWN'].includes(target),
    )) {
      expect(eventDateOf(state, MINIMAL[state] as never)).toMatch(ISO_DATE);
    }
  });
});
