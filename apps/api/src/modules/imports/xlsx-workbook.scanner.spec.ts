import {
  columnLetters,
  findFirstSheet,
  measureSheet,
} from './xlsx-workbook.scanner';

describe('findFirstSheet', () => {
  const rels = `<Relationships xmlns="x">
    <Relationship Id="rId2" Type="t/worksheet" Target="worksheets/sheet2.xml"/>
    <Relationship Id='rId7' Type='t/worksheet' Target='/xl/worksheets/data.xml'/>
  </Relationships>`;

  it('takes the first <sheet> of the workbook, whatever its id, and finds its part through the relationships', () => {
    const workbook = `<x:workbook xmlns:x="m" xmlns:rel="r"><x:workbookPr date1904="1"/>
      <x:sheets><x:sheet name="Embauches &amp; retours_x0020_2027" sheetId="9" rel:id="rId7"/>
      <x:sheet name="Autre" sheetId="1" rel:id="rId2"/></x:sheets></x:workbook>`;
    expect(findFirstSheet(workbook, rels)).toEqual({
      name: 'Embauches & retours 2027',
      path: 'xl/worksheets/data.xml',
      dateSystem: 1904,
    });
  });

  it('reads relative targets and the 1900 date system by default', () => {
    const workbook = `<workbook><sheets><sheet name="Feuil1" sheetId="1" r:id="rId2"/></sheets></workbook>`;
    expect(findFirstSheet(workbook, rels)).toEqual({
      name: 'Feuil1',
      path: 'xl/worksheets/sheet2.xml',
      dateSystem: 1900,
    });
  });

  it('is null without a sheet or without its relationship', () => {
    expect(findFirstSheet('<workbook><sheets/></workbook>', rels)).toBeNull();
    expect(
      findFirstSheet(
        '<workbook><sheet name="A" r:id="rId9"/></workbook>',
        rels,
      ),
    ).toBeNull();
  });
});

describe('measureSheet', () => {
  it('finds the farthest row and column the cells reach, from their references', () => {
    const sheet = `<worksheet><cols><col min="1" max="16384"/></cols><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="K1" t="s"><v>1</v></c></row>
      <row r="3" spans="1:2"><c r="B3"><v>4</v></c></row>
      </sheetData><mergeCells><mergeCell ref="A1:XFD1"/></mergeCells></worksheet>`;
    expect(measureSheet(sheet)).toEqual({
      rows: 3,
      columns: 11,
      isoDateCells: new Map(),
    });
  });

  it('measures a crafted far-away cell without building anything', () => {
    const sheet = `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`;
    expect(measureSheet(sheet)).toMatchObject({
      rows: 1_048_576,
      columns: 16_384,
    });
  });

  it('counts rows and cells written without references by their position', () => {
    const sheet = `<sheetData><row><c><v>1</v></c><c><v>2</v></c><c/></row><row/><x:row><x:c><x:v>1</x:v></x:c></x:row></sheetData>`;
    expect(measureSheet(sheet)).toMatchObject({ rows: 3, columns: 3 });
  });

  it('keeps the text of ISO date cells (t="d") by reference', () => {
    const sheet = `<sheetData><row r="2"><c r="A2" t="d" s="1"><v>2027-03-14T00:00:00</v></c><c r="B2" t="d"/><c r="C2" s="1"><v>46460</v></c><c r="D2" t="d"><f>TODAY()</f><v> 2027-03-15 </v></c></row></sheetData>`;
    expect(measureSheet(sheet).isoDateCells).toEqual(
      new Map([
        ['A2', '2027-03-14T00:00:00'],
        ['D2', '2027-03-15'],
      ]),
    );
  });
});

/** Milliseconds `run` takes. */
function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe('hostile sheet text (a few kilobytes once zipped)', () => {
  // Each of these took seconds to minutes when a pattern could run past the next '<' (or rescan a
  // run of name characters from each of its letters): one upload held the API's only thread.
  it('tags that never close, to the end of the text', () => {
    const sheet = `<sheetData><row r="1">${'<c '.repeat(40_000)}`;
    expect(timed(() => measureSheet(sheet))).toBeLessThan(1000);
    expect(measureSheet(sheet).rows).toBe(1);
  });

  it('an attribute name of 60,000 letters', () => {
    const sheet = `<sheetData><row r="2"><c ${'a'.repeat(60_000)} r="B2"><v>1</v></c></row></sheetData>`;
    expect(timed(() => measureSheet(sheet))).toBeLessThan(1000);
    expect(measureSheet(sheet)).toMatchObject({ rows: 2, columns: 2 });
  });

  it('20,000 date cells without a value or an end tag', () => {
    const sheet = `<sheetData><row r="1">${'<c r="A1" t="d">'.repeat(20_000)}</row></sheetData>`;
    expect(timed(() => measureSheet(sheet))).toBeLessThan(1000);
    expect(measureSheet(sheet).isoDateCells.size).toBe(0);
  });

  it('a workbook of unclosed tags', () => {
    const workbook = `<workbook>${'<sheet '.repeat(40_000)}`;
    expect(timed(() => findFirstSheet(workbook, workbook))).toBeLessThan(1000);
  });
});

describe('columnLetters', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('names column %i %s', (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
  });
});
