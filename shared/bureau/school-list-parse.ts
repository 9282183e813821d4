import type { Bilingual } from '../i18n/locale';
import { SCHOOL_CODE_PATTERN, STAGES, TEXT_LIMITS } from '../inspection/patterns';
import type { Stage } from '../inspection/schema';
import { STAGE_TEXT } from '../report/report-text';
import type { SchoolListEntry } from './school-list';

/**
 * A bureau's list of schools, from the rows of its spreadsheet or CSV (the Node side only turns
 * bytes into rows of strings). The header row names the columns in Chinese or English; each row
 * is one school. A row that cannot be used is left out with its row number and why; nothing
 * here throws. (Zod-free, so any side can use it.)
 */

export const SCHOOL_LIST_LIMITS = {
  /** Schools (data rows) in one list: a province has fewer. */
  rows: 10_000,
  /** Characters in one cell: a school's name is at most 100. */
  cellChars: 200,
  /** The largest file read at all. */
  fileBytes: 10 * 1024 * 1024,
  /** Problems listed; more are counted in the last one. */
  problems: 200,
  /** Rows above the header (a title, a note) looked through for it. */
  headerSearch: 10,
} as const;

export interface SchoolListProblem {
  /** The row in the file (1-based), or 0 for the file as a whole. */
  readonly row: number;
  readonly message: Bilingual;
}

export interface SchoolListRead {
  readonly schools: SchoolListEntry[];
  readonly problems: SchoolListProblem[];
}

const b = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

type Field = 'code' | 'name' | 'district' | 'stage';

const normal = (value: string) =>
  value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_*＊:：]/g, '')
    .replace(/[(（][^)）]*[)）]$/, '');

const HEADERS: Readonly<Record<Field, readonly string[]>> = {
  code: [
    '学校标识码',
    '学校代码',
    '学校编码',
    '标识码',
    '学校编号',
    'code',
    'schoolcode',
    'schoolid',
  ],
  name: ['学校名称', '学校', '名称', '校名', 'name', 'school', 'schoolname'],
  district: ['所属区县', '区县', '所在区县', '县区', '区', 'district', 'county'],
  stage: ['学段', '办学类型', '学校类型', 'stage', 'schoolstage', 'type'],
};

const STAGE_WORDS = new Map<string, Stage>();
for (const stage of STAGES) {
  STAGE_WORDS.set(normal(stage), stage);
  STAGE_WORDS.set(normal(STAGE_TEXT[stage]['zh-CN']), stage);
  STAGE_WORDS.set(normal(STAGE_TEXT[stage]['en-US']), stage);
}
for (const [word, stage] of [
  ['初中', 'junior'],
  ['高中', 'senior'],
  ['九年一贯制', 'nine-year'],
  ['完全中学', 'complete'],
  ['十二年一贯制', 'complete'],
  ['中职', 'vocational'],
  ['职高', 'vocational'],
  ['职业高中', 'vocational'],
  ['其它', 'other'],
] as const)
  STAGE_WORDS.set(normal(word), stage);

/** A stage written in either language, or as its key; undefined when it is none of them. */
export function stageOf(value: string): Stage | undefined {
  return STAGE_WORDS.get(normal(value));
}

