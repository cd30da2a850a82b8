import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ImportPreviewResponse } from '@moisson/contract';
import {
  givenSession,
  provideTestApp,
  textOf,
} from '../../../testing/provide-test-app';
import { sessionOf } from '../../../testing/session-fixtures';
import { ImportPageComponent } from './import-page.component';

const IMPORTS_URL = '/api/employers/e-1/imports';

function preview(): ImportPreviewResponse {
  return {
    file: {
      name: 'embauches.csv',
      sizeBytes: 120,
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      sheet: null,
    },
    headers: ['Nom', 'Prénom', 'Passeport'],
    mapping: {
      surname: 'Nom',
      givenNames: 'Prénom',
      passportNumber: 'Passeport',
    },
    mappingSuggested: true,
    unmappedHeaders: [],
    missingFields: ['birthDate'],
    createsDossiers: false,
    totals: { rows: 2, valid: 1, invalid: 1, alreadyPresent: 0 },
    rows: [
      {
        rowNumber: 2,
        status: 'valid',
        values: {
          surname: 'Alaoui',
          givenNames: 'Mustapha',
          passportNumber: 'AB1',
        },
        errors: [],
      },
      {
        rowNumber: 3,
        status: 'invalid',
        values: {
          surname: 'Tazi',
          givenNames: 'Hicham',
          passportNumber: 'AB2',
        },
        errors: [
          {
            rowNumber: 3,
            field: 'passportExpiry',
            column: null,
            rule: 'PASSPORT_EXPIRED',
            message: 'The passport has expired.',
            messageFr: 'Le passeport est expiré.',
          },
        ],
      },
    ],
  };
}

describe('ImportPageComponent (/dossiers/import)', () => {
  let fixture: ComponentFixture<ImportPageComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    givenSession(sessionOf('employer_owner'));
    fixture = TestBed.createComponent(ImportPageComponent);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const byTestId = (testId: string): HTMLElement | null =>
    (fixture.nativeElement as HTMLElement).querySelector(
      `[data-testid="${testId}"]`,
    );

  it('previews every row of the chosen file with its errors, then imports the valid ones when asked', async () => {
    const file = new File(['Nom;Prénom;Passeport\n'], 'embauches.csv', {
      type: 'text/csv',
    });
    const input = byTestId('import-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));

    const request = http.expectOne({
      method: 'POST',
      url: `${IMPORTS_URL}/preview`,
    });
    const body = request.request.body as FormData;
    expect((body.get('file') as File).name).toBe('embauches.csv');
    expect(body.get('mapping')).toBeNull();
    request.flush(preview());
    await fixture.whenStable();

    expect(textOf(byTestId('import-totals'))).toBe(
      '2 ligne(s) : 1 à importer, 1 en erreur, 0 déjà enregistrée(s).',
    );
    const rows = [
      ...(fixture.nativeElement as HTMLElement).querySelectorAll(
        '[data-testid="import-row"]',
      ),
    ];
    expect(rows.map((row) => row.getAttribute('data-status'))).toEqual([
      'valid',
      'invalid',
    ]);
    expect(textOf(rows[1])).toContain('Le passeport est expiré.');
    const confirm = byTestId('import-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);

    (
      byTestId('skip-invalid')?.querySelector('input') as HTMLInputElement
    ).click();
    await fixture.whenStable();
    expect(confirm.disabled).toBe(false);
    confirm.click();

    const commit = http.expectOne({
      method: 'POST',
      url: `${IMPORTS_URL}/commit`,
    });
    const sent = commit.request.body as FormData;
    expect(JSON.parse(sent.get('mapping') as string)).toEqual(
      preview().mapping,
    );
    expect(sent.get('skipInvalidRows')).toBe('true');
    commit.flush({
      rows: 2,
      workersCreated: 1,
      dossiersCreated: 0,
      skippedAlreadyPresent: 0,
      skippedInvalid: 1,
    });
    await fixture.whenStable();

    expect(textOf(byTestId('import-result'))).toContain(
      '1 travailleur(s) et 0 dossier(s) créés',
    );
  });

  it('takes an .xlsx workbook and names the sheet it read', async () => {
    const input = byTestId('import-file') as HTMLInputElement;
    expect(input.accept.split(',')).toEqual(
      expect.arrayContaining(['.xlsx', '.csv']),
    );
    const file = new File(
      [new Uint8Array([0x50, 0x4b, 3, 4])],
      'embauches.xlsx',
      {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    );
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    const request = http.expectOne(`${IMPORTS_URL}/preview`);
    expect(((request.request.body as FormData).get('file') as File).name).toBe(
      'embauches.xlsx',
    );
    request.flush({
      ...preview(),
      file: {
        name: 'embauches.xlsx',
        sizeBytes: 4,
        format: 'xlsx',
        encoding: null,
        delimiter: null,
        sheet: 'Embauches 2027',
      },
    });
    await fixture.whenStable();
    expect(textOf(byTestId('import-file-info'))).toBe(
      'Classeur Excel · feuille lue : Embauches 2027',
    );
  });
});
