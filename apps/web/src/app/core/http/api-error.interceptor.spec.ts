import {
  HttpClient,
  HttpErrorResponse,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from './api-error.interceptor';
import { ApiRequestError } from './api-request-error';
import { describeError } from './describe-error';

describe('apiErrorInterceptor', () => {
  let client: HttpClient;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    client = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function failureOf(
    url: string,
    answer: (http: HttpTestingController) => void,
  ): Promise<unknown> {
    const result = firstValueFrom(client.get(url)).then(
      () => new Error('expected the request to fail'),
      (error: unknown) => error,
    );
    answer(http);
    return result;
  }

  it("keeps the API's message, code and request id for the person reading it", async () => {
    const error = await failureOf('/api/dossiers/42', (ctl) =>
      ctl.expectOne('/api/dossiers/42').flush(
        {
          statusCode: 404,
          code: 'NOT_FOUND',
          message: 'Ce dossier est introuvable.',
          requestId: 'req-7',
        },
        { status: 404, statusText: 'Not Found' },
      ),
    );

    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).kind).toBe('api');
    expect((error as ApiRequestError).apiError?.code).toBe('NOT_FOUND');
    expect(describeError(error)).toEqual({
      key: 'errors.apiWithReference',
      params: { message: 'Ce dossier est introuvable.', requestId: 'req-7' },
    });
  });

  it('calls a network failure "unreachable"', async () => {
    const error = await failureOf('/api/health', (ctl) =>
      ctl
        .expectOne('/api/health')
        .error(new ProgressEvent('error'), { status: 0 }),
    );

    expect(describeError(error)).toEqual({ key: 'errors.unreachable' });
  });

  it('calls an answer that is not an API error body "unexpected", with its status', async () => {
    const error = await failureOf('/api/health', (ctl) =>
      ctl.expectOne('/api/health').flush('<html>Forbidden</html>', {
        status: 403,
        statusText: 'Forbidden',
      }),
    );

    expect(describeError(error)).toEqual({
      key: 'errors.unexpected',
      params: { status: 403 },
    });
  });

  it('leaves requests outside /api alone (e.g. translation files)', async () => {
    const error = await failureOf('i18n/fr.json', (ctl) =>
      ctl
        .expectOne('i18n/fr.json')
        .flush('missing', { status: 404, statusText: 'Not Found' }),
    );

    expect(error).toBeInstanceOf(HttpErrorResponse);
  });
});
