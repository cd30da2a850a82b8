import { SqlParams } from './sql-params';

describe('SqlParams', () => {
  it('numbers the parameters in the order they are bound', () => {
    const p = new SqlParams();
    const sql = `a = ${p.add('x')} AND b IN (${p.list([1, 2])}) AND c = ${p.add(null)}`;
    expect(sql).toBe('a = $1 AND b IN ($2, $3) AND c = $4');
    expect(p.values).toEqual(['x', 1, 2, null]);
  });

  it('binds :names once each, after the parameters already bound, and leaves ::casts alone', () => {
    const p = new SqlParams();
    p.add('employer');
    const sql = p.named(
      '(w.surname ILIKE :qWord0 OR w.given_names ILIKE :qWord0) OR w.passport_number = :qPassport::text',
      { qWord0: '%ben%', qPassport: 'BEN' },
    );
    expect(sql).toBe(
      '(w.surname ILIKE $2 OR w.given_names ILIKE $2) OR w.passport_number = $3::text',
    );
    expect(p.values).toEqual(['employer', '%ben%', 'BEN']);
  });

  it('refuses a name without a value and an empty list, rather than sending broken SQL', () => {
    expect(() => new SqlParams().named('a = :missing', {})).toThrow(
      /no value for :missing/,
    );
    expect(() => new SqlParams().list([])).toThrow(/no values/);
  });
});
