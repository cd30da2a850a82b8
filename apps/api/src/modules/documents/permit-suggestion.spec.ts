import { permitSuggestion, PermitDossier } from './permit-suggestion';

const dossier = (over: Partial<PermitDossier> = {}): PermitDossier => ({
  id: 'd1',
  employerId: 'e1',
  state: 'AT_SUBMITTED',
  permitNumber: null,
  permitGrantedOn: null,
  permitValidUntil: null,
  ...over,
});
const fields = {
  reference: 'AT-47-2027-00042',
  validFrom: '2027-02-10',
  validUntil: '2028-02-09',
};

describe('permitSuggestion', () => {
  it('offers the AT_GRANTED transition with the typed number and dates in AT_SUBMITTED', () => {
    const s = permitSuggestion(dossier(), fields);
    expect(s.changes).toEqual([
      'permitNumber',
      'permitGrantedOn',
      'permitValidUntil',
    ]);
    expect(s.apply).toEqual({
      method: 'POST',
      path: '/api/employers/e1/dossiers/d1/transitions',
      body: {
        to: 'AT_GRANTED',
        data: {
          permitNumber: 'AT-47-2027-00042',
          grantDate: '2027-02-10',
          validUntil: '2028-02-09',
        },
      },
    });
    expect(s.reason).toBeNull();
  });

  it('leaves out an absent validity end, and needs the number and the grant date', () => {
    expect(
      permitSuggestion(dossier(), { ...fields, validUntil: null }).apply?.body,
    ).toEqual({
      to: 'AT_GRANTED',
      data: { permitNumber: 'AT-47-2027-00042', grantDate: '2027-02-10' },
    });
    const noDate = permitSuggestion(dossier(), { ...fields, validFrom: null });
    expect(noDate.apply).toBeNull();
    expect(noDate.reason?.en).toContain('grant date');
  });

  it('applies nothing once a permit is recorded, or before the request', () => {
    const granted = permitSuggestion(
      dossier({
        state: 'AWAITING_OFII',
        permitNumber: 'AT-1',
        permitGrantedOn: '2027-01-01',
      }),
      fields,
    );
    expect(granted.apply).toBeNull();
    expect(granted.current.permitNumber).toBe('AT-1');
    expect(granted.reason?.en).toContain('already');
    expect(
      permitSuggestion(dossier({ state: 'DRAFT' }), fields).apply,
    ).toBeNull();
  });

  it('says there is nothing new when no value was typed or all are equal', () => {
    const none = permitSuggestion(dossier(), {
      reference: null,
      validFrom: null,
      validUntil: null,
    });
    expect(none.changes).toEqual([]);
    expect(none.apply).toBeNull();
    expect(none.reason?.en).toMatch(/^Nothing new/);
  });
});