/** Control characters other than tab; a cell of a real list has none. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function headerColumns(row: readonly string[]): Partial<Record<Field, number>> {
  const found: Partial<Record<Field, number>> = {};
  row.forEach((cell, index) => {
    const word = normal(cell);
    for (const field of Object.keys(HEADERS) as Field[])
      if (found[field] === undefined && HEADERS[field].includes(word)) found[field] = index;
  });
  return found;
}

const blank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

/** Rows as read (row 1 first); `rowNumber` maps an index to the file's row when they differ. */
export function parseSchoolList(
  rows: readonly (readonly string[])[],
  rowNumber: (index: number) => number = (index) => index + 1,
): SchoolListRead {
  const problems: SchoolListProblem[] = [];
  let more = 0;
  const problem = (row: number, message: Bilingual) => {
    if (problems.length < SCHOOL_LIST_LIMITS.problems) problems.push({ row, message });
    else more += 1;
  };
  const headerIndex = rows.slice(0, SCHOOL_LIST_LIMITS.headerSearch).findIndex((row) => {
    const found = headerColumns(row);
    return found.code !== undefined && found.name !== undefined;
  });
  if (headerIndex < 0) {
    problem(
      0,
      b(
        '找不到表头：第一行应有“学校标识码”和“学校名称”两列（可选“所属区县”“学段”），或英文 code、name（district、stage）',
        'no header found: the first row needs the columns "code" and "name" (and optionally "district" and "stage"), or 学校标识码 and 学校名称',
      ),
    );
    return { schools: [], problems };
  }
  const columns = headerColumns(rows[headerIndex]!);
  const schools: SchoolListEntry[] = [];
  const seen = new Map<string, number>();
  for (let index = headerIndex + 1; index < rows.length; index += 1) {
    const row = rows[index]!;
    const at = rowNumber(index);
    if (blank(row)) continue;
    if (schools.length >= SCHOOL_LIST_LIMITS.rows) {
      problems.length = 0;
      problem(0, tooMany());
      return { schools: [], problems };
    }
    const entry = rowEntry(row, columns, at, seen, problem);
    if (entry) schools.push(entry);
  }
  if (more > 0)
    problems.push({
      row: 0,
      message: b(`另有 ${more} 处问题未列出`, `and ${more} more problems not listed`),
    });
  if (schools.length === 0 && problems.length === 0)
    problems.push({ row: 0, message: b('名单中没有学校', 'the list has no schools') });
  return { schools, problems };
}

const tooMany = () =>
  b(
    `名单超过 ${SCHOOL_LIST_LIMITS.rows} 所学校，未读取；请分区县整理后再加载`,
    `the list has more than ${SCHOOL_LIST_LIMITS.rows} schools and was not read; split it by district`,
  );

function rowEntry(
  row: readonly string[],
  columns: Partial<Record<Field, number>>,
  at: number,
  seen: Map<string, number>,
  problem: (row: number, message: Bilingual) => void,
): SchoolListEntry | undefined {
  const hostile = row.findIndex(
    (cell) => cell.length > SCHOOL_LIST_LIMITS.cellChars || CONTROL.test(cell),
  );
  if (hostile >= 0) {
    const long = row[hostile]!.length > SCHOOL_LIST_LIMITS.cellChars;
    problem(
      at,
      long
        ? b(
            `第 ${hostile + 1} 列超过 ${SCHOOL_LIST_LIMITS.cellChars} 个字符，不像学校名单，已跳过此行`,
            `column ${hostile + 1} is longer than ${SCHOOL_LIST_LIMITS.cellChars} characters, which no school list needs; row skipped`,
          )
        : b(
            `第 ${hostile + 1} 列含有控制字符，已跳过此行`,
            `column ${hostile + 1} holds control characters; row skipped`,
          ),
    );
    return undefined;
  }
  const cell = (field: Field) => {
    const index = columns[field];
    return index === undefined ? '' : (row[index] ?? '').trim();
  };
  const code = cell('code');
  const name = cell('name');
  if (code === '') {
    problem(at, b('缺少学校标识码，已跳过此行', 'no school code; row skipped'));
    return undefined;
  }
  if (!SCHOOL_CODE_PATTERN.test(code)) {
    problem(
      at,
      b(
        `学校标识码“${code}”无效（应为 4 到 32 位字母、数字或连字符），已跳过此行`,
        `the school code "${code}" is not valid (4 to 32 letters, digits or hyphens); row skipped`,
      ),
    );
    return undefined;
  }
  const earlier = seen.get(code);
  if (earlier !== undefined) {
    problem(
      at,
      b(
        `学校标识码 ${code} 与第 ${earlier} 行重复，已跳过此行`,
        `the school code ${code} is already on row ${earlier}; row skipped`,
      ),
    );
    return undefined;
  }
  const district = cell('district');
  if (name.length > TEXT_LIMITS.schoolName || district.length > TEXT_LIMITS.district) {
    problem(
      at,
      b(
        '学校名称或区县超过 100 个字符，已跳过此行',
        'the name or district is over 100 characters; row skipped',
      ),
    );
    return undefined;
  }
  seen.set(code, at);
  const stageText = cell('stage');
  const stage = stageText === '' ? undefined : stageOf(stageText);
  if (stageText !== '' && stage === undefined)
    problem(
      at,
      b(
        `学段“${stageText}”无法识别（如 小学、初级中学、高级中学），此校不记学段`,
        `the stage "${stageText}" is not one this app knows (e.g. primary, junior, senior); kept without a stage`,
      ),
    );
  return { code, name, district, ...(stage && { stage }) };
}
