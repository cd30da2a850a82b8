import { API_ERROR_CODES } from '@moisson/contract';
import { ApiException } from '../../core/http/api-exception';
import {
  ImportFileError,
  parseCsvFile,
  ParsedImportFile,
} from './import-file.parser';
import {
  isXlsxArchive,
  parseXlsxFile,
  readXlsxEntries,
} from './import-xlsx.parser';
import { looksLikeZip } from './zip-archive';

/** The signature of OLE2 compound files: .xls workbooks, and .xlsx protected by a password. */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Reads an uploaded spreadsheet, recognised by its bytes and never by its name: an .xlsx workbook
 * (a ZIP archive holding [Content_Types].xml and xl/workbook.xml), else CSV text. Answers 415
 * for another kind of file (.xls, .ods, a PDF...), 413 for a workbook that unpacks too large,
 * 400 for a file that cannot be read.
 */
export async function readImportFile(
  buffer: Buffer,
): Promise<ParsedImportFile> {
  try {
    if (looksLikeZip(buffer)) {
      const entries = readXlsxEntries(buffer);
      if (!isXlsxArchive(entries))
        throw unsupported({
          fr: "Ce fichier compressé n'est pas un classeur Excel (.xlsx) : enregistrez votre tableau au format .xlsx ou CSV (depuis LibreOffice : Fichier > Enregistrer sous > Classeur Excel 2007-365).",
          en: 'This compressed file is not an Excel workbook (.xlsx): save your spreadsheet as .xlsx or CSV (from LibreOffice: File > Save As > Excel 2007-365).',
        });
      return await parseXlsxFile(buffer, entries);
    }
    if (buffer.subarray(0, OLE2.length).equals(OLE2))
      throw unsupported({
        fr: 'Ce fichier est un classeur Excel 97-2003 (.xls) ou un classeur protégé par un mot de passe : enregistrez-le au format .xlsx (« Classeur Excel ») sans mot de passe, ou au format CSV.',
        en: 'This file is an Excel 97-2003 workbook (.xls) or a workbook protected by a password: save it as .xlsx ("Excel Workbook") without a password, or as CSV.',
      });
    if (buffer.subarray(0, 4096).includes(0))
      throw unsupported({
        fr: "Ce fichier n'est ni un classeur .xlsx ni un fichier texte CSV : enregistrez votre tableau au format .xlsx ou CSV.",
        en: 'This file is neither an .xlsx workbook nor a CSV text file: save your spreadsheet as .xlsx or CSV.',
      });
    return parseCsvFile(buffer);
  } catch (error) {
    if (error instanceof ImportFileError)
      throw new ApiException(
        error.status,
        error.status === 413
          ? API_ERROR_CODES.PAYLOAD_TOO_LARGE
          : API_ERROR_CODES.BAD_REQUEST,
        error.text,
      );
    throw error;
  }
}

function unsupported(message: { fr: string; en: string }): ApiException {
  return new ApiException(415, API_ERROR_CODES.UNSUPPORTED_MEDIA_TYPE, message);
}
