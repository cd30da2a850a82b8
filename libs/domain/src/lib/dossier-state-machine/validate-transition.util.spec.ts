import { DossierState } from './dossier-state.model';
import { TransitionTargetState } from './dossier-transition-data.model';
import {
  FROM,
  ISO_DATE,
  MINIMAL,
  OPTIONAL,
  REQUIRED,
  rulesOf,
  TARGETS,
  violationsOf,
  without,
} from './transition-samples.fixture';
import { validateTransition } from './validate-transition.util';

describe('validateTransition: the data each transition needs', () => {
  it.each(TARGETS)('accepts the minimal data of a move to %s', (to) => {
    const result = validateTransition(FROM[to], to, MINIMAL[to], {
      shortageOccupation: true,
    });
    expect(result).toEqual({
      ok: true,
      data:
        to === 'TA_ANNULLED'
          ? { ...MINIMAL[to], injunctionMonths: 2 }
          : MINIMAL[to],
    });
  });

  it.each(TARGETS)(
    'accepts the minimal plus optional data of a move to %s, with a note',
    (to) => {
      const data = {
        ...MINIMAL[to],
        ...OPTIONAL[to],
        note: 'vu avec le cabinet',
      };
      const result = validateTransition(FROM[to], to, data);
      expect(result).toEqual({ ok: true, data });
    },
  );

  it.each(
    TARGETS.flatMap((to) =>
      REQUIRED[to].map((field): [TransitionTargetState, string] => [to, field]),
    ),
  )(
    'a move to %s without %s is refused with FIELD_REQUIRED naming the field',
    (to, field) => {
      const violations = violationsOf(
        FROM[to],
        to,
        without(MINIMAL[to], field),
      );
      expect(rulesOf(violations)).toEqual([`FIELD_REQUIRED:${field}`]);
      expect(violations[0].message.fr).toContain(`(${field})`);
      expect(violations[0].message.en).toContain(`(${field})`);
    },
  );

  it.each(
    TARGETS.flatMap((to) =>
      REQUIRED[to].map((field): [TransitionTargetState, string] => [to, field]),
    ),
  )(
    'a move to %s with %s blank (empty text, spaces, null) is refused as missing',
    (to, field) => {
      for (const blank of ['', '   ', null]) {
        expect(
          rulesOf(
            violationsOf(FROM[to], to, { ...MINIMAL[to], [field]: blank }),
          ),
        ).toEqual([`FIELD_REQUIRED:${field}`]);
      }
    },
  );

  it.each(
    TARGETS.flatMap((to) =>
      Object.entries({ ...MINIMAL[to], ...OPTIONAL[to] })
        .filter(
          ([, value]) => typeof value === 'string' && ISO_DATE.test(value),
        )
        .map(([field]): [TransitionTargetState, string] => [to, field]),
    ),
  )(
    'a move to %s with an impossible %s is refused with DATE_INVALID',
    (to, field) => {
      const data = { ...MINIMAL[to], ...OPTIONAL[to], [field]: '2025-02-30' };
      const violations = violationsOf(FROM[to], to, data);
      expect(rulesOf(violations)).toEqual([`DATE_INVALID:${field}`]);
      expect(violations[0].message.en).toContain('"2025-02-30"');
      expect(violations[0].message.fr).toContain('AAAA-MM-JJ');
    },
  );

  it('reports every problem at once', () => {
    expect(
      rulesOf(
        violationsOf('AWAITING_OFII', 'OFII_CONVOKED', {
          appointmentDate: '15/04/2025',
        }),
      ),
    ).toEqual([
      'FIELD_REQUIRED:convocationDate',
      'DATE_INVALID:appointmentDate',
      'FIELD_REQUIRED:appointmentPlace',
    ]);
  });

  it('names the field in French and English', () => {
    const [violation] = violationsOf('AT_SUBMITTED', 'AT_GRANTED', {
      grantDate: '2025-02-10',
    });
    expect(violation).toEqual({
      rule: 'FIELD_REQUIRED',
      field: 'permitNumber',
      message: {
        fr: "« numéro de l'autorisation de travail » (permitNumber) est obligatoire.",
        en: '"work permit number" (permitNumber) is required.',
      },
    });
  });

  it('trims texts and drops keys that are not part of the transition', () => {
    const result = validateTransition('AT_GRANTED', 'AWAITING_OFII', {
      transmissionDate: '2025-02-12',
      ofiiOffice: '  Tunis ',
      state: 'CLOSED',
      employerId: 'someone-else',
    });
    expect(result).toEqual({
      ok: true,
      data: { transmissionDate: '2025-02-12', ofiiOffice: 'Tunis' },
    });
  });

  it('refuses a text field given as another type', () => {
    const violations = violationsOf('AT_SUBMITTED', 'AT_GRANTED', {
      permitNumber: 42,
      grantDate: '2025-02-10',
    });
    expect(rulesOf(violations)).toEqual(['FIELD_INVALID:permitNumber']);
    expect(violations[0].message.en).toContain('must be a text');
  });

  it('refuses a date given as a Date object or a number', () => {
    expect(
      rulesOf(
        violationsOf('ARRIVED', 'PERMIT_APPLIED', {
          applicationDate: new Date('2025-05-20'),
        }),
      ),
    ).toEqual(['DATE_INVALID:applicationDate']);
    expect(
      rulesOf(
        violationsOf('ARRIVED', 'PERMIT_APPLIED', {
          applicationDate: 20250520,
        }),
      ),
    ).toEqual(['DATE_INVALID:applicationDate']);
  });

  it.each([null, undefined, 'data', 42, ['2025-01-01']])(
    'refuses data that is not an object (%p)',
    (data) => {
      expect(rulesOf(violationsOf('VISA_ISSUED', 'ARRIVED', data))).toEqual([
        'DATA_INVALID:',
      ]);
    },
  );
});

