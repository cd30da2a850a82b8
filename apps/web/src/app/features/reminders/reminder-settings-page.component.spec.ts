import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ReminderSettingsResponse } from '@moisson/contract';
import {
  givenSession,
  provideTestApp,
  textOf,
  typeInto,
} from '../../../testing/provide-test-app';
import { apiError, sessionOf, status } from '../../../testing/session-fixtures';
import { ReminderSettingsPageComponent } from './reminder-settings-page.component';

const URL = '/api/employers/e-1/reminder-settings';
const defaults: ReminderSettingsResponse = {
  employerId: 'e-1',
  convocationOverdueDays: 30,
  convocationRepeatDays: 14,
  language: 'fr',
  extraRecipients: [],
  customised: false,
  updatedAt: null,
};

describe('ReminderSettingsPageComponent (/employer/reminders)', () => {
  let fixture: ComponentFixture<ReminderSettingsPageComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    givenSession(sessionOf('employer_owner'));
    fixture = TestBed.createComponent(ReminderSettingsPageComponent);
    await fixture.whenStable();
    http.expectOne(URL).flush(defaults);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement | null =>
    element().querySelector(`[data-testid="${testId}"]`);
  const errors = (): string[] =>
    [...element().querySelectorAll('mat-error')].map(textOf);

  it("shows the owner's employer's settings, saying the defaults apply", () => {
    expect((byTestId('settings-overdue-days') as HTMLInputElement).value).toBe(
      '30',
    );
    expect((byTestId('settings-repeat-days') as HTMLInputElement).value).toBe(
      '14',
    );
    expect(textOf(byTestId('settings-origin'))).toBe(
      'Réglages par défaut en vigueur (30 jours, puis tous les 14 jours, en français).',
    );
    expect(textOf(element())).toContain(
      "Entre 7 et 180 jours après la transmission à l'OFII. À partir de ce délai, la convocation compte comme en retard partout",
    );
  });

  it('refuses values outside the bounds with the domain messages, and sends nothing', async () => {
    typeInto(byTestId('settings-overdue-days'), '3');
    typeInto(
      byTestId('settings-recipients'),
      'compta@ferme.fr\npas-une-adresse',
    );
    byTestId('settings-save')?.click();
    await fixture.whenStable();
    expect(errors()).toEqual([
      'Délai avant la première relance : un nombre entier de jours entre 7 et 180 est attendu (reçu : 3).',
      'Destinataires supplémentaires : « pas-une-adresse » n’est pas une adresse e-mail valide.',
    ]);
    http.expectNone(URL);
  });

  it('saves every field and shows what the API kept', async () => {
    typeInto(byTestId('settings-overdue-days'), '21');
    typeInto(byTestId('settings-repeat-days'), '7');
    typeInto(
      byTestId('settings-recipients'),
      'compta@ferme.fr\n\n  paie@ferme.fr ',
    );
    byTestId('settings-save')?.click();
    await fixture.whenStable();
    const request = http.expectOne(URL);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({
      convocationOverdueDays: 21,
      convocationRepeatDays: 7,
      language: 'fr',
      extraRecipients: ['compta@ferme.fr', 'paie@ferme.fr'],
    });
    request.flush({
      ...defaults,
      convocationOverdueDays: 21,
      convocationRepeatDays: 7,
      extraRecipients: ['compta@ferme.fr', 'paie@ferme.fr'],
      customised: true,
      updatedAt: '2026-04-02T08:15:00Z',
    });
    await fixture.whenStable();
    expect(textOf(byTestId('settings-saved'))).toBe('Réglages enregistrés.');
    expect(textOf(byTestId('settings-origin'))).toBe(
      'Réglages enregistrés le 02/04/2026 10:15.',
    );
    expect((byTestId('settings-recipients') as HTMLTextAreaElement).value).toBe(
      'compta@ferme.fr\npaie@ferme.fr',
    );
  });

  it("puts the API's refusal next to its field", async () => {
    byTestId('settings-save')?.click();
    await fixture.whenStable();
    http.expectOne(URL).flush(
      apiError(400, 'VALIDATION_FAILED', 'Données invalides.', {
        details: [
          {
            field: 'extraRecipients',
            message: 'Adresse refusée par le serveur.',
          },
        ],
      }),
      status(400),
    );
    await fixture.whenStable();
    expect(errors()).toEqual(['Adresse refusée par le serveur.']);
  });
});
