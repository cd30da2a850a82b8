import { addDays, deadlineFor } from '@moisson/domain';
import { checkTransition } from './dossier-transition-check';

const TODAY = '2026-11-26';
const draft = {
  state: 'DRAFT' as const,
  shortageOccupation: true,
  lastStepOn: null,
};

function rules(result: ReturnType<typeof checkTransition>): string[] {
  return result.ok
    ? []
    : result.problems.map((p) => `${p.rule}:${p.field ?? ''}`);
}

describe('checkTransition', () => {
  it('returns the cleaned data of an allowed transition', () => {
    const result = checkTransition(
      draft,
      'AT_SUBMITTED',
      { submissionDate: '2026-11-20', applicationReference: '  ANEF-1 ' },
      TODAY,
    );
    expect(result).toEqual({
      ok: true,
      data: { submissionDate: '2026-11-20', applicationReference: 'ANEF-1' },
    });
  });

  it('refuses a move the table does not allow, without looking at the data', () => {
    expect(
      rules(checkTransition(draft, 'VISA_FILED', { whatever: 1 }, TODAY)),
    ).toEqual(['TRANSITION_NOT_ALLOWED:']);
  });

  it('needs a published offer when the job is not a shortage occupation', () => {
    expect(
      rules(
        checkTransition(
          { ...draft, shortageOccupation: false },
          'AT_SUBMITTED',
          { submissionDate: '2026-11-20' },
          TODAY,
        ),
      ),
    ).toEqual(['SHORTAGE_OCCUPATION_REQUIRED:']);
  });

  it('names each missing, invalid or unknown field', () => {
    const result = checkTransition(
      { state: 'AT_SUBMITTED', shortageOccupation: true, lastStepOn: null },
      'AT_GRANTED',
      { grantDate: '2026-02-30', permitNumbre: 'AT-1' },
      TODAY,
    );
    expect(rules(result)).toEqual([
      'FIELD_REQUIRED:permitNumber',
      'DATE_INVALID:grantDate',
      'FIELD_UNKNOWN:permitNumbre',
    ]);
    expect(!result.ok && result.problems[2].message.en).toBe(
      'Unknown field for this step: "permitNumbre". Remove it.',
    );
  });

  it('refuses a step dated in the future or before the previous step', () => {
    const waiting = {
      state: 'AT_GRANTED' as const,
      shortageOccupation: true,
      lastStepOn: '2026-10-01',
    };
    expect(
      rules(
        checkTransition(
          waiting,
          'AWAITING_OFII',
          { transmissionDate: addDays(TODAY, 1), ofiiOffice: 'Casablanca' },
          TODAY,
        ),
      ),
    ).toEqual(['DATE_IN_FUTURE:transmissionDate']);
    expect(
      rules(
        checkTransition(
          waiting,
          'AWAITING_OFII',
          { transmissionDate: '2026-09-30', ofiiOffice: 'Casablanca' },
          TODAY,
        ),
      ),
    ).toEqual(['DATE_ORDER:transmissionDate']);
  });

  it('applies the defaults of the domain (injunction of 2 months)', () => {
    const result = checkTransition(
      { state: 'TA_FILED', shortageOccupation: true, lastStepOn: '2026-03-01' },
      'TA_ANNULLED',
      { judgmentDate: '2026-09-09' },
      TODAY,
    );
    expect(result.ok && result.data['injunctionMonths']).toBe(2);
    expect(deadlineFor('injunction', '2026-09-09')).toBe('2026-11-09');
  });
});
