import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { SessionEntity } from '../../modules/auth/entities/session.entity';
import type { UserEntity } from '../../modules/users/entities/user.entity';

/** Who is calling: set on the request by the AuthGuard. */
export interface AuthContext {
  user: UserEntity;
  session: SessionEntity;
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

type AuthRequest = FastifyRequest & { auth?: AuthContext };

export function authOf(request: FastifyRequest): AuthContext | undefined {
  return (request as AuthRequest).auth;
}

export function setAuth(
  request: FastifyRequest,
  auth: AuthContext | undefined,
): void {
  (request as AuthRequest).auth = auth;
}

/** The signed-in caller (routes that require a permission always have one). */
export const CurrentAuth = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthContext => {
    const auth = authOf(ctx.switchToHttp().getRequest<FastifyRequest>());
    if (!auth)
      throw new Error('CurrentAuth used on a route without a signed-in user');
    return auth;
  },
);

/** The signed-in caller when there is one (public routes). */
export const OptionalAuth = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthContext | undefined =>
    authOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);

/** The caller's IP address and user agent, for sessions and the audit log. */
export const ClientMeta = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestMeta => {
    const request = ctx.switchToHttp().getRequest<FastifyRequest>();
    const ua = request.headers['user-agent'];
    return {
      ip: request.ip ?? null,
      userAgent: typeof ua === 'string' ? ua.slice(0, 512) : null,
    };
  },
);
