import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, provideRouter } from '@angular/router';
import { HealthResponse } from '@moisson/contract';
import { provideTestApp } from '../testing/provide-test-app';
import { provideTestI18n } from '../testing/provide-test-i18n';
import { sessionOf } from '../testing/session-fixtures';
import { App } from './app';
import { appRoutes } from './app.routes';
import { SESSION_URL } from './core/auth/auth.service';
import { provideSession } from './core/auth/provide-session';
import { apiErrorInterceptor } from './core/http/api-error.interceptor';
import { LANGUAGE_STORAGE_KEY } from './core/i18n/app-language';
import { HEALTH_URL } from './features/system-status/system-status.service';

const health: HealthResponse = {
  status: 'ok',
  version: '1.4.0',
  checkedAt: '2026-03-29T01:30:00Z',
  checks: {
    api: { status: 'ok', latencyMs: 0 },
    database: { status: 'ok', latencyMs: 3 },
    redis: { status: 'ok', latencyMs: 1 },
  },
};

describe('App shell', () => {
  let fixture: ComponentFixture<App>;
  let http: HttpTestingController;

  async function start(url = '/'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter(appRoutes),
        ...provideTestI18n(),
      ],
    });
    fixture = TestBed.createComponent(App);
    http = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl(url);
    await fixture.whenStable();
  }

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (testId: string): HTMLElement =>
    element().querySelector(`[data-testid="${testId}"]`) as HTMLElement;
  const text = (selector: string): string =>
    element()
      .querySelector(selector)
      ?.textContent?.replace(/[ \t\r\n]+/g, ' ')
      .trim() ?? '';
  const flushHealth = async (): Promise<void> => {
    for (const request of http.match(HEALTH_URL)) {
      request.flush(health);
    }
    await fixture.whenStable();
  };
  const clickLanguage = async (code: 'fr' | 'en'): Promise<void> => {
    (
      byTestId(`language-${code}`).querySelector('button') as HTMLButtonElement
    ).click();
    await fixture.whenStable();
  };

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  afterEach(() => http.verify());

  it('opens in French, with the product name, the navigation and the welcome text', async () => {
    await start();
    await flushHealth();

    expect(document.documentElement.lang).toBe('fr');
    expect(text('header .brand')).toBe('Moisson');
    expect(text('[data-testid="nav-home"]')).toBe('Accueil');
    expect(text('[data-testid="nav-status"]')).toBe('État du système');
    expect(text('h1')).toBe('Bienvenue sur Moisson');
    expect(TestBed.inject(Title).getTitle()).toBe('Accueil · Moisson');
  });

  it('shows the version reported by the API in the footer', async () => {
    await start();
    expect(text('[data-testid="app-version"]')).toBe('Version inconnue');

    await flushHealth();
    expect(text('[data-testid="app-version"]')).toBe('Version 1.4.0');
  });

  it('switches every text to English, sets <html lang="en"> and remembers the choice', async () => {
    await start();
    await flushHealth();

    await clickLanguage('en');

    expect(text('[data-testid="nav-status"]')).toBe('System status');
    expect(text('h1')).toBe('Welcome to Moisson');
    expect(text('[data-testid="app-version"]')).toBe('Version 1.4.0');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(TestBed.inject(Title).getTitle()).toBe('Home · Moisson');
    expect(
      byTestId('language-en')
        .querySelector('button')
        ?.getAttribute('aria-checked'),
    ).toBe('true');

    await clickLanguage('fr');
    expect(text('h1')).toBe('Bienvenue sur Moisson');
    expect(document.documentElement.lang).toBe('fr');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
  });

  it('starts in the language chosen on a previous visit', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    await start('/status');
    await flushHealth();

    expect(document.documentElement.lang).toBe('en');
    expect(text('h1')).toBe('System status');
    expect(TestBed.inject(Title).getTitle()).toBe('System status · Moisson');
  });

  it('falls back to French when the stored language is not one the portal speaks', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');
    await start();
    await flushHealth();

    expect(document.documentElement.lang).toBe('fr');
    expect(text('h1')).toBe('Bienvenue sur Moisson');
  });

  it('opens and closes the phone menu, which lists the same pages', async () => {
    await start();
    await flushHealth();
    const toggle = byTestId('nav-menu-toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-label')).toBe('Ouvrir le menu');
    expect(element().querySelector('#moi-nav-menu')).toBeNull();

    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const menuLinks = [...element().querySelectorAll('#moi-nav-menu a')].map(
      (link) => link.textContent?.trim(),
    );
    expect(menuLinks).toEqual(['Accueil', 'État du système']);

    (
      element().querySelector(
        '#moi-nav-menu a[href="/status"]',
      ) as HTMLAnchorElement
    ).click();
    await fixture.whenStable();
    await flushHealth();
    expect(element().querySelector('#moi-nav-menu')).toBeNull();
    expect(text('h1')).toBe('État du système');
  });
});

describe('App shell with the session', () => {
  it('asks the API for the session as it starts, shows who is signed in, and leaves the home page for their dashboard', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [...provideTestApp(appRoutes), provideSession()],
    });
    const fixture = TestBed.createComponent(App);
    const http = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl('/');
    await fixture.whenStable();

    http
      .expectOne({ method: 'GET', url: SESSION_URL })
      .flush(sessionOf('employer_owner'));
    for (const request of http.match(HEALTH_URL)) {
      request.flush(health);
    }
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/tableau-de-bord');
    // The dashboard's own calls (its spec checks them).
    expect(
      http.match((request) =>
        request.url.startsWith('/api/employers/e-1/dossiers'),
      ).length,
    ).toBeGreaterThan(0);
    const element = fixture.nativeElement as HTMLElement;
    expect(
      element
        .querySelector('[data-testid="nav-user-name"]')
        ?.textContent?.trim(),
    ).toBe('Marie Dupont');
    expect(
      element.querySelector('[data-testid="nav-users"]')?.textContent?.trim(),
    ).toBe('Utilisateurs');
    expect(
      element
        .querySelector('[data-testid="footer-status"]')
        ?.getAttribute('href'),
    ).toBe('/status');
    http.verify();
  });
});
