import { HttpException } from '@nestjs/common';
import { decodeCursor, encodeCursor } from './keyset-cursor';

const ID = '6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b';

function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof HttpException ? error.getStatus() : -1;
  }
}

describe('keyset cursors', () => {
  it('round-trip the sort key and id of the last row, opaque and URL-safe', () => {
    const cursor = encodeCursor({
      sort: 'surname',
      values: ['El Amrani', 'Youssef'],
      id: ID,
    });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'surname', 2)).toEqual({
      sort: 'surname',
      values: ['El Amrani', 'Youssef'],
      id: ID,
    });
  });

  it('keep names with separators and accents intact', () => {
    const values = ['Ben Saïd | "Zitouni"', null];
    const cursor = encodeCursor({ sort: 'x', values, id: ID });
    expect(decodeCursor(cursor, 'x', 2).values).toEqual(values);
  });

  it('refuse a cursor of another sort with a 400 that says so', () => {
    const cursor = encodeCursor({
      sort: 'plannedStart',
      values: ['2027-05-01'],
      id: ID,
    });
    expect(statusOf(() => decodeCursor(cursor, 'surname', 2))).toBe(400);
    expect(() => decodeCursor(cursor, 'surname', 2)).toThrow(
      /belongs to the sort "plannedStart", not "surname"/,
    );
    expect(() => decodeCursor(cursor, 'updatedAt', 1)).toThrow(
      /belongs to the sort "plannedStart"/,
    );
  });

  it('refuse damaged cursors with a 400', () => {
    for (const bad of [
      'not-base64-json',
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('["x",["v"],"not-a-uuid"]').toString('base64url'),
      Buffer.from(`["x",[{"o":1}],"${ID}"]`).toString('base64url'),
      Buffer.from(`["x",["v","w"],"${ID}"]`).toString('base64url'),
    ]) {
      expect(statusOf(() => decodeCursor(bad, 'x', 1))).toBe(400);
    }
  });
});
