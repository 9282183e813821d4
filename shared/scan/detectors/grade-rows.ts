/**
 * Grade leaks (issue 13): students' names next to their scores or rankings, published in a table.
 *
 * A table is a leak when either
 * - a header row (one of its first two rows) has a cell naming a name column (姓名, 学生, 名字,
 *   name) and a cell naming scores or rankings (成绩, 分数, 总分, 得分, 排名, 名次, 考分, score,
 *   rank) — or the name cell alone with the caption (or the title before the table) naming them —
 *   and at least 3 rows below it whose name cell looks like a real person's name; or
 * - it has no such header, its caption names 成绩 or 排名 (or another score word), and at least
 *   3 rows hold a real-looking name and nothing but numbers in their other cells (name + numbers).
 *
 * A real-looking name: 2–4 Han characters, or a Latin name (two or three words of letters). A
 * de-identified one is not: with '*', '×', '○' or '某' in it (张*, 张**, 张某), or ending in
 * 同学 / 老师 (李同学). Staff contact lists (names without scores) and score tables without names
 * are not leaks.
 *
 * Cannot find: grades in running text ("张三同学考了98分"), in pictures or in spreadsheets
 * attached as files, tables whose columns are split into separate tables, and names of one
 * character or more than 4; a column of 2–4 character Han words that are not names (班级 names
 * such as 一班) can look like names.
 */

export interface ScanTableRow {
  readonly cells: readonly string[];
  /** 1-based position of the row's first cell in the page's text. */
  readonly line: number;
  readonly column: number;
}

export interface ScanTable {
  readonly rows: readonly ScanTableRow[];
  /** The table's caption, or the title or line before it; '' when none. */
  readonly caption: string;
}

export interface GradeLeak {
  /** Where the table starts (its first row). */
  readonly line: number;
  readonly column: number;
  /** How many rows carry a real-looking name. */
  readonly rows: number;
  /** One name, masked: its first character, then a '*' for each other (张**). */
  readonly example: string;
}

const SCORE_WORDS = ['成绩', '分数', '总分', '得分', '排名', '名次', '考分', 'score', 'rank'];
const NAME_WORDS = ['姓名', '学生', '名字', 'name'];
const MIN_ROWS = 3;

const HAN_NAME = /^[\u3400-\u4dbf\u4e00-\u9fff]{2,4}$/;
const LATIN_NAME = /^[a-z][a-z'-]*(?: [a-z][a-z'-]*){1,2}$/i;
const DE_IDENTIFIED = /[*＊×○〇某]|同学$|老师$/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?%?$|^第?\d+名?$/;

const clean = (cell: string): string => cell.replace(/\s+/g, ' ').trim();
const names = (cell: string, words: readonly string[]): boolean => {
  const folded = clean(cell).toLowerCase();
  return words.some((word) => folded.includes(word));
};

/** Whether a cell looks like a real person's name, not a de-identified one. */
export function looksLikeName(cell: string): boolean {
  const name = clean(cell);
  if (DE_IDENTIFIED.test(name)) return false;
  return HAN_NAME.test(name) || (LATIN_NAME.test(name) && name.length <= 40);
}

/** A name masked: its first character, then a '*' for each other character. */
export function maskName(name: string): string {
  const chars = [...clean(name)];
  return (
    (chars[0] ?? '') +
    chars
      .slice(1)
      .map((c) => (c === ' ' ? ' ' : '*'))
      .join('')
  );
}

interface Header {
  readonly row: number;
  readonly nameColumn: number;
}

function findHeader(table: ScanTable): Header | null {
  const captionScores = names(table.caption, SCORE_WORDS);
  for (let row = 0; row < Math.min(2, table.rows.length); row++) {
    const cells = table.rows[row]?.cells ?? [];
    const nameColumn = cells.findIndex((c) => names(c, NAME_WORDS) && !names(c, SCORE_WORDS));
    if (nameColumn < 0) continue;
    if (captionScores || cells.some((c) => names(c, SCORE_WORDS))) return { row, nameColumn };
  }
  return null;
}

function leak(table: ScanTable, named: readonly string[]): GradeLeak | null {
  const first = table.rows[0];
  if (named.length < MIN_ROWS || !first) return null;
  return {
    line: first.line,
    column: first.column,
    rows: named.length,
    example: maskName(named[0] ?? ''),
  };
}

function headerLeak(table: ScanTable, header: Header): GradeLeak | null {
  const named = table.rows
    .slice(header.row + 1)
    .map((row) => row.cells[header.nameColumn] ?? '')
    .filter(looksLikeName);
  return leak(table, named);
}

/** Rows of a name and numbers only, for a table with no header whose caption names scores. */
function headerlessLeak(table: ScanTable): GradeLeak | null {
  if (!names(table.caption, SCORE_WORDS)) return null;
  const named: string[] = [];
  for (const row of table.rows) {
    const cells = row.cells.map(clean).filter((c) => c !== '');
    const nameAt = cells.findIndex(looksLikeName);
    if (nameAt < 0 || cells.length < 2) continue;
    if (cells.every((c, k) => k === nameAt || NUMBER.test(c))) named.push(cells[nameAt] ?? '');
  }
  return leak(table, named);
}

/** The tables that list real-looking names with scores or rankings. */
export function gradeTables(tables: readonly ScanTable[]): GradeLeak[] {
  const leaks: GradeLeak[] = [];
  for (const table of tables) {
    const header = findHeader(table);
    const found = header ? headerLeak(table, header) : headerlessLeak(table);
    if (found) leaks.push(found);
  }
  return leaks;
}

const PIPE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;

function pipeCells(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|')) body = body.slice(0, -1);
  return body.split('|').map(clean);
}

type RowKind = 'pipe' | 'tab' | null;

function rowKind(line: string): RowKind {
  const trimmed = line.trim();
  if (trimmed.startsWith('|') && trimmed.length > 1 && trimmed.indexOf('|', 1) > 0) return 'pipe';
  if (line.includes('\t') && line.split('\t').filter((c) => c.trim() !== '').length >= 2)
    return 'tab';
  return null;
}

/**
 * The tables of a text document: Markdown pipe tables (their |---| line dropped), and runs of
 * lines of tab-separated cells (how DOCX and PDF tables arrive). A table's caption is the
 * nearest non-blank line before it, up to 3 lines up.
 */
export function tablesFromText(text: string): ScanTable[] {
  const lines = text.split(/\r\n|\r|\n/);
  const tables: ScanTable[] = [];
  let current: { kind: RowKind; rows: ScanTableRow[]; caption: string } | null = null;
  let lastText = { line: -10, text: '' };
  lines.forEach((line, index) => {
    const kind = rowKind(line);
    if (kind === null || (current && current.kind !== kind)) {
      if (current) tables.push({ rows: current.rows, caption: current.caption });
      current = null;
    }
    if (kind === null) {
      if (line.trim() !== '') lastText = { line: index, text: clean(line) };
      return;
    }
    if (kind === 'pipe' && PIPE_SEPARATOR.test(line.trim())) return;
    const cells = kind === 'pipe' ? pipeCells(line) : line.split('\t').map(clean);
    const column = line.length - line.trimStart().length + 1;
    current ??= { kind, rows: [], caption: index - lastText.line <= 3 ? lastText.text : '' };
    current.rows.push({ cells, line: index + 1, column });
  });
  if (current) tables.push(current);
  return tables.map((table) => ({ rows: table.rows, caption: table.caption }));
}
