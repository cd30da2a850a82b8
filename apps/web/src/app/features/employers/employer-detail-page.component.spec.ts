import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  givenSession,
  provideTestApp,
  textOf,
} from '../../../testing/provide-test-app';
import { apiError, sessionOf, status } from '../../../testing/session-fixtures';
import { appRoutes } from '../../app.routes';

describe('EmployerDetailPageComponent (/firm/employers/:id)', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp(appRoutes) });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  it('says "Introuvable" plainly for an employer that does not exist or is not open', async () => {
    givenSession(sessionOf('firm_staff'));
    await harness.navigateByUrl('/firm/employers/e-404');
    http
      .expectOne('/api/employers/e-404')
      .flush(apiError(404, 'NOT_FOUND', 'Introuvable.'), status(404));
    await harness.fixture.whenStable();

    const page = harness.routeNativeElement as HTMLElement;
    expect(textOf(page.querySelector('h1'))).toBe('Introuvable');
    expect(page.querySelector('[data-testid="employer-form"]')).toBeNull();
  });
});
