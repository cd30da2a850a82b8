import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { API_ERROR_CODES, roleHasPermission } from '@moisson/contract';
import type { FastifyRequest } from 'fastify';
import { setAuth } from '../../core/auth/auth-context';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  SESSION_COOKIE,
} from '../../core/auth/cookies';
import {
  ROUTE_ACCESS,
  RouteAccess,
} from '../../core/auth/route-access.decorator';
import { safeEqual } from '../../core/auth/tokens';
import { ApiException } from '../../core/http/api-exception';
import { SessionService } from './services/session.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one global guard: every route must declare its access (Public or RequirePermission), every
 * state-changing request must carry the CSRF token, and the caller's role must grant the permission.
 * Which employer a caller may reach is checked by the services (AccessService): 404 for others' rows.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(
      ROUTE_ACCESS,
      [context.getHandler(), context.getClass()],
    );
    if (!access) {
      // A route without a declared permission is a programming error: refuse rather than expose it.
      throw new ApiException(403, API_ERROR_CODES.FORBIDDEN, {
        fr: 'Cette route ne déclare aucune permission : elle est fermée.',
        en: 'This route declares no permission and is closed.',
      });
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!SAFE_METHODS.has(request.method)) this.checkCsrf(request);

    // Only reads may reuse a session read moments ago (SessionService); any change reads it afresh.
    const auth = await this.sessions.authenticate(
      request.cookies?.[SESSION_COOKIE],
      { reuse: SAFE_METHODS.has(request.method) },
    );
    setAuth(request, auth);
    if (access.kind === 'public') return true;

    if (!auth) {
      throw new ApiException(401, API_ERROR_CODES.UNAUTHENTICATED, {
        fr: "Connectez-vous d'abord (votre session a peut-être expiré).",
        en: 'Sign in first (your session may have expired).',
      });
    }
    if (!auth.session.totpPassed && !access.allowPendingTotp) {
      throw new ApiException(
        403,
        API_ERROR_CODES.TOTP_REQUIRED,
        auth.user.totpEnabledAt
          ? {
              fr: "Saisissez le code de votre application d'authentification pour terminer la connexion.",
              en: 'Enter the code from your authenticator app to finish signing in.',
            }
          : {
              fr: 'Configurez la double authentification pour terminer la connexion.',
              en: 'Set up two-factor authentication to finish signing in.',
            },
      );
    }
    if (!roleHasPermission(auth.user.role, access.permission)) {
      throw new ApiException(403, API_ERROR_CODES.FORBIDDEN, {
        fr: "Votre compte n'est pas autorisé à faire cela.",
        en: 'Your account is not allowed to do this.',
      });
    }
    return true;
  }

  private checkCsrf(request: FastifyRequest): void {
    const cookie = request.cookies?.[CSRF_COOKIE];
    const header = request.headers[CSRF_HEADER];
    if (!cookie || typeof header !== 'string' || !safeEqual(cookie, header)) {
      throw new ApiException(403, API_ERROR_CODES.CSRF_REJECTED, {
        fr: 'Le jeton de sécurité de cette page est absent ou périmé : rechargez la page et réessayez.',
        en: 'The security token of this page is missing or out of date: reload the page and try again.',
      });
    }
  }
}
