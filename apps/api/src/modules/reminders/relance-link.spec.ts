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
    expect(
      relanceIdOf(`${other}.${token.split('.')[1]}`, SECRET),
    ).toBeUndefined();
    expect(relanceIdOf('x'.repeat(43), SECRET)).toBeUndefined();
    expect(relanceIdOf('', SECRET)).toBeUndefined();
  });
});
