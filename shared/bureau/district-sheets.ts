import type { Locale } from '../i18n/locale';
import { periodLabel } from '../inspection/period';
import { STAGE_TEXT } from '../report/report-text';
import { EFFECT_LABELS } from '../template/labels';
import type { WorkbookCell } from '../workbook/cells';
import type { Pick2, SheetColumn, SheetShape, WorkbookSheet } from '../workbook/sheet';
import { pickerFor, sheetName } from '../workbook/sheet';
import { date, num, percent, sharingCells, text } from './district-cells';
import type { BureauProfile } from './feedback';
import { aboutSheet, ABOUT_COLUMNS } from './district-about';
import { DUPLICATE_LABEL, MATRIX_LABELS, REJECTION_LABELS } from './labels';
import type { District, DistrictSchool } from './merge';
import type { SchoolListEntry } from './school-list';

/**
 * The district summary workbook (`qinglang-district/1`): a report for the bureau's superiors,
 * not a format for machines. Every sheet keeps the bureau workbook's layout (title in row 1,
 * headers in row 2, data from row 3) and is in one language. Pure: the same merge, options and
 * time give the same sheets.
 */
export { DISTRICT_FORMAT, districtFileCounts } from './district-about';
export type { DistrictFileCounts } from './district-about';

export interface DistrictSummaryOptions {
  readonly language: Locale;
  readonly appVersion: string;
  /** When the summary was made (an instant, shown in Beijing time). */
  readonly generatedAt: string;
  /** The day overdue actions were judged on. */
  readonly today: string;
  readonly bureau?: BureauProfile;
  readonly allowDrafts: boolean;
  /** The bureau's list of schools, when one was loaded. */
  readonly schoolList?: readonly SchoolListEntry[];
}

interface Context {
  readonly district: District;
  readonly options: DistrictSummaryOptions;
  readonly say: Pick2;
  readonly language: Locale;
  readonly title: (what: string) => string;
  /** An item's prompt as the matrix names it (the newest version's wording). */
  readonly prompt: (itemId: string) => string;
}

type Column = readonly [zh: string, en: string, width: number];

const columnsOf = (say: Pick2, columns: readonly Column[]): SheetColumn[] =>
  columns.map(([zh, en, width]) => ({ header: say(zh, en), width }));

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Days from `due` to `today` when the deadline has passed. */
export const daysOverdue = (due: string, today: string): number =>
  Math.max(0, Math.round(dayNumber(today) - dayNumber(due)));

/** A sheet of the summary, made only when asked: for 10,000 schools one sheet's rows at a time. */
export interface LazySheet {
  readonly name: string;
  /** All but the rows, without making them. */
  readonly shape: () => SheetShape;
  /** The sheet, made afresh at each call (its repeated cells shared within it). */
  readonly build: () => WorkbookSheet;
}

/** A sheet whose rows are made when asked. */
interface Made extends SheetShape {
  readonly rows: () => WorkbookCell[][];
}

/** A small sheet, its rows made at once. */
const eager = (sheet: WorkbookSheet): Made => ({
  ...sheet,
  rowCount: sheet.rows.length,
  rows: () => sheet.rows as WorkbookCell[][],
});

export function districtSheets(
  district: District,
  options: DistrictSummaryOptions,
): WorkbookSheet[] {
  return lazyDistrictSheets(district, options).map((sheet) => sheet.build());
}

