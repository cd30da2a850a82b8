import {
  EnvironmentProviders,
  inject,
  provideAppInitializer,
} from '@angular/core';
import { SessionStore } from './session.store';

/**
 * Asks for the session as the portal starts (which also gives the browser its XSRF cookie), without
 * holding the first render: public pages show at once, and the guards wait for the answer.
 */
export function provideSession(): EnvironmentProviders {
  return provideAppInitializer(() => {
    inject(SessionStore).ensureLoaded().subscribe();
  });
}
