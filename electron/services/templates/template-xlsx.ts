import * as XLSX from 'xlsx';
import type { Bilingual } from '../../../shared/i18n/locale';
import { parseCondition, printCondition } from '../../../shared/template/expression';
import { checkZipBudget, MAX_UNPACKED_BYTES } from './zip-budget';
import type { Choice, Column, Condition, Item, Template } from '../../../shared/template/schema';
import type { TemplateCheck, TemplateProblem } from '../../../shared/template/validate';
import { checkTemplate } from '../../../shared/template/validate';
import { effectOf, effectText, parseRules, printRules } from './rules-text';
import { own } from '../../../shared/own';

/**
 * A template as a spreadsheet in an XLSForm-like layout, for bureau clerks:
 *   settings  one row: format, id, version, title::zh-CN, title::en-US, issuer::zh-CN, issuer::en-US
 *   survey    one row per item; begin_section / end_section around each section;
 *             begin_register NAME … end_register around a register's columns
 *   choices   list_name, name, label::zh-CN, label::en-US
 *   row_rules register, name, when, effect, message::zh-CN, message::en-US
 * docs/formats.md describes every column. Reading is strict and reports every problem with its
 * sheet, row and column; writing then reading gives the same template back.
 */

export const SURVEY_COLUMNS = [
  'type',
  'name',
  'label::zh-CN',
  'label::en-US',
  'hint::zh-CN',
  'hint::en-US',
  'required',
  'relevant',
  'evidence',
  'basis::zh-CN',
  'basis::en-US',
  'basis_confirmed',
  'unit::zh-CN',
  'unit::en-US',
  'min',
  'max',
  'rules',
  'min_rows',
  'multiline',
] as const;
const SETTINGS_COLUMNS = [
  'format',
  'id',
  'version',
  'title::zh-CN',
  'title::en-US',
  'issuer::zh-CN',
  'issuer::en-US',
] as const;
const CHOICES_COLUMNS = ['list_name', 'name', 'label::zh-CN', 'label::en-US'] as const;
const ROW_RULES_COLUMNS = [
  'register',
  'name',
  'when',
  'effect',
  'message::zh-CN',
  'message::en-US',
] as const;
export const SHEETS = ['survey', 'choices', 'row_rules', 'settings'] as const;

const ITEM_TYPES: Readonly<Record<string, Item['kind']>> = {
  check: 'check',
  yes_no: 'yesno',
  date: 'date',
  number: 'number',
  text: 'text',
  select_one: 'choice',
  select_multiple: 'multi',
};
const COLUMN_TYPES: Readonly<Record<string, Column['kind']>> = {
  text: 'text',
  number: 'number',
  date: 'date',
  select_one: 'choice',
  yes_no: 'yesno',
  file: 'file',
};
const typeOfItem = (kind: Item['kind']) =>
  Object.keys(ITEM_TYPES).find((k) => ITEM_TYPES[k] === kind)!;
const typeOfColumn = (kind: Column['kind']) =>
  Object.keys(COLUMN_TYPES).find((k) => COLUMN_TYPES[k] === kind)!;
const yesNo = (value: boolean) => (value ? 'yes' : 'no');

// ---- writing -------------------------------------------------------------------------------

type Row = Record<string, string | number>;

