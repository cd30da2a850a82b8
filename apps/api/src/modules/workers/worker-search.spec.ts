import { workerSearchCondition } from './worker-search';

describe('workerSearchCondition', () => {
  it('asks every word in the names, or the whole text as the full passport number', () => {
    const { sql, params } = workerSearchCondition('w', ' Youssef  el-Amrani ');
    expect(sql).toBe(
      "(((w.surname || ' ' || w.given_names) ILIKE :qWord0 AND (w.surname || ' ' || w.given_names) ILIKE :qWord1) OR w.passport_number = :qPassport)",
    );
    expect(params).toEqual({
      qWord0: '%Youssef%',
      qWord1: '%el-Amrani%',
      qPassport: 'YOUSSEFELAMRANI',
    });
  });

  it('normalises a passport number typed with spaces and escapes LIKE wildcards', () => {
    expect(workerSearchCondition('w', 'ab 123 4567').params['qPassport']).toBe(
      'AB1234567',
    );
    expect(workerSearchCondition('w', '50%_x').params['qWord0']).toBe(
      '%50\\%\\_x%',
    );
  });
});