describe('validateTransition: transitions that are not allowed', () => {
  it('refuses a move the table does not list, naming both states, without looking at the data', () => {
    const violations = violationsOf('AWAITING_OFII', 'VISA_ISSUED', {
      visaType: 'x',
    });
    expect(violations).toEqual([
      {
        rule: 'TRANSITION_NOT_ALLOWED',
        message: {
          fr: 'Passage de « Transmis à l’OFII, en attente de convocation » (AWAITING_OFII) à « Visa délivré » (VISA_ISSUED) non autorisé.',
          en: 'Moving from "Sent to OFII, awaiting convocation" (AWAITING_OFII) to "Visa issued" (VISA_ISSUED) is not allowed.',
        },
      },
    ]);
  });

  it('refuses any move out of a terminal state', () => {
    expect(
      rulesOf(violationsOf('CLOSED', 'WITHDRAWN', { reason: 'x' })),
    ).toEqual(['TRANSITION_NOT_ALLOWED:']);
    expect(
      rulesOf(violationsOf('ABANDONED', 'VISA_FILED', MINIMAL.VISA_FILED)),
    ).toEqual(['TRANSITION_NOT_ALLOWED:']);
  });

  it('refuses to skip the job offer unless the job is a shortage occupation', () => {
    const violations = violationsOf(
      'DRAFT',
      'AT_SUBMITTED',
      MINIMAL.AT_SUBMITTED,
    );
    expect(rulesOf(violations)).toEqual(['SHORTAGE_OCCUPATION_REQUIRED:']);
    expect(violations[0].message.en).toContain('shortage occupation');
    expect(violations[0].message.fr).toContain('métier en tension');
    expect(
      violationsOf('DRAFT', 'AT_SUBMITTED', MINIMAL.AT_SUBMITTED, {
        shortageOccupation: true,
      }),
    ).toEqual([]);
  });

  it('refuses unknown state names coming from outside', () => {
    const violations = violationsOf(
      'LOST' as DossierState,
      'FOUND' as DossierState,
      {},
    );
    expect(rulesOf(violations)).toEqual(['UNKNOWN_STATE:', 'UNKNOWN_STATE:']);
    expect(violations[0].message.en).toBe('Unknown dossier state: "LOST".');
    expect(
      rulesOf(violationsOf('DRAFT', 'PUBLISHED' as DossierState, {})),
    ).toEqual(['UNKNOWN_STATE:']);
  });

  it('allows withdrawing from any open state with a reason', () => {
    for (const from of [
      'DRAFT',
      'AT_REFUSED',
      'TA_FILED',
      'RETURNED',
    ] as const) {
      expect(
        validateTransition(from, 'WITHDRAWN', { reason: ' Season cancelled ' }),
      ).toEqual({
        ok: true,
        data: { reason: 'Season cancelled' },
      });
      expect(rulesOf(violationsOf(from, 'WITHDRAWN', {}))).toEqual([
        'FIELD_REQUIRED:reason',
      ]);
    }
  });
});
