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
  readonly sheet: string;
  readonly row: number;
  readonly get: (column: string) => Cell;
  /** The known columns that hold something on this row. */
  readonly filled: () => string[];
};

export class Problems {
  readonly list: TemplateProblem[] = [];
  /** "sheet::column" of each known column a sheet's row 1 lacks: what is missing there follows. */
  readonly absentColumns = new Set<string>();
  add(at: string, zh: string, en: string): void {
    this.list.push({ path: at, message: { 'zh-CN': zh, 'en-US': en } });
  }
}

/** The columns that hold numbers; every other column holds text. */
const NUMBER_COLUMNS: readonly string[] = ['min', 'max', 'min_rows'];

/**
 * Whether a number format shows dates or times (as SheetJS's SSF.is_date judges it): a y, m, d,
 * h or s outside quoted text, escapes and [colour] / [$-locale] brackets.
 */
export function isDateFormat(format: string): boolean {
  if (format === 'General') return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return /[ymdhs]/i.test(bare);
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
      // A number's format, to tell a date (a serial number in disguise) from a typed number.
      cellNF: true,
      // Keeps a formula saved without its value (as many tools write it), to report it.
      sheetStubs: true,
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
  const absent = columns.filter((c) => !header.includes(c));
  for (const column of absent) problems.absentColumns.add(`${name}::${column}`);
  header.forEach((h, i) => {
    if (h === '') return;
    if (!(columns as readonly string[]).includes(h)) {
      const meant = absent.find((c) => looksLike(h, c));
      problems.add(
        `${name}!${XLSX.utils.encode_cell({ r: 0, c: i })}`,
        meant
          ? `不认识的列名“${h}”：是不是“${meant}”？请把列名改为“${meant}”`
          : `不认识的列名“${h}”（可用：${columns.join('、')}）`,
        meant
          ? `unknown column "${h}": did you mean "${meant}"? Rename the column "${meant}"`
          : `unknown column "${h}" (known: ${columns.join(', ')})`,
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
      if (cell) checkCell(cell, `${name}!${XLSX.utils.encode_cell({ r, c })}`, header[c], problems);
    });
    if (r === 0 || line.every((cell) => valueOf(cell) === '')) continue;
    rows.push({
      sheet: name,
      row: r + 1,
      get: (column) => {
        const c = index.get(column);
        const cell = c === undefined ? undefined : line[c];
        // A column row 1 lacks has no cell: its problems are grouped under the missing column.
        const at =
          c === undefined
            ? `${name} 第 ${r + 1} 行 / row`
            : `${name}!${XLSX.utils.encode_cell({ r, c })}`;
        return { value: valueOf(cell), at };
      },
      filled: () => [...index].filter(([, c]) => valueOf(line[c]) !== '').map(([h]) => h),
    });
  }
  return rows;
}

/** Whether a header no column has is a slip for `column`: its case, spacing or a letter or two. */
function looksLike(header: string, column: string): boolean {
  const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const [a, b] = [plain(header), plain(column)];
  if (a === b || (a.length >= 4 && b.startsWith(a))) return true;
  // Edit distance at most 2, row by row.
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]! <= 2;
}

/** What a cell holds as text; a formula saved without its value (a stub) holds nothing. */
function valueOf(cell: XLSX.CellObject | undefined): string {
  return cell === undefined || cell.v === undefined || cell.t === 'z' ? '' : String(cell.v).trim();
}

/** A formula, or a number shown as a date, is not what the clerk meant to type in. */
function checkCell(
  cell: XLSX.CellObject,
  at: string,
  column: string | undefined,
  problems: Problems,
) {
  if (cell.f !== undefined && (cell.t === 'z' || cell.v === undefined)) {
    problems.add(
      at,
      `单元格含有公式（=${cell.f}）而没有保存计算结果，读到的是空值：请直接输入值本身`,
      `the cell holds a formula (=${cell.f}) saved without its value, so it reads as empty: type the value itself`,
    );
  } else if (cell.f !== undefined) {
    problems.add(
      at,
      `单元格含有公式（=${cell.f}），模板只接受直接输入的值：请直接输入值本身`,
      `the cell holds a formula (=${cell.f}); a template takes typed-in values only: type the value itself`,
    );
  } else if (cell.t === 'n' && typeof cell.z === 'string' && isDateFormat(cell.z)) {
    const number = column !== undefined && NUMBER_COLUMNS.includes(column);
    problems.add(
      at,
      number
        ? `单元格设为了日期格式，读到的是序列号 ${String(cell.v)}：请把单元格格式设为“常规”或“数值”，再输入数字`
        : `单元格设为了日期格式，读到的是序列号 ${String(cell.v)}：请把单元格格式设为“文本”，再输入原来的内容（如 2026.2）`,
      number
        ? `this cell is formatted as a date, so it holds the serial number ${String(cell.v)}: format it as General or Number and type the number`
        : `this cell is formatted as a date, so it holds the serial number ${String(cell.v)}: format it as Text and type the value again (e.g. 2026.2)`,
    );
  }
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

/**
 * An optional text in both languages (hint, unit): both cells empty, or both filled. One alone is
 * reported at the empty cell, and the text is left out so nothing else is said about it.
 */
export function optionalBilingual(
  row: SheetRow,
  base: string,
  problems: Problems,
): Bilingual | undefined {
  const value = bilingual(row, base);
  const [zh, en] = [value['zh-CN'] === '', value['en-US'] === ''];
  if (zh && en) return undefined;
  if (zh || en) {
    const [empty, filled] = zh
      ? [`${base}::zh-CN`, `${base}::en-US`]
      : [`${base}::en-US`, `${base}::zh-CN`];
    problems.add(
      `${row.get(empty).at} (${empty})`,
      `${filled} 已填写而 ${empty} 为空：两种语言都要填写（界面按所选语言显示），或者都留空`,
      `${filled} is filled but ${empty} is empty: fill in both languages (the app shows the one chosen), or leave both empty`,
    );
    return undefined;
  }
  return value;
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