/** The sheets districtSheets gives, in its order, each made when built. */
export function lazyDistrictSheets(
  district: District,
  options: DistrictSummaryOptions,
): LazySheet[] {
  const { language } = options;
  const say = pickerFor(language);
  const heading = [
    options.bureau?.name,
    say('校园网络安全检查 区县汇总', 'District summary of school network-security inspections'),
  ]
    .filter(Boolean)
    .join(' · ');
  const prompts = new Map(district.items.map((i) => [i.id, i.prompt[language]]));
  const context: Context = {
    district,
    options,
    say,
    language,
    title: (what) => `${heading} · ${what}${say(`（${options.today}）`, ` (${options.today})`)}`,
    prompt: (id) => prompts.get(id) ?? '',
  };
  const taken = new Set<string>();
  const lazy = (
    zh: string,
    en: string,
    make: (context: Context, name: string) => Made,
  ): LazySheet => {
    const name = sheetName(say(zh, en), taken);
    const shape = (): SheetShape => {
      const made = make(context, name);
      const { id, title, columns, rowCount } = made;
      return { id, name: made.name, title, columns, rowCount };
    };
    const build = (): WorkbookSheet =>
      sharingCells(() => {
        const { rows, rowCount, ...rest } = make(context, name);
        const made = rows();
        if (made.length !== rowCount)
          throw new Error(`${name}: ${made.length} rows, not ${rowCount}`);
        return { ...rest, rows: made };
      });
    return { name, shape, build };
  };
  return [
    lazy('学校', 'Schools', schoolsSheet),
    lazy('检查项', 'Items', itemsSheet),
    lazy('发现问题', 'Findings', findingsSheet),
    lazy('整改', 'Open actions', actionsSheet),
    lazy('未报送', 'Missing schools', (c, n) => eager(missingSheet(c, n))),
    lazy('未采用', 'Files not used', (c, n) => eager(unusedSheet(c, n))),
    lazy('说明', 'About', (c, n) => eager(aboutSheet(c, n, columnsOf(c.say, ABOUT_COLUMNS)))),
  ];
}

const SCHOOL_COLUMNS: readonly Column[] = [
  // Who, then the figures a superior reads first, so they print on the first page across; the
  // details (term, checklist, signature, file) follow.
  ['序号', 'No.', 5],
  ['学校名称', 'School', 22],
  ['区县', 'District', 10],
  ['学校标识码', 'School code', 13],
  ['学段', 'Stage', 12],
  ['符合率', 'Compliance rate', 8],
  ['上学期符合率', "Previous term's rate", 9],
  ['变化', 'Change', 8],
  ['不符合', 'Non-compliant', 10],
  ['部分符合', 'Partly compliant', 10],
  ['逾期整改', 'Overdue actions', 8],
  ['未完成整改', 'Open actions', 8],
  ['发现问题', 'Findings', 7],
  ['签字状态', 'Signed', 8],
  ['学期', 'Term', 12],
  ['检查表及版本', 'Checklist and version', 21],
  ['签字人', 'Signer', 9],
  ['签字日期', 'Signed on', 11],
  ['符合', 'Compliant', 10],
  ['不适用', 'Not applicable', 10],
  ['未答', 'Unanswered', 10],
  ['签字密钥变更', 'Signing key changed', 12],
  ['在学校名单中', 'On the school list', 9],
  ['文件', 'File', 24],
];

function schoolsSheet(context: Context, name: string): Made {
  const { district, say, language, options } = context;
  const rows = () =>
    district.schools.map((school, index): WorkbookCell[] => {
      const s = school.current.submission;
      return [
        num(index + 1),
        text(school.name),
        text(school.district),
        text(school.code),
        text(STAGE_TEXT[school.stage][language]),
        percent(s.complianceRate),
        percent(school.previousRate ?? null),
        percent(school.rateChange ?? null),
        num(s.counts.nonCompliant),
        num(s.counts.partial),
        num(school.overdueActions),
        num(school.openActions),
        num(s.findings.length),
        text(s.signed ? say('已签字', 'Signed') : say('草稿', 'Draft')),
        text(periodLabel(s.period)[language]),
        text(`${s.template.id} ${s.template.version}`),
        text(s.signer),
        date(s.signedOn),
        num(s.counts.compliant),
        num(s.counts.na),
        num(s.counts.unanswered),
        text(keyChangeText(school, say)),
        text(listedText(school, options, say)),
        text(school.current.file),
      ];
    });
  return {
    id: 'schools',
    name,
    title: context.title(say('各校情况（每校最新学期）', "Schools (each school's latest term)")),
    columns: columnsOf(say, SCHOOL_COLUMNS),
    rowCount: district.schools.length,
    rows,
  };
}

