import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { DossierDetail } from '@moisson/contract';
import {
  documentItem,
  permitSuggestion,
  uploadAnswer,
} from '../../../testing/document-fixtures';
import {
  provideTestApp,
  textOf,
  typeInto,
} from '../../../testing/provide-test-app';
import { DocumentUploadPanelComponent } from './document-upload-panel.component';

const DOSSIER_DOCUMENTS = '/api/employers/e-1/dossiers/d-1/documents';
const WORKER_DOCUMENTS = '/api/employers/e-1/workers/w-1/documents';

describe('DocumentUploadPanelComponent', () => {
  let fixture: ComponentFixture<DocumentUploadPanelComponent>;
  let http: HttpTestingController;
  let uploaded: number;
  let changed: DossierDetail[];

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DocumentUploadPanelComponent);
    fixture.componentRef.setInput('employerId', 'e-1');
    fixture.componentRef.setInput('dossierId', 'd-1');
    fixture.componentRef.setInput('workerId', 'w-1');
    uploaded = 0;
    changed = [];
    fixture.componentInstance.uploaded.subscribe(() => uploaded++);
    fixture.componentInstance.dossierChanged.subscribe((d) => changed.push(d));
    await settle();
  });

  afterEach(() => http.verify());

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement | null =>
    element().querySelector(`[data-testid="${testId}"]`);
  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }
  const errorOf = (testId: string): string =>
    textOf(
      byTestId(testId)?.closest('mat-form-field')?.querySelector('mat-error'),
    );

  async function chooseType(label: string): Promise<void> {
    byTestId('document-type')!.click();
    await settle();
    const option = [
      ...document.querySelectorAll<HTMLElement>('mat-option'),
    ].find((candidate) => textOf(candidate) === label);
    option!.click();
    await settle();
  }

  async function pick(...names: string[]): Promise<void> {
    const input = byTestId('document-file-input') as HTMLInputElement;
    const files = names.map(
      (name) => new File(['%PDF-1.7'], name, { type: 'application/pdf' }),
    );
    Object.defineProperty(input, 'files', {
      value: files,
      configurable: true,
    });
    input.dispatchEvent(new Event('change'));
    await settle();
  }

  async function submit(): Promise<void> {
    byTestId('upload-submit')!.click();
    await settle();
  }

  it('asks for a file, then for the type, before sending anything', async () => {
    await submit();
    expect(textOf(byTestId('upload-error'))).toBe(
      "Choisissez d'abord au moins un fichier (ou prenez une photo).",
    );

    await pick('permis.pdf');
    expect(textOf(byTestId('upload-file'))).toContain('Prêt à envoyer');
    await submit();
    expect(textOf(byTestId('upload-error'))).toBe('');
    expect(errorOf('document-type')).toBe('Ce champ est obligatoire.');
    http.expectNone(DOSSIER_DOCUMENTS);
  });

  it('checks the validity dates as they are typed: a real day, the end not before the start', async () => {
    await chooseType('Autorisation de travail');
    await pick('permis.pdf');
    typeInto(byTestId('document-valid-from'), '31/02/2027');
    typeInto(byTestId('document-valid-until'), '01/01/2026');
    await settle();
    expect(errorOf('document-valid-from')).toBe(
      'Date attendue au format jj/mm/aaaa.',
    );

    typeInto(byTestId('document-valid-from'), '01/09/2026');
    await settle();
    expect(textOf(byTestId('document-date-range'))).toBe(
      'La fin de validité est avant son début.',
    );
    await submit();
    http.expectNone(DOSSIER_DOCUMENTS);
  });

  it('keeps everything typed when the API refuses a file, shows why next to it, and sends it again', async () => {
    await chooseType('Autorisation de travail');
    await pick('virus.pdf');
    typeInto(byTestId('document-reference'), 'AT-47-0013');
    typeInto(byTestId('document-valid-until'), '01/09/2027');
    await settle();
    await submit();

    const request = http.expectOne(DOSSIER_DOCUMENTS);
    const body = request.request.body as FormData;
    expect(body.get('validUntil')).toBe('2027-09-01');
    request.flush(
      {
        statusCode: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Fichier refusé.',
        details: [
          {
            field: 'file',
            rule: 'DOCUMENT_EXECUTABLE',
            message: 'Ce fichier est un programme, pas un PDF.',
          },
        ],
      },
      { status: 415, statusText: 'Unsupported Media Type' },
    );
    await settle();

    expect(byTestId('upload-file')?.dataset['status']).toBe('refused');
    expect(textOf(byTestId('upload-refusal'))).toBe(
      'Ce fichier est un programme, pas un PDF.',
    );
    expect((byTestId('document-reference') as HTMLInputElement).value).toBe(
      'AT-47-0013',
    );
    expect((byTestId('document-valid-until') as HTMLInputElement).value).toBe(
      '01/09/2027',
    );
    expect(uploaded).toBe(0);

    await submit();
    http
      .expectOne(DOSSIER_DOCUMENTS)
      .flush(uploadAnswer(documentItem('doc-1')));
    await settle();
    expect(byTestId('upload-file')?.dataset['status']).toBe('done');
    expect(uploaded).toBe(1);
    // Everything sent: reference and dates are cleared for the next paper.
    expect((byTestId('document-reference') as HTMLInputElement).value).toBe('');
  });

  it('sends a passport to the worker unless told to keep it on this dossier', async () => {
    await chooseType('Passeport');
    expect(byTestId('document-to-worker')).not.toBeNull();
    await pick('passeport.jpg');
    await submit();
    http
      .expectOne(WORKER_DOCUMENTS)
      .flush(uploadAnswer(documentItem('doc-p', { type: 'passport' })));
    await settle();

    await pick('passeport-verso.jpg');
    byTestId('document-to-worker')!.querySelector('input')!.click();
    await settle();
    await submit();
    http
      .expectOne(DOSSIER_DOCUMENTS)
      .flush(uploadAnswer(documentItem('doc-q', { type: 'passport' })));
  });

  it("offers to copy an uploaded work permit's number and dates into the dossier, and sends the API's request as it is", async () => {
    await chooseType('Autorisation de travail');
    await pick('permis.pdf');
    await submit();
    http
      .expectOne(DOSSIER_DOCUMENTS)
      .flush(uploadAnswer(documentItem('doc-1'), permitSuggestion()));
    await settle();

    const suggestion = byTestId('permit-suggestion');
    expect(textOf(suggestion)).toContain('AT-47-0013');
    expect(textOf(suggestion)).toContain('01/09/2026');
    expect(textOf(suggestion)).toContain('01/09/2027');

    byTestId('permit-apply')!.click();
    const step = http.expectOne('/api/employers/e-1/dossiers/d-1/transitions');
    expect(step.request.method).toBe('POST');
    expect(step.request.body).toEqual({
      to: 'AT_GRANTED',
      data: {
        permitNumber: 'AT-47-0013',
        grantDate: '2026-09-01',
        validUntil: '2027-09-01',
      },
    });
    step.flush({ id: 'd-1', permitNumber: 'AT-47-0013' });
    await settle();

    expect(changed).toEqual([{ id: 'd-1', permitNumber: 'AT-47-0013' }]);
    expect(byTestId('permit-suggestion')).toBeNull();
    expect(byTestId('permit-applied')).not.toBeNull();
  });
  it('only says why when there is nothing to copy into the dossier, and forgets it with the next files', async () => {
    await chooseType('Autorisation de travail');
    await pick('permis.pdf');
    await submit();
    http.expectOne(DOSSIER_DOCUMENTS).flush(
      uploadAnswer(
        documentItem('doc-1'),
        permitSuggestion({
          apply: null,
          reason: {
            fr: 'Le dossier a déjà une autorisation de travail enregistrée.',
            en: 'The dossier already has a work permit recorded.',
          },
        }),
      ),
    );
    await settle();

    expect(byTestId('permit-apply')).toBeNull();
    expect(textOf(byTestId('permit-note'))).toBe(
      'Le dossier a déjà une autorisation de travail enregistrée.',
    );
    await pick('page-2.pdf');
    expect(byTestId('permit-note')).toBeNull();
  });
  it('takes the files dropped on the zone, several at once', async () => {
    const zone = byTestId('document-drop-zone')!;
    const over = new Event('dragover', { cancelable: true });
    Object.defineProperty(over, 'dataTransfer', { value: { dropEffect: '' } });
    zone.dispatchEvent(over);
    await settle();
    expect(over.defaultPrevented).toBe(true);
    expect(zone.classList).toContain('over');

    const drop = new Event('drop', { cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', {
      value: {
        files: [
          new File(['%PDF-1.7'], 'page-1.pdf', { type: 'application/pdf' }),
          new File(['%PDF-1.7'], 'page-2.pdf', { type: 'application/pdf' }),
        ],
      },
    });
    zone.dispatchEvent(drop);
    await settle();

    expect(drop.defaultPrevented).toBe(true);
    expect(zone.classList).not.toContain('over');
    expect(
      [...element().querySelectorAll('[data-testid="upload-file"]')].map(
        (row) => row.querySelector('.file-name')?.textContent,
      ),
    ).toEqual(['page-1.pdf', 'page-2.pdf']);
    expect(textOf(byTestId('upload-submit'))).toBe('Envoyer (2)');
  });
});
