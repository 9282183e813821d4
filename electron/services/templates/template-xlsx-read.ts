import type * as XLSX from 'xlsx';
import type { Bilingual } from '../../../shared/i18n/locale';
import { own } from '../../../shared/own';
import type { Choice } from '../../../shared/template/schema';
import type { TemplateCheck } from '../../../shared/template/validate';
import { checkTemplate } from '../../../shared/template/validate';
import {
  CHOICES_COLUMNS,
  ROW_RULES_COLUMNS,
  SETTINGS_COLUMNS,
  SHEETS,
  SURVEY_COLUMNS,
} from './template-xlsx-layout';
import {
  checkCellsApply,
  closes,
  readChoices,
  readColumn,
  readItem,
  readRowRule,
} from './template-xlsx-rows';
import type { SheetRow } from './template-xlsx-sheet';
import { bilingual, openWorkbook, Problems, readSheet } from './template-xlsx-sheet';

/**
 * Reads a spreadsheet template (the layout is in template-xlsx-layout.ts). Reading is strict and
 * reports every problem with its sheet, row and column: the spreadsheet's own problems first,
 * then what checkTemplate finds, each JSON path turned back into the row it was read from.
 */
export function workbookToTemplate(data: Uint8Array): TemplateCheck {
  const problems = new Problems();
  const book = openWorkbook(data, problems);
  if (!book) return { ok: false, problems: problems.list };
  checkSheetNames(book, problems);
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
  const survey = new SurveyReader(choiceLists, rowRules, problems);
  for (const row of rowsOf('survey', SURVEY_COLUMNS)) survey.read(row);
  survey.finish();
  checkRowRuleRegisters(survey.sections, rowRules, problems);

  if (!settings) {
    problems.add(
      'settings',
      'settings 工作表第 2 行应填写模板信息',
      'row 2 of the settings sheet must hold the template details',
    );
    return { ok: false, problems: problems.list };
  }
  const template = {
    format: settings.get('format').value,
    id: settings.get('id').value,
    version: settings.get('version').value,
    title: bilingual(settings, 'title'),
    issuer: bilingual(settings, 'issuer'),
    sections: survey.sections,
  };
  const checked = checkTemplate(template);
  if (checked.ok && problems.list.length === 0) return checked;
  const located = checked.ok
    ? []
    : checked.problems.map((p) => ({ ...p, path: locate(p.path, survey.locations) }));
  return { ok: false, problems: [...problems.list, ...located] };
}

function checkSheetNames(book: XLSX.WorkBook, problems: Problems): void {
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
}

type Draft = Record<string, unknown>;
type SectionDraft = { id: string; title: Bilingual; items: Draft[] };
type RegisterDraft = Draft & { columns: unknown[] };

/**
 * Walks the survey sheet row by row. Sections and registers are opened and closed by rows of
 * their own, so the walk keeps which ones are open; it also notes which row each section, item,
 * column and row rule came from, for locate().
 */
class SurveyReader {
  readonly sections: SectionDraft[] = [];
  /** JSON path of each object read → "survey!12" (or "row_rules!3"). */
  readonly locations = new Map<string, string>();
  private section: SectionDraft | null = null;
  private register: RegisterDraft | null = null;

  constructor(
    private readonly choiceLists: Map<string, Choice[]>,
    private readonly rowRules: readonly SheetRow[],
    private readonly problems: Problems,
  ) {}

  read(row: SheetRow): void {
    const { problems } = this;
    const [type = '', list, ...extra] = row.get('type').value.split(/\s+/);
    const at = `survey!A${row.row}`;
    checkCellsApply(row, type, this.register !== null, problems);
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
    if (type === 'begin_section') return this.beginSection(row, at);
    if (type === 'end_section') return this.endSection(row, at);
    const section = this.section;
    if (!section) {
      problems.add(
        at,
        '检查项必须放在 begin_section 和 end_section 之间',
        'items must sit between begin_section and end_section',
      );
    } else if (type === 'end_register') {
      this.endRegister(row, at);
    } else if (this.register) {
      this.addColumn(row, type, list, section, this.register);
    } else {
      this.addItem(row, type, list, section);
    }
  }

  /** After the last row: a section still open was never closed. */
  finish(): void {
    if (this.section)
      this.problems.add(
        'survey',
        `章节“${this.section.id}”没有 end_section`,
        `section "${this.section.id}" has no end_section`,
      );
  }

  private beginSection(row: SheetRow, at: string): void {
    if (this.section)
      this.problems.add(
        at,
        '上一个章节还没有 end_section',
        'the previous section has no end_section',
      );
    this.section = { id: row.get('name').value, title: bilingual(row, 'label'), items: [] };
    this.locations.set(`$.sections[${this.sections.length}]`, `survey!${row.row}`);
    this.sections.push(this.section);
  }

  private endSection(row: SheetRow, at: string): void {
    closes(row, this.section?.id, this.problems);
    if (!this.section)
      this.problems.add(
        at,
        'end_section 前没有 begin_section',
        'end_section without begin_section',
      );
    if (this.register)
      this.problems.add(at, '登记表还没有 end_register', 'the register has no end_register');
    this.section = null;
    this.register = null;
  }

  private endRegister(row: SheetRow, at: string): void {
    closes(row, this.register ? String(this.register.id) : undefined, this.problems);
    if (!this.register)
      this.problems.add(
        at,
        'end_register 前没有 begin_register',
        'end_register without begin_register',
      );
    this.register = null;
  }

  private addColumn(
    row: SheetRow,
    type: string,
    list: string | undefined,
    section: SectionDraft,
    register: RegisterDraft,
  ): void {
    const column = readColumn(row, type, list, this.choiceLists, this.problems);
    if (!column) return;
    this.locations.set(
      `$.sections[${this.sections.length - 1}].items[${section.items.length - 1}].columns[${register.columns.length}]`,
      `survey!${row.row}`,
    );
    register.columns.push(column);
  }

  private addItem(row: SheetRow, type: string, list: string | undefined, section: SectionDraft) {
    const item = readItem(row, type, list, this.choiceLists, this.problems);
    if (!item) return;
    const itemPath = `$.sections[${this.sections.length - 1}].items[${section.items.length}]`;
    this.locations.set(itemPath, `survey!${row.row}`);
    section.items.push(item);
    if (item.kind !== 'register') return;
    const register = item as RegisterDraft;
    this.register = register;
    // A register's row rules live on their own sheet, found by the register's name.
    const read: Draft[] = [];
    for (const r of this.rowRules.filter((r) => r.get('register').value === item.id)) {
      const rule = readRowRule(r, this.problems);
      if (!rule) continue;
      this.locations.set(`${itemPath}.rowRules[${read.length}]`, `row_rules!${r.row}`);
      read.push(rule);
    }
    register.rowRules = read;
  }
}

/** A row rule naming no register would otherwise be dropped without a word. */
function checkRowRuleRegisters(
  sections: readonly SectionDraft[],
  rowRules: readonly SheetRow[],
  problems: Problems,
): void {
  const knownRegisters = new Set(
    sections.flatMap((s) => s.items.filter((i) => i.kind === 'register').map((i) => i.id)),
  );
  for (const r of rowRules) {
    if (!knownRegisters.has(r.get('register').value))
      problems.add(
        `${r.get('register').at} (register)`,
        `登记表“${r.get('register').value}”不存在`,
        `there is no register "${r.get('register').value}"`,
      );
  }
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
