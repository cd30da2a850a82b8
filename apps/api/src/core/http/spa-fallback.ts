import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * In production the API also serves the built web app: a browser GET of any non-API path that is not
 * a file answers the app's index.html, so deep links (/status, /dossiers/42) work after a reload.
 */
export class SpaFallback {
  private readonly indexHtml: string;

  constructor(webDistDir: string) {
    this.indexHtml = readFileSync(join(webDistDir, 'index.html'), 'utf8');
  }

  static tryCreate(webDistDir: string | undefined): SpaFallback | undefined {
    if (!webDistDir || !existsSync(join(webDistDir, 'index.html')))
      return undefined;
    return new SpaFallback(webDistDir);
  }

  handles(request: FastifyRequest): boolean {
    const path = request.url.split('?')[0];
    return (
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      path !== '/api' &&
      !/\.[a-z0-9]+$/i.test(path)
    );
  }

  send(reply: FastifyReply): void {
    void reply
      .status(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(this.indexHtml);
  }
}
