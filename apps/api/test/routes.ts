import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  ROUTE_ACCESS,
  RouteAccess,
} from '../src/core/auth/route-access.decorator';
import { GLOBAL_PREFIX } from '../src/create-app';

export interface RouteInfo {
  method: string;
  /** e.g. /api/employers/:id/users */
  path: string;
  access: RouteAccess | undefined;
}

/** Every HTTP route of the application, read from the Nest router's own metadata (not a hand-kept list). */
export function listRoutes(app: NestFastifyApplication): RouteInfo[] {
  const discovery = app.get(DiscoveryService, { strict: false });
  const scanner = new MetadataScanner();
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const base = normalise(Reflect.getMetadata(PATH_METADATA, metatype));
    for (const name of scanner.getAllMethodNames(
      Object.getPrototypeOf(instance),
    )) {
      const handler = (instance as Record<string, unknown>)[name] as object;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as
        | RequestMethod
        | undefined;
      if (method === undefined) continue;
      const sub = normalise(Reflect.getMetadata(PATH_METADATA, handler));
      const path = `/${[GLOBAL_PREFIX, base, sub].filter(Boolean).join('/')}`;
      const access =
        (Reflect.getMetadata(ROUTE_ACCESS, handler) as
          | RouteAccess
          | undefined) ??
        (Reflect.getMetadata(ROUTE_ACCESS, metatype) as
          | RouteAccess
          | undefined);
      routes.push({ method: RequestMethod[method], path, access });
    }
  }
  return routes.sort((a, b) =>
    `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`),
  );
}

function normalise(path: string | string[] | undefined): string {
  const p = Array.isArray(path) ? path[0] : path;
  return (p ?? '').replace(/^\/+|\/+$/g, '');
}

export function describeAccess(access: RouteAccess | undefined): string {
  if (!access) return 'NONE (closed: declare a permission)';
  if (access.kind === 'public') return 'public';
  return access.allowPendingTotp
    ? `${access.permission} (also before two-factor)`
    : access.permission;
}
