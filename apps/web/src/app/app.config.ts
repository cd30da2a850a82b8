import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { appRoutes } from './app.routes';
import { provideSession } from './core/auth/provide-session';
import { provideAppHttp } from './core/http/provide-app-http';
import { provideAppI18n } from './core/i18n/provide-app-i18n';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideAppHttp(),
    // Route params and query params (`:id`, `?returnUrl=`) arrive as the pages' inputs.
    provideRouter(appRoutes, withComponentInputBinding()),
    ...provideAppI18n(),
    provideSession(),
  ],
};
