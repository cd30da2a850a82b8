import { actingEmployerId } from './acting-for-banner.component';

describe('actingEmployerId', () => {
  it("names the employer of the firm's pages that act for it: its dossiers, a dossier, a new hire", () => {
    expect(actingEmployerId('/firm/employers/e-1/dossiers')).toBe('e-1');
    expect(actingEmployerId('/firm/employers/e-1/dossiers?overdue=true')).toBe(
      'e-1',
    );
    expect(actingEmployerId('/firm/employers/e-1/dossiers/d-7')).toBe('e-1');
    expect(actingEmployerId('/firm/employers/e-1/dossiers/new')).toBe('e-1');
  });

  it('names none elsewhere, including the employer record itself', () => {
    expect(actingEmployerId('/firm/employers/e-1')).toBeNull();
    expect(actingEmployerId('/firm/employers')).toBeNull();
    expect(actingEmployerId('/dossiers/d-7')).toBeNull();
    expect(actingEmployerId('/firm/employers/e-1/dossiersx')).toBeNull();
  });
});
