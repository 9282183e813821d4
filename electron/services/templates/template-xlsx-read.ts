import type * as XLSX from 'xlsx';
import type { Bilingual } from '../../../shared/i18n/locale';
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
import { locate, withoutFollowOns } from './template-xlsx-locate';
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
  const choiceRows = rowsOf('choices', CHOICES_COLUMNS);
  const choiceLists = readChoices(choiceRows, problems);
  const rowRules = rowsOf('row_rules', ROW_RULES_COLUMNS);
  const surveyRows = rowsOf('survey', SURVEY_COLUMNS);
  const survey = new SurveyReader(choiceLists, choiceRows, rowRules, problems);
  for (const row of surveyRows) survey.read(row);
  survey.finish();
  checkRowRuleRegisters(survey.sections, rowRules, problems);
  checkListsUsed(choiceRows, surveyRows, problems);

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
    : checked.problems.map((p) => ({
        ...p,
        path: locate(p.path, survey.locations, settings),
      }));
  return {
    ok: false,
    problems: withoutFollowOns(problems.list, located, problems.absentColumns),
  };
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
  /** JSON path of each object read → the row it was read from (survey, choices or row_rules). */
  readonly locations = new Map<string, SheetRow>();
  private section: SectionDraft | null = null;
  private register: RegisterDraft | null = null;

  constructor(
    private readonly choiceLists: Map<string, Choice[]>,
    private readonly choiceRows: readonly SheetRow[],
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
    this.locations.set(`$.sections[${this.sections.length}]`, row);
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
    const columnPath = `$.sections[${this.sections.length - 1}].items[${section.items.length - 1}].columns[${register.columns.length}]`;
    this.locations.set(columnPath, row);
    this.locateChoices(columnPath, list);
    register.columns.push(column);
  }

  /** The choices of an item or column are the rows of its list, in order, on the choices sheet. */
  private locateChoices(path: string, list: string | undefined): void {
    if (list === undefined) return;
    this.choiceRows
      .filter((r) => r.get('list_name').value === list)
      .forEach((r, i) => this.locations.set(`${path}.choices[${i}]`, r));
  }

  private addItem(row: SheetRow, type: string, list: string | undefined, section: SectionDraft) {
    const item = readItem(row, type, list, this.choiceLists, this.problems);
    if (!item) return;
    const itemPath = `$.sections[${this.sections.length - 1}].items[${section.items.length}]`;
    this.locations.set(itemPath, row);
    this.locateChoices(itemPath, list);
    section.items.push(item);
    if (item.kind !== 'register') return;
    const register = item as RegisterDraft;
    this.register = register;
    // A register's row rules live on their own sheet, found by the register's name.
    const read: Draft[] = [];
    for (const r of this.rowRules.filter((r) => r.get('register').value === item.id)) {
      const rule = readRowRule(r, this.problems);
      if (!rule) continue;
      this.locations.set(`${itemPath}.rowRules[${read.length}]`, r);
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

/** A choice list no select_one / select_multiple names would be dropped without a word. */
function checkListsUsed(
  choiceRows: readonly SheetRow[],
  surveyRows: readonly SheetRow[],
  problems: Problems,
): void {
  const used = new Set(
    surveyRows
      .map((r) => r.get('type').value.split(/\s+/))
      .filter(([type]) => type === 'select_one' || type === 'select_multiple')
      .map(([, list]) => list),
  );
  const reported = new Set<string>();
  for (const r of choiceRows) {
    const list = r.get('list_name');
    if (list.value === '' || used.has(list.value) || reported.has(list.value)) continue;
    reported.add(list.value);
    problems.add(
      `${list.at} (list_name)`,
      `选项列表“${list.value}”没有被任何题目使用：请在 survey 工作表的 type 列写 select_one ${list.value}（或 select_multiple ${list.value}），或者删除这个列表`,
      `the choice list "${list.value}" is used by no item: write select_one ${list.value} (or select_multiple ${list.value}) in a type cell of the survey sheet, or delete the list`,
    );
  }
}