export function templateToWorkbook(template: Template): Buffer {
  const survey: Row[] = [];
  const choices: Row[] = [];
  const rowRules: Row[] = [];
  const addChoices = (list: string, values: readonly Choice[]) => {
    for (const c of values)
      choices.push({
        list_name: list,
        name: c.value,
        'label::zh-CN': c.label['zh-CN'],
        'label::en-US': c.label['en-US'],
      });
  };

  for (const section of template.sections) {
    survey.push({
      type: 'begin_section',
      name: section.id,
      'label::zh-CN': section.title['zh-CN'],
      'label::en-US': section.title['en-US'],
    });
    for (const item of section.items) {
      const row: Row = {
        name: item.id,
        'label::zh-CN': item.prompt['zh-CN'],
        'label::en-US': item.prompt['en-US'],
        required: yesNo(item.required),
        evidence: item.evidence,
      };
      if (item.guidance)
        Object.assign(row, {
          'hint::zh-CN': item.guidance['zh-CN'],
          'hint::en-US': item.guidance['en-US'],
        });
      if (item.visibleIf) row.relevant = printCondition(item.visibleIf);
      if (item.basis.length > 0) {
        row['basis::zh-CN'] = item.basis.map((b) => b['zh-CN']).join('\n');
        row['basis::en-US'] = item.basis.map((b) => b['en-US']).join('\n');
        row.basis_confirmed = item.basis.map((b) => yesNo(b.confirmed)).join('\n');
      }
      if (item.rules.length > 0) row.rules = printRules(item.rules);
      if (item.kind === 'register') {
        survey.push({ ...row, type: 'begin_register', min_rows: item.minRows });
        for (const column of item.columns) {
          // ':' cannot appear in an id, so no item's list can share this name.
          const list = `${item.id}:${column.id}`;
          const colRow: Row = {
            type: column.kind === 'choice' ? `select_one ${list}` : typeOfColumn(column.kind),
            name: column.id,
            'label::zh-CN': column.label['zh-CN'],
            'label::en-US': column.label['en-US'],
            required: yesNo(column.required),
          };
          if (column.unit)
            Object.assign(colRow, {
              'unit::zh-CN': column.unit['zh-CN'],
              'unit::en-US': column.unit['en-US'],
            });
          if (column.choices) addChoices(list, column.choices);
          survey.push(colRow);
        }
        survey.push({ type: 'end_register', name: item.id });
        for (const rule of item.rowRules) {
          rowRules.push({
            register: item.id,
            name: rule.id,
            when: printCondition(rule.when),
            effect: effectText(rule.effect),
            'message::zh-CN': rule.message['zh-CN'],
            'message::en-US': rule.message['en-US'],
          });
        }
        continue;
      }
      row.type =
        item.kind === 'choice' || item.kind === 'multi'
          ? `${typeOfItem(item.kind)} ${item.id}`
          : typeOfItem(item.kind);
      if (item.kind === 'choice' || item.kind === 'multi') addChoices(item.id, item.choices);
      if (item.kind === 'number') {
        if (item.unit)
          Object.assign(row, {
            'unit::zh-CN': item.unit['zh-CN'],
            'unit::en-US': item.unit['en-US'],
          });
        if (item.min !== undefined) row.min = item.min;
        if (item.max !== undefined) row.max = item.max;
      }
      if (item.kind === 'text') row.multiline = yesNo(item.multiline);
      survey.push(row);
    }
    survey.push({ type: 'end_section', name: section.id });
  }

  const settings: Row = {
    format: template.format,
    id: template.id,
    version: template.version,
    'title::zh-CN': template.title['zh-CN'],
    'title::en-US': template.title['en-US'],
    'issuer::zh-CN': template.issuer['zh-CN'],
    'issuer::en-US': template.issuer['en-US'],
  };

  const book = XLSX.utils.book_new();
  append(book, 'survey', SURVEY_COLUMNS, survey, {
    type: 16,
    name: 24,
    'label::zh-CN': 48,
    'label::en-US': 48,
    relevant: 36,
    rules: 36,
  });
  append(book, 'choices', CHOICES_COLUMNS, choices, {
    list_name: 28,
    'label::zh-CN': 24,
    'label::en-US': 28,
  });
  append(book, 'row_rules', ROW_RULES_COLUMNS, rowRules, {
    when: 60,
    'message::zh-CN': 32,
    'message::en-US': 40,
  });
  append(book, 'settings', SETTINGS_COLUMNS, [settings], {
    format: 22,
    'title::zh-CN': 30,
    'title::en-US': 40,
  });
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

function append(
  book: XLSX.WorkBook,
  name: string,
  columns: readonly string[],
  rows: readonly Row[],
  widths: Readonly<Record<string, number>>,
): void {
  // Every value is written as a plain cell: a text starting with = + - @ stays text, never a formula.
  const sheet = XLSX.utils.aoa_to_sheet([
    [...columns],
    ...rows.map((r) => columns.map((c) => r[c] ?? '')),
  ]);
  sheet['!cols'] = columns.map((c) => ({ wch: widths[c] ?? 14 }));
  sheet['!autofilter'] = {
    ref: XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: rows.length, c: columns.length - 1 },
    }),
  };
  XLSX.utils.book_append_sheet(book, sheet, name);
}

// ---- reading -------------------------------------------------------------------------------

export const MAX_SHEET_ROWS = 5000;

