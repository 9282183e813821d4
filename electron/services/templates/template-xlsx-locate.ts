import { own } from '../../../shared/own';
import type { TemplateProblem } from '../../../shared/template/validate';
import type { SheetRow } from './template-xlsx-sheet';

/**
 * Where a problem is in the workbook, for the clerk: checkTemplate's JSON paths turned back into
 * the cell each value was read from ("survey!H4 (relevant)"), and the problems that only follow
 * from one already reported taken out, or grouped under it, so one slip gives one message.
 */

/** The template field → the survey / choices / row_rules / settings column it is read from. */
const FIELD_COLUMNS: Readonly<Record<string, string>> = {
  id: 'name',
  kind: 'type',
  prompt: 'label',
  title: 'label',
  guidance: 'hint',
  visibleIf: 'relevant',
  when: 'when',
  basis: 'basis',
  rules: 'rules',
  required: 'required',
  evidence: 'evidence',
  unit: 'unit',
  min: 'min',
  max: 'max',
  minRows: 'min_rows',
  multiline: 'multiline',
  // A list is named in the type cell ("select_one LIST"); each of its choices has a row of its own.
  choices: 'type',
  value: 'name',
  label: 'label',
  message: 'message',
  effect: 'effect',
};
/** Columns written once per language, as COLUMN::zh-CN and COLUMN::en-US. */
const BILINGUAL = ['label', 'hint', 'unit', 'basis', 'message', 'title', 'issuer'];

/**
 * Turns a JSON path into the cell it was read from, "survey!C12 (label::zh-CN)", using the row
 * each object came from (`locations`, JSON path → row) and the settings row for the template's
 * own fields. A value with no column of its own is given its row: "survey 第 12 行 / row".
 */
export function locate(
  jsonPath: string,
  locations: ReadonlyMap<string, SheetRow>,
  settings: SheetRow | undefined,
): string {
  let best = '';
  for (const prefix of locations.keys()) {
    if (
      (jsonPath === prefix ||
        jsonPath.startsWith(`${prefix}.`) ||
        jsonPath.startsWith(`${prefix}[`)) &&
      prefix.length > best.length
    )
      best = prefix;
  }
  if (!best) {
    const m = /^\$\.(\w+)(?:\.(zh-CN|en-US))?/.exec(jsonPath);
    if (!m) return jsonPath;
    const column = columnName(m[1]!, m[2]);
    return settings ? `${settings.get(column).at} (${column})` : `settings (${column})`;
  }
  const row = locations.get(best)!;
  const rest = jsonPath.slice(best.length).replace(/^\./, '');
  const [first = '', sub] = rest.split('.');
  const field = first.replace(/\[\d+\]$/, '');
  if (own(FIELD_COLUMNS, field) === undefined) return `${row.sheet} 第 ${row.row} 行 / row`;
  const column =
    field === 'basis' && sub === 'confirmed' ? 'basis_confirmed' : columnName(field, sub);
  return `${row.get(column).at} (${column})`;
}

function columnName(field: string, language: string | undefined): string {
  const column = own(FIELD_COLUMNS, field) ?? field;
  if (!BILINGUAL.includes(column)) return column;
  return `${column}::${language === 'en-US' ? 'en-US' : 'zh-CN'}`;
}

/** The sheet, row, cell ("survey!C12") and column a located problem names, where it names them. */
function placeOf(
  path: string,
): { sheet: string; row: string; cell: string; column: string } | null {
  const column = /\(([^()]+)\)$/.exec(path)?.[1] ?? '';
  const cell = /^(\w+)!([A-Z]+)(\d+)/.exec(path);
  if (cell) return { sheet: cell[1]!, row: `${cell[1]}!${cell[3]}`, cell: cell[0], column };
  const row = /^(\w+) 第 (\d+) 行/.exec(path);
  if (row) return { sheet: row[1]!, row: `${row[1]}!${row[2]}`, cell: '', column };
  return null;
}

/**
 * The spreadsheet's own problems (`read`) and checkTemplate's (`checked`, located), without the
 * follow-on ones:
 * - a checked problem at a cell the reader already reported (a date-formatted version, a hint in
 *   one language), or on a row whose type cell was reported (a missing choice list), says
 *   nothing new and is left out;
 * - every problem in a column row 1 lacks (misspelt or left out) is grouped into one, naming the
 *   column and the rows that need it.
 */
export function withoutFollowOns(
  read: readonly TemplateProblem[],
  checked: readonly TemplateProblem[],
  absentColumns: ReadonlySet<string>,
): TemplateProblem[] {
  const cells = new Set<string>();
  const typeRows = new Set<string>();
  for (const p of read) {
    const place = placeOf(p.path);
    if (place?.cell) cells.add(place.cell);
    if (place?.column === 'type') typeRows.add(place.row);
  }
  const kept = checked.filter((p) => {
    const place = placeOf(p.path);
    return !place || (!cells.has(place.cell) && !typeRows.has(place.row));
  });
  // A group takes the place of the first problem it holds.
  const out: (TemplateProblem | MissingColumn)[] = [];
  const groups = new Map<string, MissingColumn>();
  for (const p of [...read, ...kept]) {
    const place = placeOf(p.path);
    const key = place ? `${place.sheet}::${place.column}` : '';
    if (!place || !absentColumns.has(key)) {
      out.push(p);
      continue;
    }
    let group = groups.get(key);
    if (!group) {
      group = { sheet: place.sheet, column: place.column, rows: [] };
      groups.set(key, group);
      out.push(group);
    }
    const row = place.row.split('!')[1]!;
    if (!group.rows.includes(row)) group.rows.push(row);
  }
  return out.map((p) => ('rows' in p ? missingColumn(p) : p));
}

interface MissingColumn {
  readonly sheet: string;
  readonly column: string;
  readonly rows: string[];
}

function missingColumn(group: MissingColumn): TemplateProblem {
  const { sheet, column, rows } = group;
  const shown = rows.slice(0, 5);
  const more = rows.length > shown.length;
  return {
    path: `${sheet} (${column})`,
    message: {
      'zh-CN': `${sheet} 工作表第 1 行没有“${column}”列，而第 ${shown.join('、')}${more ? ' 等' : ' '}行（共 ${rows.length} 行）要填它：请在第 1 行加上这一列，或改正拼错的列名`,
      'en-US': `row 1 of the ${sheet} sheet has no "${column}" column, which ${rows.length === 1 ? 'row' : 'rows'} ${shown.join(', ')}${more ? ', …' : ''} (${rows.length} in all) need: add the column to row 1, or correct a misspelt column name`,
    },
  };
}
