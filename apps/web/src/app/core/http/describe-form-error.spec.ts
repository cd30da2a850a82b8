import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { ApiRequestError } from './api-request-error';
import { describeError, describeFormError } from './describe-error';
import { retryAfterInstant } from './retry-after';

function apiFailure(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): ApiRequestError {
  return ApiRequestError.fromHttpErrorResponse(
    new HttpErrorResponse({
      status,
      error: { statusCode: status, code, message, requestId: 'req-9' },
      headers: new HttpHeaders(headers),
    }),
  );
}

describe('describeFormError', () => {
  const now = Date.parse('2026-03-29T13:27:00Z'); // 15:27 in Paris

  it("gives a 4xx refusal as the API's message alone (no support reference)", () => {
    expect(
      describeFormError(apiFailure(409, 'CONFLICT', 'Ce SIRET existe déjà.')),
    ).toEqual({
      key: 'errors.api',
      params: { message: 'Ce SIRET existe déjà.' },
    });
  });

  it('keeps the reference for server errors', () => {
    expect(
      describeFormError(apiFailure(500, 'INTERNAL_ERROR', 'Erreur interne.')),
    ).toEqual({
      key: 'errors.apiWithReference',
      params: { message: 'Erreur interne.', requestId: 'req-9' },
    });
  });

  it('says at what Paris time to retry after a 429, from Retry-After seconds', () => {
    expect(
      describeFormError(
        apiFailure(429, 'TOO_MANY_REQUESTS', 'Slow down.', {
          'Retry-After': '900',
        }),
        now,
      ),
    ).toEqual({ key: 'errors.tooManyAttempts', params: { time: '15:42' } });
  });

  it('reads Retry-After given as an HTTP date too', () => {
    expect(
      describeFormError(
        apiFailure(429, 'TOO_MANY_REQUESTS', 'Slow down.', {
          'Retry-After': 'Sun, 29 Mar 2026 14:00:00 GMT',
        }),
        now,
      ),
    ).toEqual({ key: 'errors.tooManyAttempts', params: { time: '16:00' } });
  });

  it("falls back to the API's message when a 429 has no Retry-After", () => {
    expect(
      describeFormError(
        apiFailure(429, 'TOO_MANY_REQUESTS', 'Trop de tentatives.'),
        now,
      ),
    ).toEqual({
      key: 'errors.api',
      params: { message: 'Trop de tentatives.' },
    });
  });

  it('asks to reload the page when the XSRF token was refused', () => {
    const csrf = apiFailure(403, 'CSRF_REJECTED', 'Invalid CSRF token.');
    expect(describeFormError(csrf)).toEqual({ key: 'errors.csrfRejected' });
    expect(describeError(csrf)).toEqual({ key: 'errors.csrfRejected' });
  });
});

describe('retryAfterInstant', () => {
  it('adds seconds to now, reads dates, ignores the rest', () => {
    expect(retryAfterInstant('60', 0)?.getTime()).toBe(60_000);
    expect(
      retryAfterInstant('Thu, 01 Jan 1970 00:02:00 GMT', 0)?.getTime(),
    ).toBe(120_000);
    expect(retryAfterInstant(null)).toBeNull();
    expect(retryAfterInstant('soon')).toBeNull();
  });
});