interface Cell {
  readonly value: string;
  readonly at: string;
}
type SheetRow = {
  readonly row: number;
  readonly get: (column: string) => Cell;
  /** The known columns that hold something on this row. */
  readonly filled: () => string[];
};

class Problems {
  readonly list: TemplateProblem[] = [];
  add(at: string, zh: string, en: string): void {
    this.list.push({ path: at, message: { 'zh-CN': zh, 'en-US': en } });
  }
}

/** Reads a spreadsheet template: every problem, each with its sheet, cell and column name. */
export function workbookToTemplate(data: Uint8Array): TemplateCheck {
  const problems = new Problems();
  const book = openWorkbook(data, problems);
  if (!book) return { ok: false, problems: problems.list };

  for (const name of book.SheetNames) {
    if (!(SHEETS as readonly string[]).includes(name)) {
      problems.add(
        name,
        `不认识的工作表“${name}”（可用：${SHEETS.join('、')}）`,
        `unknown sheet "${name}" (known: ${SHEETS.join(', ')})`,
      );
    }
  }
  for (const name of ['survey', 'settings'] as const) {
    if (!book.Sheets[name])
      problems.add(
        name,
        `缺少工作表“${name}”（现有：${book.SheetNames.join('、')}）`,
        `sheet "${name}" is missing (found: ${book.SheetNames.join(', ')})`,
      );
  }
  if (problems.list.length > 0) return { ok: false, problems: problems.list };

  const rowsOf = (name: string, columns: readonly string[]): SheetRow[] =>
    readSheet(book, name, columns, problems);
  const settingsRows = rowsOf('settings', SETTINGS_COLUMNS);
  const settings = settingsRows[0];
  for (const extraRow of settingsRows.slice(1)) {
    problems.add(
      `settings!A${extraRow.row}`,
      'settings 工作表只能有一行模板信息（第 2 行）',
      'the settings sheet holds one row of details (row 2) only',
    );
  }
  const choiceLists = readChoices(rowsOf('choices', CHOICES_COLUMNS), problems);
  const rowRules = rowsOf('row_rules', ROW_RULES_COLUMNS);
  const survey = rowsOf('survey', SURVEY_COLUMNS);

  const sections: unknown[] = [];
  const locations = new Map<string, string>();
  type SectionDraft = { id: string; title: Bilingual; items: unknown[] };
  type RegisterDraft = Record<string, unknown> & { columns: unknown[] };
  // Declared with `as` so the loop's reassignments are not narrowed away.
  let section = null as SectionDraft | null;
  let register = null as RegisterDraft | null;

  for (const row of survey) {
    const [type = '', list, ...extra] = row.get('type').value.split(/\s+/);
    const at = `survey!A${row.row}`;
    checkCellsApply(row, type, register !== null, problems);
    if (
      (list !== undefined && type !== 'select_one' && type !== 'select_multiple') ||
      extra.length > 0
    ) {
      problems.add(
        `${row.get('type').at} (type)`,
        `“${row.get('type').value}”：只有 select_one / select_multiple 后面可以写选项列表名`,
        `"${row.get('type').value}": only select_one / select_multiple take a list name`,
      );
    }
    if (type === 'begin_section') {
      if (section)
        problems.add(at, '上一个章节还没有 end_section', 'the previous section has no end_section');
      section = { id: row.get('name').value, title: bilingual(row, 'label'), items: [] };
      locations.set(`$.sections[${sections.length}]`, `survey!${row.row}`);
      sections.push(section);
    } else if (type === 'end_section') {
      closes(row, section?.id, problems);
      if (!section)
        problems.add(at, 'end_section 前没有 begin_section', 'end_section without begin_section');
      if (register)
        problems.add(at, '登记表还没有 end_register', 'the register has no end_register');
      section = null;
      register = null;
    } else if (!section) {
      problems.add(
        at,
        '检查项必须放在 begin_section 和 end_section 之间',
        'items must sit between begin_section and end_section',
      );
    } else if (type === 'end_register') {
      closes(row, register ? String(register.id) : undefined, problems);
      if (!register)
        problems.add(
          at,
          'end_register 前没有 begin_register',
          'end_register without begin_register',
        );
      register = null;
    } else if (register) {
      const kind = own(COLUMN_TYPES, type);
      if (!kind) {
        problems.add(
          `${row.get('type').at} (type)`,
          `登记表中的列类型“${type}”无效，可用：${Object.keys(COLUMN_TYPES).join('、')}`,
          `"${type}" is not a register column type; use ${Object.keys(COLUMN_TYPES).join(', ')}`,
        );
        continue;
      }
      const column: Record<string, unknown> = {
        id: row.get('name').value,
        kind,
        label: bilingual(row, 'label'),
        required: flag(row, 'required', problems),
      };
      if (kind === 'choice') column.choices = choicesFor(list, row, choiceLists, problems);
      const unit = optionalBilingual(row, 'unit');
      if (unit) column.unit = unit;
      locations.set(
        `$.sections[${sections.length - 1}].items[${section.items.length - 1}].columns[${register.columns.length}]`,
        `survey!${row.row}`,
      );
      register.columns.push(column);
    } else {
      const item = readItem(row, type, list, choiceLists, problems);
      if (!item) continue;
      locations.set(
        `$.sections[${sections.length - 1}].items[${section.items.length}]`,
        `survey!${row.row}`,
      );
      section.items.push(item);
      if (item.kind === 'register') {
        register = item as RegisterDraft;
        const rules = rowRules.filter((r) => r.get('register').value === item.id);
        const read: Record<string, unknown>[] = [];
        for (const r of rules) {
          const rule = readRowRule(r, problems);
          if (!rule) continue;
          locations.set(
            `$.sections[${sections.length - 1}].items[${section.items.length - 1}].rowRules[${read.length}]`,
            `row_rules!${r.row}`,
          );
          read.push(rule);
        }
        register.rowRules = read;
      }
    }
  }
  if (section)
    problems.add(
      'survey',
      `章节“${section.id}”没有 end_section`,
      `section "${section.id}" has no end_section`,
    );
  const knownRegisters = new Set(
    sections.flatMap((s) =>
      (s as { items: { id: string; kind: string }[] }).items
        .filter((i) => i.kind === 'register')
        .map((i) => i.id),
    ),
  );
  for (const r of rowRules) {
    if (!knownRegisters.has(r.get('register').value))
      problems.add(
        `${r.get('register').at} (register)`,
        `登记表“${r.get('register').value}”不存在`,
        `there is no register "${r.get('register').value}"`,
      );
  }

  const template = settings
    ? {
        format: settings.get('format').value,
        id: settings.get('id').value,
        version: settings.get('version').value,
        title: bilingual(settings, 'title'),
        issuer: bilingual(settings, 'issuer'),
        sections,
      }
    : (problems.add(
        'settings',
        'settings 工作表第 2 行应填写模板信息',
        'row 2 of the settings sheet must hold the template details',
      ),
      null);
  if (!template) return { ok: false, problems: problems.list };

  const checked = checkTemplate(template);
  if (checked.ok && problems.list.length === 0) return checked;
  const located = checked.ok
    ? []
    : checked.problems.map((p) => ({ ...p, path: locate(p.path, locations) }));
  return { ok: false, problems: [...problems.list, ...located] };
}

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
  choices: 'choices',
  label: 'label',
  message: 'message',
  effect: 'effect',
};

