import * as XLSX from 'xlsx';
import { parseCsv } from '../../../shared/bureau/csv';
import type { SchoolListRead } from '../../../shared/bureau/school-list-parse';
import { parseSchoolList, SCHOOL_LIST_LIMITS } from '../../../shared/bureau/school-list-parse';
import type { Bilingual } from '../../../shared/i18n/locale';
import type { ZipLimits } from '../zip/zip-reader';
import { readZip } from '../zip/zip-reader';
import { writeStoredZip } from '../zip/zip-writer';
import { isZipBytes, withAstralReferencesDecoded } from '../workbook/workbook-read';

/**
 * A bureau's list of schools from its file: the first sheet of an .xlsx (through the app's own
 * zip reader, within a budget, then SheetJS) or a .csv (UTF-8 with or without a BOM, or GB18030
 * as Excel in China saves it). This only turns bytes into rows; shared/bureau/school-list-parse.ts
 * reads them. Never throws: a file it cannot read is one problem on row 0.
 */

const LIST_ZIP_LIMITS: ZipLimits = { maxUnpackedBytes: 64 * 1024 * 1024, maxEntries: 400 };

/** Rows read at most: the header, the rows above it, and one school more than allowed. */
const MAX_ROWS = SCHOOL_LIST_LIMITS.rows + SCHOOL_LIST_LIMITS.headerSearch + 2;

const b = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });
const refused = (message: Bilingual): SchoolListRead => ({
  schools: [],
  problems: [{ row: 0, message }],
});

export function readSchoolList(fileName: string, bytes: Uint8Array): SchoolListRead {
  if (bytes.length > SCHOOL_LIST_LIMITS.fileBytes)
    return refused(
      b(
        `文件太大（最大 ${SCHOOL_LIST_LIMITS.fileBytes / 1024 / 1024} MB），不像学校名单`,
        `the file is too large for a school list (at most ${SCHOOL_LIST_LIMITS.fileBytes / 1024 / 1024} MB)`,
      ),
    );
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  try {
    if (extension === 'xlsx') return readXlsx(bytes);
    if (extension === 'csv' || extension === 'txt') return readCsv(bytes);
  } catch {
    return refused(b('无法读取这个文件', 'the file could not be read'));
  }
  return refused(
    b(
      '学校名单应为 .xlsx 或 .csv 文件（.xls 请先在 Excel 或 WPS 中另存为 .xlsx）',
      'a school list must be an .xlsx or .csv file (save an .xls as .xlsx in Excel or WPS first)',
    ),
  );
}

function readCsv(bytes: Uint8Array): SchoolListRead {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8: Excel and WPS in China save "CSV" in the system code page, GBK/GB18030.
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return parseSchoolList(parseCsv(text, MAX_ROWS));
}

function readXlsx(bytes: Uint8Array): SchoolListRead {
  const notXlsx = refused(
    b(
      '不是有效的 .xlsx 工作簿（文件已损坏或不是 Excel 文件）',
      'not a valid .xlsx workbook (damaged, or not an Excel file)',
    ),
  );
  if (!isZipBytes(bytes)) return notXlsx;
  const zip = readZip(bytes, LIST_ZIP_LIMITS);
  if (!zip.ok)
    return zip.refusal === 'too-large'
      ? refused(
          b(
            '工作簿解压后过大，不像学校名单',
            'the workbook unpacks to more than a school list could need',
          ),
        )
      : notXlsx;
  if (!zip.entries.some((e) => /^xl\/workbook\.xml$/i.test(e.name))) return notXlsx;
  const book = XLSX.read(writeStoredZip(zip.entries.map(withAstralReferencesDecoded)), {
    type: 'array',
    dense: true,
    sheets: 0,
    sheetRows: MAX_ROWS,
    cellFormula: false,
    cellHTML: false,
    cellText: false,
    cellStyles: false,
    cellNF: false,
    cellDates: false,
  });
  const first = book.SheetNames[0];
  const sheet = first === undefined ? undefined : book.Sheets[first];
  if (!sheet || !sheet['!ref'])
    return refused(b('工作簿的第一个工作表是空的', 'the first sheet of the workbook is empty'));
  const start = XLSX.utils.decode_range(sheet['!ref']).s.r;
  const values = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: true,
    defval: '',
    blankrows: true,
  });
  const rows = values.map((row) => row.map(cellText));
  return parseSchoolList(rows, (index) => start + index + 1);
}

function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return '';
}