function keyChangeText(school: DistrictSchool, say: Pick2): string | undefined {
  const change = school.current.keyChange;
  if (!change) return undefined;
  return say(
    `是：此前为 ${change.previous.slice(0, 8)}…，现为 ${change.current.slice(0, 8)}…，请与学校核实`,
    `Yes: was ${change.previous.slice(0, 8)}…, now ${change.current.slice(0, 8)}…; check with the school`,
  );
}

function listedText(
  school: DistrictSchool,
  options: DistrictSummaryOptions,
  say: Pick2,
): string | undefined {
  if (!options.schoolList) return undefined;
  return school.listed ? say('是', 'Yes') : say('否（不在名单中）', 'No (not on the list)');
}

function itemsSheet(context: Context, name: string): Made {
  const { district, say, language } = context;
  const schools = district.schools;
  // Most schools failing first, then most partly compliant; otherwise the checklist's order.
  const items = district.items
    .map((item, order) => ({ item, order }))
    .sort(
      (x, y) =>
        y.item.nonCompliant - x.item.nonCompliant ||
        y.item.partial - x.item.partial ||
        x.order - y.order,
    )
    .map(({ item }) => item);
  const rows = () =>
    items.map((item, index): WorkbookCell[] => [
      num(index + 1),
      text(item.section[language]),
      text(item.id),
      text(item.prompt[language]),
      num(item.nonCompliant),
      num(item.partial),
      ...schools.map((school) => {
        const status = item.bySchool[school.code];
        return text(status === undefined ? undefined : MATRIX_LABELS[status][language]);
      }),
    ]);
  const columns: SheetColumn[] = [
    ...columnsOf(say, [
      ['序号', 'No.', 5],
      ['部分', 'Section', 14],
      ['检查项编号', 'Item id', 22],
      ['检查项', 'Item', 36],
      ['不符合的学校数', 'Schools non-compliant', 11],
      ['部分符合的学校数', 'Schools partly compliant', 11],
    ]),
    ...schools.map((school) => ({ header: `${school.name}\n${school.code}`, width: 11 })),
  ];
  return {
    id: 'items',
    name,
    title: context.title(
      say(
        '检查项 × 学校（按不符合的学校数排序）',
        'Items × schools (most schools non-compliant first)',
      ),
    ),
    columns,
    rowCount: items.length,
    rows,
  };
}

const schoolCells = (school: DistrictSchool): WorkbookCell[] => [
  text(school.district),
  text(school.code),
  text(school.name),
];

const SCHOOL_HEAD: readonly Column[] = [
  ['区县', 'District', 10],
  ['学校标识码', 'School code', 13],
  ['学校名称', 'School', 20],
];

function findingsSheet(context: Context, name: string): Made {
  const { district, say } = context;
  return {
    id: 'findings',
    name,
    title: context.title(say('发现的问题（每校最新学期）', "Findings (each school's latest term)")),
    columns: columnsOf(say, [
      ['序号', 'No.', 5],
      ...SCHOOL_HEAD,
      ['检查项编号', 'Item id', 22],
      ['检查项', 'Item', 30],
      ['结论', 'Result', 9],
      ['登记表行', 'Register row', 7],
      ['问题', 'Finding', 44],
    ]),
    rowCount: district.schools.reduce((n, s) => n + s.current.submission.findings.length, 0),
    rows: () => findingRows(context),
  };
}

function findingRows(context: Context): WorkbookCell[][] {
  const { district, language } = context;
  const rows: WorkbookCell[][] = [];
  for (const school of district.schools) {
    for (const finding of school.current.submission.findings) {
      const effect =
        finding.effect === 'non-compliant' || finding.effect === 'partial'
          ? EFFECT_LABELS[finding.effect][language]
          : finding.effect;
      rows.push([
        num(rows.length + 1),
        ...schoolCells(school),
        text(finding.itemId),
        text(context.prompt(finding.itemId)),
        text(effect),
        num(finding.row === undefined ? null : finding.row + 1),
        text(finding.message[language]),
      ]);
    }
  }
  return rows;
}

