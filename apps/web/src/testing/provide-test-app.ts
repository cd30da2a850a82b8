import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import {
  Route,
  provideRouter,
  withComponentInputBinding,
} from '@angular/router';
import { SessionResponse } from '@moisson/contract';
import { SessionStore } from '../app/core/auth/session.store';
import { provideAppHttp } from '../app/core/http/provide-app-http';
import { provideTestI18n } from './provide-test-i18n';

/**
 * What a page needs in a unit test: the portal's real HttpClient set-up (XSRF, interceptors) on
 * `HttpTestingController`, the router (with `routes`), and the real translations.
 */
export function provideTestApp(
  routes: Route[] = [],
): (Provider | EnvironmentProviders)[] {
  return [
    provideAppHttp(),
    provideHttpClientTesting(),
    provideRouter(routes, withComponentInputBinding()),
    ...provideTestI18n(),
    // Dialogs and menus open and close at once.
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ];
}

/** Puts a session in the store as if `GET /api/auth/session` had answered it (null: signed out). */
export function givenSession(session: SessionResponse | null): SessionStore {
  const store = TestBed.inject(SessionStore);
  if (session) {
    store.set(session);
  } else {
    store.clear();
  }
  return store;
}

/** The text of an element, spaces collapsed. */
export function textOf(element: Element | null | undefined): string {
  return element?.textContent?.replace(/[\s\u00a0]+/g, ' ').trim() ?? '';
}

/** Types into an input or textarea the way a person does (value, then input and blur events). */
export function typeInto(element: Element | null, value: string): void {
  const input = element as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
}
