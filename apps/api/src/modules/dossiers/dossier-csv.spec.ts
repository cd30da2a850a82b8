import type { DossierListItem } from '@moisson/contract';
import {
  csvCell,
  csvLine,
  DOSSIER_CSV_HEADER,
  dossierCsvValues,
} from './dossier-csv';

describe('CSV cells and lines for French Excel', () => {
  it('separates cells with semicolons and ends lines with CRLF', () => {
    expect(csvLine(['El Amrani', 'Youssef', 2027])).toBe(
      'El Amrani;Youssef;2027\r\n',
    );
  });

  it('quotes text holding a separator, a quote or a line break, doubling quotes', () => {
    expect(csvCell('Ouvrier; cueillette')).toBe('"Ouvrier; cueillette"');
    expect(csvCell('dit "Sami"')).toBe('"dit ""Sami"""');
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvCell(' espace')).toBe('" espace"');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(
      `"'=HYPERLINK(""http://x"")"`,
    );
    expect(csvCell('+33 6 12')).toBe("'+33 6 12");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe('-5');
  });

  it('writes empty cells for missing values and oui/non for flags', () => {
    expect(csvLine([null, undefined, true, false, ''])).toBe(';;oui;non;\r\n');
  });
});

describe('a dossier as a CSV row', () => {
  const item: DossierListItem = {
    id: '6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b',
    employerId: '7f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b',
    worker: {
      id: '8f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b',
      surname: 'Benali',
      givenNames: 'Youssef',
      nationality: 'MA',
      passportNumberMasked: '••••••567',
    },
    campaign: {
      id: '9f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b',
      name: 'Vendanges 2027',
    },
    season: 2027,
    jobTitle: 'Ouvrier viticole',
    contractType: 'seasonal',
    shortageOccupation: true,
    plannedStart: '2027-08-25',
    plannedEnd: '2027-10-31',
    ofiiOffice: 'casablanca',
    consulate: 'casablanca',
    permitNumber: 'AT-47-2027-001',
    permitGrantedOn: '2027-02-01',
    permitValidUntil: null,
    state: 'VISA_REFUSED',
    stage: 'visa',
    stateChangedAt: '2027-03-31T22:30:00.000Z',
    convocationOverdue: false,
    daysWaitingForConvocation: null,
    plannedStartAtRisk: false,
    legalDeadline: {
      kind: 'crrv_appeal',
      label: { fr: 'Recours devant la CRRV', en: 'Appeal to the CRRV' },
      legal: true,
      startDate: '2027-04-01',
      nominalDueDate: '2027-05-01',
      dueDate: '2027-05-03',
      rolled: true,
      daysLeft: 12,
      notice: { fr: 'calculée - à vérifier par le cabinet', en: 'computed' },
    },
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2027-04-01T10:00:00.000Z',
  };

  it('has one cell per header, dates dd/mm/yyyy in Paris time and French labels', () => {
    const values = dossierCsvValues(item);
    expect(values).toHaveLength(DOSSIER_CSV_HEADER.length);
    expect(csvLine(values)).toBe(
      'Benali;Youssef;MA;••••••567;Vendanges 2027;2027;Ouvrier viticole;Saisonnier;25/08/2027;31/10/2027;Visa;Visa refusé (décision écrite);01/04/2027;casablanca;casablanca;AT-47-2027-001;non;;Recours devant la CRRV;03/05/2027;12\r\n',
    );
  });

  it('labels the deadline column as computed, to be checked by the firm', () => {
    expect(DOSSIER_CSV_HEADER).toContain(
      'Date limite (calculée - à vérifier par le cabinet)',
    );
  });
});
