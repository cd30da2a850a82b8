import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ApiErrorBody,
  HealthResponse,
  WorkerProbeResponse,
} from '@moisson/contract';
import { provideTestI18n } from '../../../testing/provide-test-i18n';
import { apiErrorInterceptor } from '../../core/http/api-error.interceptor';
import { LanguageService } from '../../core/i18n/language.service';
import { StatusPageComponent } from './status-page.component';
import { HEALTH_URL, WORKER_PROBES_URL } from './system-status.service';

const allOk: HealthResponse = {
  status: 'ok',
  version: '1.4.0',
  checkedAt: '2026-03-29T01:30:00Z',
  checks: {
    api: { status: 'ok', latencyMs: 0 },
    database: { status: 'ok', latencyMs: 3 },
    redis: { status: 'ok', latencyMs: 1 },
  },
};

const redisDown: HealthResponse = {
  ...allOk,
  status: 'degraded',
  checks: {
    ...allOk.checks,
    redis: {
      status: 'down',
      latencyMs: 2001,
      error:
        'Redis did not answer within 2000 ms at localhost:6379. Start Redis or check REDIS_URL.',
    },
  },
};

const queuedProbe: WorkerProbeResponse = {
  id: 'probe-1',
  status: 'queued',
  requestedAt: '2026-03-29T01:30:00.000Z',
  processedAt: null,
  processedBy: null,
};

