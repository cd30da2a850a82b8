import {
  HttpClient,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { signal } from '@angular/core';
import { LanguageService } from '../i18n/language.service';
import { acceptLanguageInterceptor } from './accept-language.interceptor';

describe('acceptLanguageInterceptor', () => {
  const current = signal<'fr' | 'en'>('fr');

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([acceptLanguageInterceptor])),
        provideHttpClientTesting(),
        { provide: LanguageService, useValue: { current } },
      ],
    });
  });

  it('sends the language of the FR/EN switch to the API', () => {
    const http = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);
    current.set('en');
    http.get('/api/health').subscribe();
    expect(
      backend.expectOne('/api/health').request.headers.get('Accept-Language'),
    ).toBe('en');
    current.set('fr');
    http.post('/api/auth/login', {}).subscribe();
    expect(
      backend
        .expectOne('/api/auth/login')
        .request.headers.get('Accept-Language'),
    ).toBe('fr');
    http.get('i18n/fr.json').subscribe();
    expect(
      backend.expectOne('i18n/fr.json').request.headers.has('Accept-Language'),
    ).toBe(false);
    backend.verify();
  });
});
