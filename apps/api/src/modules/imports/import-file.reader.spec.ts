import { zipParts, xlsxFile } from '../../../test/xlsx-fixtures';
import { ApiException } from '../../core/http/api-exception';
import { readImportFile } from './import-file.reader';

async function status(buffer: Buffer): Promise<[number, string]> {
  const error = await readImportFile(buffer).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiException);
  const e = error as ApiException;
  return [e.getStatus(), e.code];
}

describe('readImportFile', () => {
  it('recognises an .xlsx and a CSV by their bytes', async () => {
    await expect(
      readImportFile(xlsxFile([['Nom'], ['Tazi']])),
    ).resolves.toMatchObject({ format: 'xlsx', rows: [{ cells: ['Tazi'] }] });
    await expect(
      readImportFile(Buffer.from('Nom;Prénom\nTazi;Salma\n')),
    ).resolves.toMatchObject({ format: 'csv', delimiter: ';' });
  });

  it.each([
    [
      'an OpenDocument spreadsheet (a ZIP without xl/workbook.xml)',
      zipParts({
        mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
        'content.xml': '<office:document-content/>',
      }),
    ],
    [
      'an .xls workbook (OLE2)',
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(512),
      ]),
    ],
    ['a binary file', Buffer.from('%PDF-1.7\n\0\0\0binary')],
  ])('answers 415 to %s', async (_, buffer) => {
    expect(await status(buffer)).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('answers 400 to a damaged ZIP and to an unreadable CSV, 413 to a workbook that unpacks too large', async () => {
    const xlsx = xlsxFile([['Nom'], ['Tazi']]);
    expect(await status(xlsx.subarray(0, xlsx.length - 10))).toEqual([
      400,
      'BAD_REQUEST',
    ]);
    expect(await status(Buffer.from('Nom\n"Tazi\n'))).toEqual([
      400,
      'BAD_REQUEST',
    ]);
    const huge = zipParts({
      ...{
        '[Content_Types].xml': '<Types/>',
        'xl/workbook.xml': '<workbook/>',
      },
      'xl/worksheets/sheet1.xml': ' '.repeat(51 * 1024 * 1024),
    });
    expect(await status(huge)).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });
});
