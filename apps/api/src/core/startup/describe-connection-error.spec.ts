import { describeConnectionError } from './describe-connection-error';

const err = (code: string, message = 'x') =>
  Object.assign(new Error(message), { code });

describe('describeConnectionError', () => {
  it.each([
    [
      err('ECONNREFUSED'),
      'Cannot reach PostgreSQL at db:5432: connection refused. Is it running?',
    ],
    [
      err('ENOTFOUND'),
      'Cannot reach PostgreSQL at db:5432: the host name does not resolve.',
    ],
    [
      err('ETIMEDOUT'),
      'Cannot reach PostgreSQL at db:5432: the connection timed out.',
    ],
    [
      err('28P01'),
      'PostgreSQL at db:5432 refused the user or password: check them in the URL.',
    ],
  ])('turns %p into one plain sentence', (error, expected) => {
    expect(describeConnectionError(error, 'PostgreSQL', 'db:5432')).toBe(
      expected,
    );
  });

  it('says how to create a missing database', () => {
    expect(
      describeConnectionError(
        err('3D000', 'database "x" does not exist'),
        'PostgreSQL',
      ),
    ).toBe(
      'PostgreSQL: database "x" does not exist. Create it (createdb) or let "npm start" create it.',
    );
  });

  it('recognises ioredis messages without a code', () => {
    expect(
      describeConnectionError(new Error('Connection is closed.'), 'Redis'),
    ).toMatch(/^Cannot reach Redis: connection refused or lost/);
    expect(
      describeConnectionError(
        new Error('Redis did not answer within 2 s (timeout)'),
        'Redis',
      ),
    ).toMatch(/no answer in time/);
  });

  it('keeps only the first line of an unknown error', () => {
    expect(
      describeConnectionError(
        new Error('weird failure\n    at somewhere.js:1:1'),
        'Redis',
      ),
    ).toBe('Redis: weird failure');
  });
});