function actionsSheet(context: Context, name: string): Made {
  const { district, say } = context;
  return {
    id: 'actions',
    name,
    title: context.title(
      say('未完成的整改（逾期在前）', 'Open corrective actions (overdue first)'),
    ),
    columns: columnsOf(say, [
      ['序号', 'No.', 5],
      ...SCHOOL_HEAD,
      ['检查项编号', 'Item id', 22],
      ['检查项', 'Item', 26],
      ['整改内容', 'Action', 34],
      ['责任人', 'Owner', 10],
      ['整改期限', 'Due', 11],
      ['状态', 'State', 8],
      ['逾期天数', 'Days overdue', 8],
    ]),
    rowCount: district.schools.reduce(
      (n, s) => n + s.current.submission.actions.filter((a) => a.state === 'open').length,
      0,
    ),
    rows: () => actionRows(context),
  };
}

function actionRows(context: Context): WorkbookCell[][] {
  const { district, say, options } = context;
  const open = district.schools.flatMap((school) =>
    school.current.submission.actions
      .filter((a) => a.state === 'open')
      .map((action) => ({ school, action, late: daysOverdue(action.due, options.today) })),
  );
  // Overdue first, the longest overdue at the top; then by deadline.
  open.sort(
    (x, y) =>
      y.late - x.late || (x.action.due < y.action.due ? -1 : x.action.due > y.action.due ? 1 : 0),
  );
  return open.map(({ school, action, late }, index): WorkbookCell[] => [
    num(index + 1),
    ...schoolCells(school),
    text(action.itemId),
    text(context.prompt(action.itemId)),
    text(action.description),
    text(action.owner),
    date(action.due),
    text(late > 0 ? say('已逾期', 'Overdue') : say('未到期', 'Not yet due')),
    num(late > 0 ? late : null),
  ]);
}

function missingSheet(context: Context, name: string): WorkbookSheet {
  const { district, say, language, options } = context;
  const note = (zh: string, en: string): WorkbookCell[] => [null, text(say(zh, en))];
  const rows: WorkbookCell[][] = !options.schoolList
    ? [
        note(
          '未加载学校名单，无法列出未报送的学校（加载名单：qinglang aggregate --schools 名单.xlsx）',
          'No school list was loaded, so schools that sent nothing cannot be named (load one with qinglang aggregate --schools list.xlsx)',
        ),
      ]
    : district.missing.length === 0
      ? [note('名单上的学校均已报送', 'Every school on the list has sent its submission')]
      : district.missing.map((school, index) => [
          num(index + 1),
          text(school.name),
          text(school.code),
          text(school.district),
          text(school.stage ? STAGE_TEXT[school.stage][language] : undefined),
        ]);
  return {
    id: 'missing',
    name,
    title: context.title(say('未报送的学校', 'Schools that sent nothing')),
    columns: columnsOf(say, [
      ['序号', 'No.', 5],
      ['学校名称', 'School', 30],
      ['学校标识码', 'School code', 14],
      ['区县', 'District', 14],
      ['学段', 'Stage', 14],
    ]),
    rows,
  };
}

function unusedSheet(context: Context, name: string): WorkbookSheet {
  const { district, say, language } = context;
  const rows: WorkbookCell[][] = [
    ...district.rejected.map((r) => [
      text(r.file),
      text(say('未采用', 'Rejected')),
      text(REJECTION_LABELS[r.status][language]),
      text(r.reason[language]),
      null,
    ]),
    ...district.duplicates.map((d) => [
      text(d.file),
      text(say('重复', 'Duplicate')),
      text(DUPLICATE_LABEL[language]),
      text(d.reason[language]),
      text(d.keptFile),
    ]),
  ].map((row, index) => [num(index + 1), ...row]);
  if (rows.length === 0)
    rows.push([null, text(say('所有文件均已采用', 'Every file read was used'))]);
  return {
    id: 'unused',
    name,
    title: context.title(
      say('未采用的文件（拒收与重复）', 'Files not used (rejected and duplicates)'),
    ),
    columns: columnsOf(say, [
      ['序号', 'No.', 5],
      ['文件', 'File', 30],
      ['处理', 'Outcome', 8],
      ['原因类别', 'Status', 14],
      ['原因', 'Reason', 50],
      ['采用的文件', 'File kept instead', 26],
    ]),
    rows,
  };
}
