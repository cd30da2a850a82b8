import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { SpaFallback } from './spa-fallback';

const req = (method: string, url: string) =>
  ({ method, url }) as FastifyRequest;

describe('SpaFallback', () => {
  const dir = mkdtempSync(join(tmpdir(), 'moisson-web-'));
  writeFileSync(join(dir, 'index.html'), '<html>app</html>');

  it('is off when the web app is not built', () => {
    expect(SpaFallback.tryCreate(join(dir, 'missing'))).toBeUndefined();
    expect(SpaFallback.tryCreate(undefined)).toBeUndefined();
  });

  it('answers browser deep links but never API calls, other methods or missing files', () => {
    const spa = SpaFallback.tryCreate(dir) as SpaFallback;
    expect(spa.handles(req('GET', '/status'))).toBe(true);
    expect(spa.handles(req('GET', '/dossiers/42?tab=timeline'))).toBe(true);
    expect(spa.handles(req('GET', '/api/unknown'))).toBe(false);
    expect(spa.handles(req('GET', '/api'))).toBe(false);
    expect(spa.handles(req('POST', '/status'))).toBe(false);
    expect(spa.handles(req('GET', '/missing-chunk.js'))).toBe(false);
  });
});