describe('StatusPageComponent', () => {
  let fixture: ComponentFixture<StatusPageComponent>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        ...provideTestI18n(),
      ],
    });
    fixture = TestBed.createComponent(StatusPageComponent);
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
  });

  afterEach(() => {
    jest.useRealTimers();
    http.verify();
  });

  const byTestId = (testId: string): HTMLElement | null =>
    (fixture.nativeElement as HTMLElement).querySelector(
      `[data-testid="${testId}"]`,
    );
  const text = (testId: string): string =>
    byTestId(testId)
      ?.textContent?.replace(/[ \t\r\n]+/g, ' ')
      .trim() ?? '';
  const pageText = (): string =>
    ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(
      /[ \t\r\n]+/g,
      ' ',
    );

  async function answerHealth(
    body: HealthResponse,
    status = 200,
  ): Promise<void> {
    http.expectOne({ method: 'GET', url: HEALTH_URL }).flush(body, {
      status,
      statusText: status === 200 ? 'OK' : 'Service Unavailable',
    });
    await fixture.whenStable();
  }

  it('says it is checking until the API answers', () => {
    expect(pageText()).toContain('Vérification en cours…');
    expect(byTestId('status-api')).toBeNull();
    http.expectOne(HEALTH_URL);
  });

  it('shows the API, the database and Redis as ok, with their latency and when they were checked', async () => {
    await answerHealth(allOk);

    expect(text('status-summary')).toBe('Tout fonctionne.');
    expect(text('status-api')).toBe('API ok 0 ms');
    expect(text('status-database')).toBe('Base de données (Postgres) ok 3 ms');
    expect(text('status-redis')).toBe('Redis ok 1 ms');
    // 01:30 UTC on the night of the change to summer time is 03:30 in Paris.
    expect(pageText()).toContain(
      'Vérifié le 29/03/2026 à 03:30 (heure de Paris)',
    );
  });

  it('reads a 503 answer as the report it is: the component that is down, and why', async () => {
    await answerHealth(redisDown, 503);

    expect(text('status-summary')).toContain(
      'au moins un composant est en panne',
    );
    expect(text('status-api')).toContain('ok');
    expect(text('status-database')).toContain('ok');
    const redis = text('status-redis');
    expect(redis).toContain('en panne');
    expect(redis).not.toContain('ok');
    // French number formatting of the latency.
    expect(redis).toContain('2\u202f001 ms');
    expect(redis).toContain(
      'Redis did not answer within 2000 ms at localhost:6379. Start Redis or check REDIS_URL.',
    );
    expect(byTestId('status-redis')?.getAttribute('data-state')).toBe('down');
    expect(byTestId('status-error')).toBeNull();
  });

  it('says plainly that the API cannot be reached when nothing answers', async () => {
    http
      .expectOne(HEALTH_URL)
      .error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await fixture.whenStable();

    expect(text('status-error')).toBe(
      "L'API ne répond pas Impossible de joindre l'API. Vérifiez qu'elle est démarrée et que votre connexion fonctionne, puis cliquez sur «\u00a0Rafraîchir\u00a0».",
    );
    expect(byTestId('status-api')).toBeNull();
    expect(pageText()).not.toMatch(/HttpErrorResponse|ProgressEvent|undefined/);
  });

  it('treats a proxy answering 502 for a stopped API as unreachable', async () => {
    http
      .expectOne(HEALTH_URL)
      .flush('Bad Gateway', { status: 502, statusText: 'Bad Gateway' });
    await fixture.whenStable();

    expect(text('status-error')).toContain("L'API ne répond pas");
  });

  it("shows the API's own error message and reference when it answers with an error", async () => {
    const body: ApiErrorBody = {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Le contrôle de santé a échoué de façon inattendue.',
      requestId: 'req-42',
    };
    http
      .expectOne(HEALTH_URL)
      .flush(body, { status: 500, statusText: 'Internal Server Error' });
    await fixture.whenStable();

    expect(text('status-error')).toBe(
      'La vérification a échoué Le contrôle de santé a échoué de façon inattendue. (référence\u00a0: req-42)',
    );
  });

  it('checks again when « Rafraîchir » is clicked, and shows the new state', async () => {
    await answerHealth(redisDown, 503);
    const refresh = byTestId('status-refresh') as HTMLButtonElement;
    expect(refresh.textContent?.trim()).toBe('Rafraîchir');

    refresh.click();
    await fixture.whenStable();
    expect(refresh.disabled).toBe(true);
    await answerHealth(allOk);

    expect(refresh.disabled).toBe(false);
    expect(text('status-redis')).toContain('ok');
    expect(text('status-summary')).toBe('Tout fonctionne.');
  });

  it('replaces a stale "ok" with the unreachable message when the API stops answering', async () => {
    await answerHealth(allOk);
    (byTestId('status-refresh') as HTMLButtonElement).click();
    http.expectOne(HEALTH_URL).error(new ProgressEvent('error'), { status: 0 });
    await fixture.whenStable();

    expect(byTestId('status-api')).toBeNull();
    expect(text('status-error')).toContain("L'API ne répond pas");
  });

  it('is in English once the language is switched', async () => {
    await answerHealth(redisDown, 503);
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();

    expect(pageText()).toContain('System status');
    expect(text('status-redis')).toContain('down');
    expect(text('status-redis')).toContain('2,001 ms');
    // Same dd/mm/yyyy and Paris time whatever the language.
    expect(pageText()).toContain('Checked on 29/03/2026 at 03:30 (Paris time)');
  });

  describe('worker test', () => {
    beforeEach(async () => {
      await answerHealth(allOk);
      jest.useFakeTimers({ now: new Date('2026-03-29T01:30:00.000Z') });
    });

    function clickTestWorker(): HTMLButtonElement {
      const button = byTestId('worker-probe-button') as HTMLButtonElement;
      expect(button.textContent?.trim()).toBe('Tester le worker');
      button.click();
      return button;
    }

    it('queues a probe, polls it every 300 ms and shows the round trip once the worker is done', async () => {
      const button = clickTestWorker();
      http
        .expectOne({ method: 'POST', url: WORKER_PROBES_URL })
        .flush(queuedProbe, { status: 201, statusText: 'Created' });
      await jest.advanceTimersByTimeAsync(0);
      expect(button.disabled).toBe(true);
      expect(text('worker-probe-running')).toBe('Test en cours…');

      await jest.advanceTimersByTimeAsync(299);
      http.expectNone(`${WORKER_PROBES_URL}/probe-1`);
      await jest.advanceTimersByTimeAsync(1);
      http
        .expectOne({ method: 'GET', url: `${WORKER_PROBES_URL}/probe-1` })
        .flush(queuedProbe);

      await jest.advanceTimersByTimeAsync(300);
      http.expectOne(`${WORKER_PROBES_URL}/probe-1`).flush({
        ...queuedProbe,
        status: 'done',
        processedAt: '2026-03-29T01:30:00.042Z',
        processedBy: 'worker-host:4242',
      });
      await jest.advanceTimersByTimeAsync(0);

      expect(text('worker-probe-result')).toBe(
        'Aller-retour réussi en 42 ms traité par worker-host:4242',
      );
      expect(button.disabled).toBe(false);
      // No more polling once done.
      await jest.advanceTimersByTimeAsync(3000);
      http.expectNone(`${WORKER_PROBES_URL}/probe-1`);
    });

    it('gives up after 15 s and says what to check when the worker never processes the probe', async () => {
      clickTestWorker();
      http
        .expectOne({ method: 'POST', url: WORKER_PROBES_URL })
        .flush(queuedProbe, { status: 201, statusText: 'Created' });

      for (let elapsed = 0; elapsed < 14_700; elapsed += 300) {
        await jest.advanceTimersByTimeAsync(300);
        http.expectOne(`${WORKER_PROBES_URL}/probe-1`).flush(queuedProbe);
      }
      expect(byTestId('worker-probe-error')).toBeNull();
      await jest.advanceTimersByTimeAsync(300);
      // Let the page render (the zoneless scheduler waits for the next timer/frame).
      await jest.advanceTimersByTimeAsync(20);

      // Polling stopped at 15 s.
      http.expectNone(`${WORKER_PROBES_URL}/probe-1`);
      expect(text('worker-probe-error')).toBe(
        "Le worker n'a pas traité la tâche de test en 15 s. Vérifiez qu'il est démarré et qu'il est relié à Redis.",
      );
      expect(byTestId('worker-probe-result')).toBeNull();
      expect(
        (byTestId('worker-probe-button') as HTMLButtonElement).disabled,
      ).toBe(false);
    });

    it('shows the API error when the probe cannot be queued', async () => {
      clickTestWorker();
      const body: ApiErrorBody = {
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: 'La file de tâches (Redis) est indisponible.',
      };
      http.expectOne({ method: 'POST', url: WORKER_PROBES_URL }).flush(body, {
        status: 503,
        statusText: 'Service Unavailable',
      });
      await jest.advanceTimersByTimeAsync(0);

      expect(text('worker-probe-error')).toBe(
        'La file de tâches (Redis) est indisponible.',
      );
    });

    it('asks to sign in, with a link back to this page, when the API wants a signed-in user', async () => {
      clickTestWorker();
      http.expectOne({ method: 'POST', url: WORKER_PROBES_URL }).flush(
        {
          statusCode: 401,
          code: 'UNAUTHENTICATED',
          message: 'Authentication required.',
        } satisfies ApiErrorBody,
        { status: 401, statusText: 'Unauthorized' },
      );
      await jest.advanceTimersByTimeAsync(0);

      expect(text('worker-probe-error')).toBe(
        'Connectez-vous pour tester le worker. Connexion',
      );
      expect(byTestId('worker-probe-sign-in')?.getAttribute('href')).toBe(
        '/sign-in?returnUrl=%2Fstatus',
      );
      expect(
        (byTestId('worker-probe-button') as HTMLButtonElement).disabled,
      ).toBe(false);
    });
  });
});
