import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { NoteResponse } from '@moisson/contract';
import {
  givenSession,
  provideTestApp,
  textOf,
  typeInto,
} from '../../../../testing/provide-test-app';
import {
  apiError,
  sessionOf,
  status,
} from '../../../../testing/session-fixtures';
import { NotesPanelComponent } from './notes-panel.component';

const DOSSIER_NOTES = '/api/employers/e-1/dossiers/d-1/notes';
const NOTES = '/api/employers/e-1/notes';

function note(id: string, over: Partial<NoteResponse> = {}): NoteResponse {
  return {
    id,
    employerId: 'e-1',
    dossierId: 'd-1',
    visibility: 'shared',
    body: 'Relance envoyée à l’OFII Casablanca.',
    author: { id: 'u-staff', fullName: 'Julien Leroy' },
    createdAt: '2026-03-28T09:15:00Z',
    updatedAt: '2026-03-28T09:15:00Z',
    edited: false,
    ...over,
  };
}

describe('NotesPanelComponent', () => {
  let fixture: ComponentFixture<NotesPanelComponent>;
  let http: HttpTestingController;

  async function render(
    role: 'firm_staff' | 'employer_owner',
    dossierId: string | null,
  ): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    givenSession(sessionOf(role));
    fixture = TestBed.createComponent(NotesPanelComponent);
    fixture.componentRef.setInput('employerId', 'e-1');
    fixture.componentRef.setInput('dossierId', dossierId);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) =>
    element().querySelector<HTMLElement>(`[data-testid="${id}"]`);

  it('lets firm staff add a note shared with the employer on a dossier, shown at the top', async () => {
    await render('firm_staff', 'd-1');
    http
      .expectOne(DOSSIER_NOTES)
      .flush([
        note('n-1', { visibility: 'internal', body: 'Appeler le gérant.' }),
      ]);
    await fixture.whenStable();
    expect(textOf(byTestId('note'))).toContain('Interne');

    typeInto(
      element().querySelector('[data-testid="note-body"]'),
      '  Convocation attendue fin avril.  ',
    );
    byTestId('note-shared')?.querySelector('input')?.click();
    await fixture.whenStable();
    byTestId('note-add')?.click();
    await fixture.whenStable();
    const post = http.expectOne({ method: 'POST', url: NOTES });
    expect(post.request.body).toEqual({
      body: 'Convocation attendue fin avril.',
      visibility: 'shared',
      dossierId: 'd-1',
    });
    post.flush(note('n-2', { body: 'Convocation attendue fin avril.' }));
    await fixture.whenStable();

    const notes = [...element().querySelectorAll('[data-testid="note"]')];
    expect(notes.map((n) => n.getAttribute('data-visibility'))).toEqual([
      'shared',
      'internal',
    ]);
    expect(textOf(notes[0])).toContain('Convocation attendue fin avril.');
    expect(textOf(notes[0])).toContain('28/03/2026 10:15');
    expect(
      (
        element().querySelector(
          '[data-testid="note-body"]',
        ) as HTMLTextAreaElement
      ).value,
    ).toBe('');
    // Cleared as new: no "required" error under the empty field.
    expect(element().querySelector('mat-error')).toBeNull();
  });

  it('keeps the text and shows the refusal when the API says no', async () => {
    await render('firm_staff', null);
    const list = http.expectOne((r) => r.url === NOTES);
    expect(list.request.params.get('dossierId')).toBe('none');
    list.flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(byTestId('notes-empty')).not.toBeNull();

    typeInto(
      element().querySelector('[data-testid="note-body"]'),
      'Dossier à surveiller.',
    );
    byTestId('note-add')?.click();
    await fixture.whenStable();
    const post = http.expectOne({ method: 'POST', url: NOTES });
    expect(post.request.body.dossierId).toBeNull();
    post.flush(
      apiError(400, 'VALIDATION_FAILED', 'La note est trop longue.'),
      status(400),
    );
    await fixture.whenStable();
    expect(textOf(byTestId('note-error'))).toContain(
      'La note est trop longue.',
    );
    expect(
      (
        element().querySelector(
          '[data-testid="note-body"]',
        ) as HTMLTextAreaElement
      ).value,
    ).toBe('Dossier à surveiller.');
  });

  it('shows employer users the shared notes read-only, and nothing at all when there is none', async () => {
    await render('employer_owner', 'd-1');
    http.expectOne(DOSSIER_NOTES).flush([note('n-1')]);
    await fixture.whenStable();
    expect(textOf(byTestId('notes-panel'))).toContain('Relance envoyée');
    expect(byTestId('note-form')).toBeNull();
    expect(byTestId('note-edit')).toBeNull();
    expect(byTestId('note-delete')).toBeNull();
    // The visibility badge is the firm's business.
    expect(textOf(byTestId('note'))).not.toContain('Partagée');

    fixture.componentRef.setInput('dossierId', 'd-2');
    await fixture.whenStable();
    http.expectOne('/api/employers/e-1/dossiers/d-2/notes').flush([]);
    await fixture.whenStable();
    expect(byTestId('notes-panel')).toBeNull();
  });
});