/** Turns a JSON path into "survey!12 (label::zh-CN)" using where each object was read from. */
function locate(jsonPath: string, locations: ReadonlyMap<string, string>): string {
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
    const field = /^\$\.(\w+)/.exec(jsonPath)?.[1];
    return field ? `settings (${field})` : jsonPath;
  }
  const rest = jsonPath.slice(best.length).replace(/^\./, '');
  const [field = '', sub] = rest.split('.');
  const column = own(FIELD_COLUMNS, field.replace(/\[\d+\]$/, ''));
  const where = locations.get(best)!.replace('!', ' 第 ').replace(/$/, ' 行 / row');
  const lang = sub === 'zh-CN' || sub === 'en-US' ? `::${sub}` : '';
  return column ? `${where} (${column}${lang})` : where;
}

function openWorkbook(data: Uint8Array, problems: Problems): XLSX.WorkBook | null {
  const isZip =
    data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
  const isOldXls =
    data.length > 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0;
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
  const budget = checkZipBudget(data);
  if (budget === 'too-large') {
    problems.add(
      'file',
      `工作簿解压后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB，不像是模板文件`,
      `the workbook unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB and does not look like a template`,
    );
    return null;
  }
  if (budget === 'damaged') {
    problems.add(
      'file',
      '工作簿已损坏或不完整，无法读取',
      'the workbook is damaged or incomplete and cannot be read',
    );
    return null;
  }
  try {
    return XLSX.read(data, {
      type: 'array',
      cellFormula: true,
      cellHTML: false,
      cellDates: false,
      dense: true,
      sheetRows: MAX_SHEET_ROWS + 1,
    });
  } catch {
    problems.add(
      'file',
      '工作簿已损坏或不完整，无法读取',
      'the workbook is damaged or incomplete and cannot be read',
    );
    return null;
  }
}

