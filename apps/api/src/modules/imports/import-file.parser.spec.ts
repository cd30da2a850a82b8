import {
  decodeCsvText,
  detectDelimiter,
  ImportFileError,
  parseCsvFile,
} from './import-file.parser';

describe('decodeCsvText', () => {
  it('reads UTF-8, with or without a byte order mark', () => {
    expect(decodeCsvText(Buffer.from('Nom;Prénom', 'utf8'))).toEqual({
      text: 'Nom;Prénom',
      encoding: 'utf-8',
    });
    expect(decodeCsvText(Buffer.from('\ufeffBenaïssa', 'utf8'))).toEqual({
      text: 'Benaïssa',
      encoding: 'utf-8',
    });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (€ and œ included)', () => {
    const bytes = Buffer.concat([
      Buffer.from('Aït Benaïssa ', 'latin1'),
      Buffer.from([0x80, 0x20, 0x9c]),
    ]);
    expect(decodeCsvText(bytes)).toEqual({
      text: 'Aït Benaïssa € œ',
      encoding: 'windows-1252',
    });
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['Nom;Prénom;Date\nA;B;C', ';'],
    ['Nom,Prénom,Date', ','],
    ['Nom\tPrénom', '\t'],
    ['"Nom, complet";Prénom;Date', ';'],
    ['Nom', ','],
  ])('finds the delimiter of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('parseCsvFile', () => {
  it('numbers rows as in the file, over blank lines and line breaks inside cells', () => {
    const file = parseCsvFile(
      Buffer.from(
        'Nom;Notes\r\n Tazi ;"deux\nlignes"\r\n\r\n;\r\nOuali;x\r\n',
        'utf8',
      ),
    );
    expect(file.delimiter).toBe(';');
    expect(file.headers).toEqual(['Nom', 'Notes']);
    expect(file.rows).toEqual([
      { rowNumber: 2, cells: ['Tazi', 'deux\nlignes'] },
      { rowNumber: 6, cells: ['Ouali', 'x'] },
    ]);
  });

  it.each([
    ['', /empty/],
    ['Nom;Prénom\n', /no data row/],
    ['Nom\n"Tazi\n', /could not be read as CSV/],
  ])('refuses %j', (text, message) => {
    expect(() => parseCsvFile(Buffer.from(text))).toThrow(ImportFileError);
    expect(() => parseCsvFile(Buffer.from(text))).toThrow(message);
  });

  it('refuses more rows than IMPORT_MAX_ROWS', () => {
    const text = 'Nom\n' + 'Tazi\n'.repeat(10_001);
    expect(() => parseCsvFile(Buffer.from(text))).toThrow(/at most 10000/);
  });
});
