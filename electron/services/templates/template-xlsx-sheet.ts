import * as XLSX from 'xlsx';
import type { Bilingual } from '../../../shared/i18n/locale';
import { parseCondition } from '../../../shared/template/expression';
import type { Condition } from '../../../shared/template/schema';
import type { TemplateProblem } from '../../../shared/template/validate';
import type { ZipRefusal } from '../zip/zip-reader';
import { ZIP_LIMITS } from '../zip/zip-reader';
import { repackZip } from '../zip/zip-repack';

/**
 * The bottom of the spreadsheet reader: opening a workbook safely, turning a sheet into rows of
 * named cells, and reading one cell as a value. Every problem carries its sheet and cell, so the
 * clerk can find it in Excel.
 */

export const MAX_SHEET_ROWS = 5000;

export interface Cell {
  readonly value: string;
  readonly at: string;
}
export type SheetRow = {
  readonly row: number;
  readonly get: (column: string) => Cell;
  /** The known columns that hold something on this row. */
  readonly filled: () => string[];
};

export class Problems {
  readonly list: TemplateProblem[] = [];
  add(at: string, zh: string, en: string): void {
    this.list.push({ path: at, message: { 'zh-CN': zh, 'en-US': en } });
  }
}

const MB = ZIP_LIMITS.maxUnpackedBytes / 1024 / 1024;
const ZIP_PROBLEMS: Record<ZipRefusal, [zh: string, en: string]> = {
  'too-large': [
    `工作簿解压后超过 ${MB} MB，不像是模板文件`,
    `the workbook unpacks to more than ${MB} MB and does not look like a template`,
  ],
  damaged: [
    '工作簿已损坏或不完整，无法读取',
    'the workbook is damaged or incomplete and cannot be read',
  ],
  encrypted: [
    '工作簿已加密，无法读取：请导入未加密的 .xlsx 文件',
    'the workbook is encrypted and cannot be read: import an unencrypted .xlsx file',
  ],
  unsupported: [
    '工作簿使用了本程序不支持的压缩方式，请在 Excel 中重新保存后再导入',
    'the workbook uses a kind of zip compression this program does not read; save it again in Excel, then import it',
  ],
};

/**
 * An .xlsx saved with an open-password is not a zip at all: Office wraps it, encrypted, in the
 * same container format old .xls files use, with a stream named "EncryptedPackage".
 */
function isPasswordProtected(data: Uint8Array): boolean {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(
    Buffer.from('EncryptedPackage', 'utf16le'),
  );
}

export function openWorkbook(data: Uint8Array, problems: Problems): XLSX.WorkBook | null {
  const isZip =
    data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
  const isOldXls =
    data.length > 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0;
  if (isOldXls && isPasswordProtected(data)) {
    problems.add('file', ...ZIP_PROBLEMS.encrypted);
    return null;
  }
  if (isOldXls) {
    problems.add(
      'file',
      '这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入',
      'this is an old Excel (.xls) file; save it as .xlsx in Excel, then import it',
    );
    return null;
  }
  if (!isZip) {
    problems.add(
      'file',
      '这不是 Excel 工作簿（.xlsx）：文件内容不是 xlsx 格式',
      'this is not an Excel workbook (.xlsx): the content is not in xlsx format',
    );
    return null;
  }
  // The zip is read once, by our own reader, and SheetJS gets a stored copy of what it inflated:
  // never the original bytes, whose headers SheetJS might read differently (electron/services/zip).
  const repacked = repackZip(data);
  if (!repacked.ok) {
    problems.add('file', ...ZIP_PROBLEMS[repacked.refusal]);
    return null;
  }
  try {
    return XLSX.read(repacked.bytes, {
      type: 'array',
      cellFormula: true,
      cellHTML: false,
      cellDates: false,
      dense: true,
      sheetRows: MAX_SHEET_ROWS + 1,
    });
  } catch {
    problems.add('file', ...ZIP_PROBLEMS.damaged);
    return null;
  }
}

export function readSheet(
  book: XLSX.WorkBook,
  name: string,
  columns: readonly string[],
  problems: Problems,
): SheetRow[] {
  const sheet = book.Sheets[name];
  if (!sheet) return [];
  const grid = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const header = (grid[0] ?? []).map((cell) =>
    cell?.v === undefined ? '' : String(cell.v).trim(),
  );
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (h === '') return;
    if (!(columns as readonly string[]).includes(h)) {
      problems.add(
        `${name}!${XLSX.utils.encode_cell({ r: 0, c: i })}`,
        `不认识的列名“${h}”（可用：${columns.join('、')}）`,
        `unknown column "${h}" (known: ${columns.join(', ')})`,
      );
    } else if (index.has(h)) {
      problems.add(
        `${name}!${XLSX.utils.encode_cell({ r: 0, c: i })}`,
        `列名“${h}”重复`,
        `column "${h}" appears twice`,
      );
    } else {
      index.set(h, i);
    }
  });
  if (grid.length > MAX_SHEET_ROWS)
    problems.add(name, `行数超过 ${MAX_SHEET_ROWS}`, `more than ${MAX_SHEET_ROWS} rows`);
  const rows: SheetRow[] = [];
  for (let r = 0; r < Math.min(grid.length, MAX_SHEET_ROWS + 1); r++) {
    const line = grid[r] ?? [];
    line.forEach((cell, c) => {
      if (cell?.f !== undefined) {
        problems.add(
          `${name}!${XLSX.utils.encode_cell({ r, c })}`,
          `单元格含有公式（=${cell.f}），模板只接受直接输入的值`,
          `the cell holds a formula (=${cell.f}); a template takes typed-in values only`,
        );
      }
    });
    if (r === 0 || line.every((cell) => cell?.v === undefined || String(cell.v).trim() === ''))
      continue;
    rows.push({
      row: r + 1,
      get: (column) => {
        const c = index.get(column);
        const cell = c === undefined ? undefined : line[c];
        const at = `${name}!${XLSX.utils.encode_cell({ r, c: c ?? 0 })}`;
        return { value: cell?.v === undefined ? '' : String(cell.v).trim(), at };
      },
      filled: () =>
        [...index]
          .filter(([, c]) => line[c]?.v !== undefined && String(line[c]!.v).trim() !== '')
          .map(([h]) => h),
    });
  }
  return rows;
}

/** The condition written in a cell, or null with the problem recorded at the character it is. */
export function readCondition(row: SheetRow, column: string, problems: Problems): Condition | null {
  const cell = row.get(column);
  const parsed = parseCondition(cell.value);
  if (parsed.ok) return parsed.condition;
  problems.add(
    `${cell.at} (${column})`,
    `条件第 ${parsed.error.at + 1} 个字符处：${parsed.error.message['zh-CN']}`,
    `condition, at character ${parsed.error.at + 1}: ${parsed.error.message['en-US']}`,
  );
  return null;
}

export function bilingual(row: SheetRow, base: string): Bilingual {
  return { 'zh-CN': row.get(`${base}::zh-CN`).value, 'en-US': row.get(`${base}::en-US`).value };
}

export function optionalBilingual(row: SheetRow, base: string): Bilingual | undefined {
  const value = bilingual(row, base);
  return value['zh-CN'] === '' && value['en-US'] === '' ? undefined : value;
}

export function flag(row: SheetRow, column: string, problems: Problems): boolean {
  const cell = row.get(column);
  if (cell.value === 'yes') return true;
  if (cell.value === 'no' || cell.value === '') return false;
  problems.add(
    `${cell.at} (${column})`,
    `应填 yes 或 no，而不是“${cell.value}”`,
    `should be yes or no, not "${cell.value}"`,
  );
  return false;
}