function readSheet(
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

const UNIT = ['unit::zh-CN', 'unit::en-US'];
/** The survey columns only some types use; every item row may fill the rest. */
const TYPE_SPECIFIC: readonly string[] = [...UNIT, 'min', 'max', 'min_rows', 'multiline'];
const ITEM_COLUMNS: readonly string[] = SURVEY_COLUMNS.filter((c) => !TYPE_SPECIFIC.includes(c));

/** The columns a row of a given type may fill; anything else would be silently ignored. */
function columnsFor(type: string, inRegister: boolean): readonly string[] {
  if (type === 'end_section' || type === 'end_register') return ['type', 'name'];
  if (type === 'begin_section') return ['type', 'name', 'label::zh-CN', 'label::en-US'];
  if (inRegister)
    return [
      'type',
      'name',
      'label::zh-CN',
      'label::en-US',
      'required',
      ...(type === 'number' ? UNIT : []),
    ];
  if (type === 'number') return [...ITEM_COLUMNS, ...UNIT, 'min', 'max'];
  if (type === 'text') return [...ITEM_COLUMNS, 'multiline'];
  if (type === 'begin_register') return [...ITEM_COLUMNS, 'min_rows'];
  return ITEM_COLUMNS;
}

function checkCellsApply(
  row: SheetRow,
  type: string,
  inRegister: boolean,
  problems: Problems,
): void {
  const allowed = columnsFor(type, inRegister);
  for (const column of row.filled()) {
    if (allowed.includes(column)) continue;
    problems.add(
      `${row.get(column).at} (${column})`,
      `“${column}”列不适用于 ${type} 行，请清空`,
      `column "${column}" does not apply to a ${type} row; leave it empty`,
    );
  }
}

/** An end_section / end_register row that names something must name what it closes. */
function closes(row: SheetRow, open: string | undefined, problems: Problems): void {
  const name = row.get('name');
  if (name.value !== '' && open !== undefined && name.value !== open) {
    problems.add(
      `${name.at} (name)`,
      `这一行关闭的是“${open}”，而不是“${name.value}”`,
      `this row closes "${open}", not "${name.value}"`,
    );
  }
}

function readChoices(rows: SheetRow[], problems: Problems): Map<string, Choice[]> {
  const lists = new Map<string, Choice[]>();
  for (const row of rows) {
    const list = row.get('list_name').value;
    if (!list) {
      problems.add(
        `${row.get('list_name').at} (list_name)`,
        '选项缺少 list_name',
        'a choice has no list_name',
      );
      continue;
    }
    const entries = lists.get(list) ?? [];
    entries.push({ value: row.get('name').value, label: bilingual(row, 'label') });
    lists.set(list, entries);
  }
  return lists;
}

function choicesFor(
  list: string | undefined,
  row: SheetRow,
  lists: Map<string, Choice[]>,
  problems: Problems,
): Choice[] {
  const choices = list ? lists.get(list) : undefined;
  if (!choices) {
    problems.add(
      `${row.get('type').at} (type)`,
      list
        ? `choices 工作表中没有选项列表“${list}”`
        : 'select_one / select_multiple 后应写选项列表名',
      list
        ? `the choices sheet has no list "${list}"`
        : 'select_one / select_multiple must name a choice list',
    );
    return [];
  }
  return choices;
}

function readItem(
  row: SheetRow,
  type: string,
  list: string | undefined,
  lists: Map<string, Choice[]>,
  problems: Problems,
): Record<string, unknown> | null {
  const kind = type === 'begin_register' ? 'register' : own(ITEM_TYPES, type);
  if (!kind) {
    problems.add(
      `${row.get('type').at} (type)`,
      `类型“${type}”无效，可用：${[...Object.keys(ITEM_TYPES), 'begin_register', 'begin_section'].join('、')}`,
      `"${type}" is not a type; use ${[...Object.keys(ITEM_TYPES), 'begin_register', 'begin_section'].join(', ')}`,
    );
    return null;
  }
  const item: Record<string, unknown> = {
    id: row.get('name').value,
    kind,
    prompt: bilingual(row, 'label'),
  };
  const guidance = optionalBilingual(row, 'hint');
  if (guidance) item.guidance = guidance;
  item.basis = readBasis(row, problems);
  item.required = flag(row, 'required', problems);
  item.evidence = row.get('evidence').value || 'none';
  if (row.get('relevant').value) {
    const condition = readCondition(row, 'relevant', problems);
    if (condition) item.visibleIf = condition;
  }
  const rules = parseRules(row.get('rules').value);
  if (rules.ok) item.rules = rules.rules;
  else {
    problems.add(`${row.get('rules').at} (rules)`, rules.message['zh-CN'], rules.message['en-US']);
    item.rules = [];
  }
  if (kind === 'choice' || kind === 'multi') item.choices = choicesFor(list, row, lists, problems);
  if (kind === 'number') {
    const unit = optionalBilingual(row, 'unit');
    if (unit) item.unit = unit;
    for (const bound of ['min', 'max'] as const) {
      const cell = row.get(bound);
      if (cell.value === '') continue;
      const n = Number(cell.value);
      if (Number.isFinite(n)) item[bound] = n;
      else
        problems.add(
          `${cell.at} (${bound})`,
          `“${cell.value}”不是数字`,
          `"${cell.value}" is not a number`,
        );
    }
  }
  if (kind === 'text') item.multiline = flag(row, 'multiline', problems);
  if (kind === 'register') {
    item.columns = [];
    const minRows = row.get('min_rows');
    item.minRows = minRows.value === '' ? 0 : Number(minRows.value);
    if (!Number.isInteger(item.minRows))
      problems.add(
        `${minRows.at} (min_rows)`,
        'min_rows 应为整数',
        'min_rows must be a whole number',
      );
  }
  return item;
}

function readBasis(row: SheetRow, problems: Problems): unknown[] {
  const split = (column: string) =>
    row.get(column).value === ''
      ? []
      : row
          .get(column)
          .value.split(/\r?\n/)
          .map((s) => s.trim());
  const [zh, en, confirmed] = [
    split('basis::zh-CN'),
    split('basis::en-US'),
    split('basis_confirmed'),
  ];
  if (zh.length !== en.length || zh.length !== confirmed.length) {
    problems.add(
      `${row.get('basis::zh-CN').at} (basis)`,
      `法律依据的中文（${zh.length} 行）、英文（${en.length} 行）和 basis_confirmed（${confirmed.length} 行）行数应相同，每行一条`,
      `basis::zh-CN (${zh.length} lines), basis::en-US (${en.length}) and basis_confirmed (${confirmed.length}) must have one line per basis`,
    );
    return [];
  }
  return zh.map((text, i) => ({
    'zh-CN': text,
    'en-US': en[i],
    confirmed: confirmed[i] === 'yes' ? true : confirmed[i] === 'no' ? false : confirmed[i],
  }));
}

/** The condition written in a cell, or null with the problem recorded at the character it is. */
function readCondition(row: SheetRow, column: string, problems: Problems): Condition | null {
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

/** A row rule, or null when its cells are wrong (the problems are recorded). */
function readRowRule(row: SheetRow, problems: Problems): Record<string, unknown> | null {
  const when = readCondition(row, 'when', problems);
  const effectCell = row.get('effect');
  const effect = effectOf(effectCell.value);
  if (!effect) {
    problems.add(
      `${effectCell.at} (effect)`,
      `结果应为 non_compliant、partial 或 warning，而不是“${effectCell.value}”`,
      `the effect must be non_compliant, partial or warning, not "${effectCell.value}"`,
    );
  }
  if (!when || !effect) return null;
  return {
    id: row.get('name').value,
    when,
    effect,
    message: bilingual(row, 'message'),
  };
}

function bilingual(row: SheetRow, base: string): Bilingual {
  return { 'zh-CN': row.get(`${base}::zh-CN`).value, 'en-US': row.get(`${base}::en-US`).value };
}

function optionalBilingual(row: SheetRow, base: string): Bilingual | undefined {
  const value = bilingual(row, base);
  return value['zh-CN'] === '' && value['en-US'] === '' ? undefined : value;
}

function flag(row: SheetRow, column: string, problems: Problems): boolean {
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
