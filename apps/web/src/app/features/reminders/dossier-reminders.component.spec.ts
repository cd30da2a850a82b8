import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import {
  givenSession,
  provideTestApp,
  textOf,
} from '../../../testing/provide-test-app';
import { overdueView, reminderView } from '../../../testing/reminder-fixtures';
import { sessionOf, status } from '../../../testing/session-fixtures';
import { DossierRemindersComponent } from './dossier-reminders.component';

const URL = '/api/employers/e-1/dossiers/d-2/reminders';

describe('DossierRemindersComponent (dossier page card)', () => {
  let fixture: ComponentFixture<DossierRemindersComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    givenSession(sessionOf('employer_owner'));
    fixture = TestBed.createComponent(DossierRemindersComponent);
    fixture.componentRef.setInput('employerId', 'e-1');
    fixture.componentRef.setInput('dossierId', 'd-2');
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const all = (testId: string): HTMLElement[] => [
    ...element().querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`),
  ];

  it('lists the relances recorded and each reminder with its e-mails', async () => {
    http.expectOne(URL).flush({
      dossierId: 'd-2',
      relances: [
        { confirmedAt: '2026-03-30T14:05:00Z', ofiiOffice: 'casablanca' },
      ],
      reminders: [
        {
          ...overdueView(),
          deliveries: [
            {
              id: 'o-1',
              recipient: 'marie@vergers-du-lot.fr',
              status: 'sent',
              attempts: 1,
              sendAfter: '2026-03-28T06:00:00Z',
              sentAt: '2026-03-28T06:00:04Z',
              lastError: null,
            },
            {
              id: 'o-2',
              recipient: 'compta@vergers-du-lot.fr',
              status: 'failed',
              attempts: 5,
              sendAfter: '2026-03-28T06:00:00Z',
              sentAt: null,
              lastError: '550 mailbox unavailable',
            },
          ],
        },
      ],
    });
    await fixture.whenStable();
    expect(all('dossier-relance').map(textOf)).toEqual([
      'Relance envoyée à OFII Casablanca (Maroc) le 30/03/2026 16:05',
    ]);
    const [reminder] = all('dossier-reminder');
    expect(
      textOf(reminder.querySelector('[data-testid="reminder-kind"]')),
    ).toBe('Convocation OFII en retard : relance à envoyer');
    // On its own dossier page, the worker is not repeated.
    expect(
      reminder.querySelector('[data-testid="reminder-worker"]'),
    ).toBeNull();
    expect(all('dossier-reminder-delivery').map(textOf)).toEqual([
      'marie@vergers-du-lot.fr — Envoyé le 28/03/2026 07:00',
      "compta@vergers-du-lot.fr — Échec de l'envoi (28/03/2026 07:00) 550 mailbox unavailable",
    ]);
  });

  it('says when the dossier has had no reminder, and reads again when asked', async () => {
    http
      .expectOne(URL)
      .flush({ dossierId: 'd-2', relances: [], reminders: [] });
    await fixture.whenStable();
    expect(textOf(all('dossier-reminders-empty')[0])).toBe(
      'Aucun rappel pour ce dossier.',
    );
    fixture.componentRef.setInput('refreshKey', 2);
    await fixture.whenStable();
    http.expectOne(URL).flush({
      dossierId: 'd-2',
      relances: [],
      reminders: [{ ...reminderView(), deliveries: [] }],
    });
    await fixture.whenStable();
    expect(all('dossier-reminder')).toHaveLength(1);
  });

  it('shows an error the person can read', async () => {
    http.expectOne(URL).flush(null, status(500));
    await fixture.whenStable();
    expect(element().querySelector('[role="alert"]')).not.toBeNull();
  });
});
