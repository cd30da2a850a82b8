import { randomUUID } from 'node:crypto';
import { SpaFallback } from '../../core/http/spa-fallback';
import { relanceIdOf, relanceToken } from './relance-link';

const ID = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';
const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe('relance links', () => {
  it('gives the same token for the same relance, and reads its id back', () => {
    const token = relanceToken(ID, SECRET);
    expect(relanceToken(ID, SECRET)).toBe(token);
    expect(relanceIdOf(token, SECRET)).toBe(ID);
  });

  it('refuses a token signed with another secret, altered, or pointed at another relance', () => {
    const token = relanceToken(ID, SECRET);
    expect(
      relanceIdOf(token, 'another-secret-of-thirty-two-characters!'),
    ).toBeUndefined();
    expect(
      relanceIdOf(
        token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'),
        SECRET,
      ),
    ).toBeUndefined();
    const other = '00000000-0000-4000-8000-000000000000';
    expect(relanceIdOf(`${other}_${token.slice(37)}`, SECRET)).toBeUndefined();
    expect(relanceIdOf('x'.repeat(43), SECRET)).toBeUndefined();
    expect(relanceIdOf('', SECRET)).toBeUndefined();
  });

  it('reads links mailed with the former "." separator', () => {
    const token = relanceToken(ID, SECRET);
    expect(relanceIdOf(`${ID}.${token.slice(37)}`, SECRET)).toBe(ID);
  });

  it('gives links the web server answers with the app, whatever the signature', () => {
    const spa = Object.create(SpaFallback.prototype) as SpaFallback;
    for (let i = 0; i < 200; i++) {
      const path = `/relance/${relanceToken(randomUUID(), SECRET)}`;
      expect(
        spa.handles({ method: 'GET', url: path } as Parameters<
          SpaFallback['handles']
        >[0]),
      ).toBe(true);
    }
  });
});
