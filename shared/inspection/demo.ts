import { own } from '../own';
import type { Random } from '../random';
import { createRandom } from '../random';
import { dayNumber, isIsoDate } from '../template/dates';
import type { Evaluation } from '../template/engine';
import { evaluate } from '../template/engine';
import { allItems } from '../template/items';
import type { Column, Item, RegisterItem, Template } from '../template/schema';
import { checkCell, checkValue } from '../template/values';
import { createInspection } from './create';
import { periodOf } from './period';
import type {
  Answer,
  AnswerValue,
  CellValue,
  CorrectiveAction,
  Inspection,
  RegisterRow,
  SchoolProfile,
  Stage,
} from './schema';
import { inspectionSchema, LIMITS } from './schema';

/**
 * Sample inspections for demonstrations, training and load tests (`qinglang demo`). Everything is
 * drawn from a seeded generator and dated from `asOf`, never from the clock, so the same options
 * always give the same inspections, byte for byte, on every machine.
 */

/** The date the CLI dates its samples from unless told otherwise: late in the autumn term. */
export const DEMO_AS_OF = '2026-11-30';
export const DEMO_SEED = 'qinglang';
/** Schools the catalogue can name without repeating (it holds more; this is what we promise). */
export const DEMO_MAX_COUNT = 1000;

export interface DemoOptions {
  readonly count: number;
  readonly seed: string;
  /** ISO date the samples are "as of": the term, every date and every instant derive from it. */
  readonly asOf: string;
  readonly template: Template;
  /** SHA-256 of the template's canonical JSON (hashing needs Node, so the caller does it). */
  readonly templateHash: string;
}

/**
 * `count` inspections of as many different schools (distinct names and codes), each filled
 * against `template`. School i depends only on the seed and i: a larger count adds schools and
 * leaves the first ones as they were.
 */
export function demoInspections(options: DemoOptions): Inspection[] {
  const { count, seed, asOf } = options;
  if (!Number.isInteger(count) || count < 0 || count > DEMO_MAX_COUNT) {
    throw new RangeError(`count must be a whole number from 0 to ${DEMO_MAX_COUNT}`);
  }
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a YYYY-MM-DD date, got "${asOf}"`);
  const schools = schoolCatalogue(createRandom(`${seed}/schools`)).slice(0, count);
  return schools.map((entry, index) =>
    demoInspection(entry, createRandom(`${seed}/school/${index}`), options),
  );
}

// ---- dates and instants ----------------------------------------------------------------------

const DAY_MS = 86_400_000;

function dayOf(iso: string): number {
  const day = dayNumber(iso);
  if (day === null) throw new RangeError(`not a date: ${iso}`);
  return day;
}

/** `new Date(number)` reads no clock: it only formats the given day. */
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const instantMs = (ms: number): string => new Date(ms).toISOString();

/** A moment in school hours, Beijing time (UTC+8): 08:00–18:00 is 00:00–10:00 UTC. */
function schoolHours(rng: Random, dayNo: number): number {
  return dayNo * DAY_MS + rng.int(0, 10 * 60 * 60 - 1) * 1000;
}

/** A moment between two instants (ms), in school hours where the span allows. */
function between(rng: Random, from: number, to: number): number {
  const at = schoolHours(rng, rng.int(Math.floor(from / DAY_MS), Math.floor(to / DAY_MS)));
  return Math.min(Math.max(at, from), to);
}

// ---- schools -----------------------------------------------------------------------------------

const DISTRICTS = [
  '东城区',
  '西城区',
  '南湖区',
  '北湖区',
  '江北区',
  '江南区',
  '城关区',
  '高新区',
  '经开区',
  '滨江区',
  '青山区',
  '龙泉区',
  '金水区',
  '白沙区',
  '云溪区',
  '望城区',
  '临江区',
  '清河区',
  '丰泽区',
  '鼓楼区',
  '桃源县',
  '石门县',
  '松岭县',
  '长宁县',
  '永安县',
  '平阳县',
  '宁远县',
  '泰和县',
  '新安县',
  '凤鸣县',
] as const;

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
/** 1..99 in Chinese numerals, as school names write them: 十二, 二十, 二十一. */
function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? '' : DIGITS[tens]!}十${DIGITS[ones]!}`;
}

interface SchoolPattern {
  readonly name: string;
  readonly stages: readonly Stage[];
}

const NUMBERED: readonly (readonly [suffix: string, upTo: number, stages: readonly Stage[]])[] = [
  ['小学', 20, ['primary']],
  ['中学', 25, ['junior', 'complete', 'senior']],
  ['初级中学', 8, ['junior']],
  ['高级中学', 4, ['senior']],
];

const NAMED: readonly (readonly [name: string, stages: readonly Stage[]])[] = [
  ['实验小学', ['primary']],
  ['第二实验小学', ['primary']],
  ['第三实验小学', ['primary']],
  ['实验中学', ['complete', 'junior']],
  ['实验初级中学', ['junior']],
  ['实验学校', ['nine-year']],
  ['外国语学校', ['nine-year', 'complete']],
  ['外国语小学', ['primary']],
  ['外国语中学', ['complete']],
  ['中心小学', ['primary']],
  ['育才小学', ['primary']],
  ['育英学校', ['nine-year']],
  ['九年一贯制学校', ['nine-year']],
  ['职业高级中学', ['vocational']],
  ['职业技术学校', ['vocational']],
  ['中等专业学校', ['vocational']],
  ['特殊教育学校', ['other']],
  ['民族中学', ['complete']],
  ['城南中学', ['junior']],
  ['城北中学', ['junior']],
  ['城东小学', ['primary']],
  ['城西小学', ['primary']],
  ['人民路小学', ['primary']],
  ['解放路小学', ['primary']],
  ['文化路小学', ['primary']],
  ['建设路小学', ['primary']],
  ['新华路小学', ['primary']],
  ['红旗小学', ['primary']],
  ['光明小学', ['primary']],
  ['东风小学', ['primary']],
  ['阳光小学', ['primary']],
  ['启明小学', ['primary']],
  ['滨河小学', ['primary']],
  ['明德学校', ['nine-year']],
  ['树人中学', ['junior']],
  ['求是中学', ['senior']],
  ['培英中学', ['complete']],
  ['朝阳中学', ['complete', 'junior']],
];

const PATTERNS: readonly SchoolPattern[] = [
  ...NUMBERED.flatMap(([suffix, upTo, stages]) =>
    Array.from({ length: upTo }, (_, i) => ({
      name: `第${chineseNumber(i + 1)}${suffix}`,
      stages,
    })),
  ),
  ...NAMED.map(([name, stages]) => ({ name, stages })),
];

interface CatalogueEntry {
  readonly name: string;
  readonly code: string;
  readonly district: string;
  readonly stages: readonly Stage[];
}

/**
 * Every district × pattern pair (2,850 of them), shuffled: the first N are N different schools.
 * Codes are shaped like a 学校标识码 (10 digits): a fixed "2133", the district's two digits and
 * four digits that are one-to-one with the pattern, so two schools never share a code.
 */
function schoolCatalogue(rng: Random): CatalogueEntry[] {
  const entries = DISTRICTS.flatMap((district, d) => {
    const salt = rng.int(0, 9999);
    return PATTERNS.map((pattern, p) => ({
      name: `${district}${pattern.name}`,
      // 7919 is prime, so p ↦ p·7919 + salt (mod 10000) never maps two patterns to one number.
      code: `2133${String(d + 10).padStart(2, '0')}${String((p * 7919 + salt) % 10000).padStart(4, '0')}`,
      district,
      stages: pattern.stages,
    }));
  });
  return rng.shuffle(entries);
}

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹'];
const GIVEN_NAMES = [
  '伟',
  '芳',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '华',
  '平',
  '刚',
  '琳',
  '建国',
  '志强',
  '海燕',
  '晓东',
  '文博',
  '思远',
  '雅琴',
  '国栋',
  '春梅',
  '俊杰',
  '晓燕',
  '立新',
  '红梅',
  '建华',
  '丽华',
];
const ROADS = [
  '人民路',
  '解放路',
  '建设路',
  '文化路',
  '学府路',
  '中山路',
  '长江路',
  '黄河路',
  '育才街',
  '新华街',
  '和平路',
  '胜利路',
  '青年路',
  '光明街',
  '体育路',
  '公园路',
  '滨河路',
  '书院街',
  '园丁路',
  '迎宾大道',
];
const ADMIN_ROLES = ['信息中心主任', '信息技术教师', '电教管理员', '网络管理员', '教务处副主任'];
const DEPARTMENTS = ['信息中心', '办公室', '教务处', '德育处', '总务处', '校团委'];

/** A handful of different staff names for one school: admins, owners, account managers. */
function staffNames(rng: Random, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) names.add(`${rng.pick(SURNAMES)}${rng.pick(GIVEN_NAMES)}`);
  return [...names];
}

function phoneNumber(rng: Random): string {
  if (rng.chance(0.25)) {
    return `0${rng.int(10, 999)}-${rng.int(2, 8)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
  }
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}

// ---- one school's inspection ---------------------------------------------------------------

/** What the generators of one school share. */
interface School {
  readonly rng: Random;
  readonly asOf: number;
  /** How likely any one requirement is met here, 0..1. */
  readonly diligence: number;
  readonly profile: SchoolProfile;
  readonly inspector: string;
  readonly staff: readonly string[];
  /** Biometric systems in use; none means "no" to the built-in template's bio_uses. */
  readonly bioSystems: number;
}

function demoInspection(entry: CatalogueEntry, rng: Random, options: DemoOptions): Inspection {
  const asOf = dayOf(options.asOf);
  const staff = staffNames(rng, 6);
  const inspector = staff[0]!;
  const profile: SchoolProfile = {
    name: entry.name,
    code: entry.code,
    district: entry.district,
    stage: rng.pick(entry.stages),
    address: `${entry.district}${rng.pick(ROADS)}${rng.int(1, 399)}号`,
    contactName: rng.chance(0.7) ? inspector : staff[1]!,
    contactPhone: phoneNumber(rng),
  };
  const diligence = rng.weighted<() => number>([
    [() => 0.9 + rng.next() * 0.08, 35],
    [() => 0.75 + rng.next() * 0.15, 40],
    [() => 0.5 + rng.next() * 0.25, 25],
  ])();
  const school: School = {
    rng,
    asOf,
    diligence,
    profile,
    inspector,
    staff,
    bioSystems: rng.weighted([
      [0, 3],
      [1, 4],
      [2, 2],
      [3, 1],
      [4, 0.5],
    ]),
  };

  // Long enough ago that some corrective actions can fall due before asOf.
  const createdDay = asOf - rng.int(10, 75);
  const updatedDay = asOf - rng.int(0, 3);
  const createdMs = schoolHours(rng, createdDay);
  const updatedMs = schoolHours(rng, updatedDay);

  const items = allItems(options.template);
  const values = new Map<string, AnswerValue>();
  const registers: Record<string, RegisterRow[]> = {};
  const rowIds = new Set<string>();
  for (const item of items) {
    if (item.kind === 'register') registers[item.id] = registerRows(item, school, rowIds);
    else values.set(item.id, answerValue(item, school, values));
  }

  // Most schools finish; the rest leave a few items open, so progress varies.
  if (rng.chance(0.25)) {
    const answerable = items.filter((i) => i.kind !== 'register');
    for (const item of rng.shuffle(answerable).slice(0, rng.int(1, 6))) values.delete(item.id);
  }

  const evaluation = settle(options.template, values, registers, options.asOf);
  const visible = (id: string) => evaluation.items[id]?.visible === true;

  const answers: Record<string, Answer> = {};
  for (const item of items) {
    const value = values.get(item.id);
    if (item.kind === 'register' || value === undefined || !visible(item.id)) continue;
    const status = evaluation.items[item.id]?.status;
    const finding = status === 'partial' || status === 'non-compliant';
    const note = finding && rng.chance(0.6) ? rng.pick(FINDING_NOTES) : undefined;
    answers[item.id] = {
      value,
      ...(note === undefined ? {} : { note }),
      evidence: [],
      updatedAt: instantMs(between(rng, createdMs, updatedMs)),
    };
  }
  const keptRegisters: Record<string, RegisterRow[]> = {};
  for (const [id, rows] of Object.entries(registers)) if (visible(id)) keptRegisters[id] = rows;

  const base = createInspection({
    id: uuid(rng),
    template: {
      id: options.template.id,
      version: options.template.version,
      hash: options.templateHash,
    },
    school: profile,
    period: periodOf(options.asOf),
    inspector,
    now: instantMs(createdMs),
  });
  const inspection: Inspection = {
    ...base,
    updatedAt: instantMs(updatedMs),
    answers,
    registers: keptRegisters,
    actions: correctiveActions(
      school,
      items,
      evaluation,
      keptRegisters,
      createdMs,
      updatedMs,
      rowIds,
    ),
  };
  // Parsing proves the sample is valid and puts keys in the file order inspectionJson relies on.
  return inspectionSchema.parse(inspection);
}

/**
 * Evaluates until visibility stops changing, dropping answers to hidden items on the way, so no
 * answer to a hidden item is ever written (a condition may hang on an item left unanswered).
 */
function settle(
  template: Template,
  values: Map<string, AnswerValue>,
  registers: Readonly<Record<string, readonly RegisterRow[]>>,
  asOf: string,
): Evaluation {
  const items = allItems(template);
  for (let round = 0; ; round++) {
    // What engineAnswers would hand the engine once these are an inspection's answers and rows.
    const engine: Record<string, unknown> = Object.fromEntries(values);
    for (const [id, rows] of Object.entries(registers)) {
      if (rows.length > 0) engine[id] = rows.map((r) => r.cells);
    }
    const evaluation = evaluate(template, engine, asOf);
    const hidden = items.filter((i) => !evaluation.items[i.id]?.visible && values.has(i.id));
    if (hidden.length === 0 || round > items.length) return evaluation;
    for (const item of hidden) values.delete(item.id);
  }
}

/** A UUID v4's shape (version 4, variant 10xx), drawn from the seeded generator. */
function uuid(rng: Random): string {
  const hex = rng.hex(32).split('');
  hex[12] = '4';
  hex[16] = '89ab'[rng.int(0, 3)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** A row or action id, unique within the inspection. */
function shortId(rng: Random, taken: Set<string>): string {
  for (;;) {
    const id = rng.hex(12);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

// ---- answers ---------------------------------------------------------------------------------

const TEXT_ANSWERS = [
  '已落实，详见学校台账',
  '按上级要求执行',
  '由信息中心统一负责',
  '已建立并每学期更新',
  '见附件说明',
];
const FINDING_NOTES = [
  '已制定整改计划，正在落实',
  '经费尚未到位，计划下学期完成',
  '部分内容仍需完善',
  '负责人调整，资料正在补充',
  '已向教育局报告，等待技术支持',
  '相关记录不完整，正在补录',
  '厂商正在排期处理',
  '待校务会审议通过',
];

type ItemOf<K extends Item['kind']> = Extract<Item, { kind: K }>;

/** Nicer answers for the built-in checklist's items; each is checked against the real item. */
const ITEM_VALUES: Readonly<
  Record<
    string,
    (s: School, good: boolean, values: ReadonlyMap<string, AnswerValue>) => AnswerValue
  >
> = {
  org_security_admin: (s) => `${s.inspector}（${s.rng.pick(ADMIN_ROLES)}）`,
  assets_high_risk_open: (s, good) => (good ? 0 : s.rng.int(1, 4)),
  assets_backup_cycle: (s, good) =>
    good
      ? s.rng.weighted([
          ['daily', 3],
          ['weekly', 4],
          ['monthly', 2],
        ])
      : 'none',
  fw_log_days: (s, good) =>
    good ? s.rng.pick([180, 180, 190, 200, 365]) : s.rng.pick([30, 60, 90, 120]),
  fw_oldest_log_date: (s, _good, values) => {
    const days = values.get('fw_log_days');
    return isoDay(s.asOf - (typeof days === 'number' ? days : 180) - s.rng.int(0, 3));
  },
  dev_av_coverage: (s, good) => (good ? s.rng.int(95, 100) : s.rng.int(70, 94)),
  bio_uses: (s) => (s.bioSystems > 0 ? 'yes' : 'no'),
  edu_staff_sessions: (s, good) => (good ? s.rng.int(1, 4) : 0),
  edu_staff_people: (s) => s.rng.int(20, 160),
};

function answerValue(
  item: Exclude<Item, RegisterItem>,
  school: School,
  values: ReadonlyMap<string, AnswerValue>,
): AnswerValue {
  const good = school.rng.chance(school.diligence);
  const nicer = own(ITEM_VALUES, item.id)?.(school, good, values);
  if (nicer !== undefined && checkValue(item, nicer).length === 0) return nicer;
  switch (item.kind) {
    case 'check':
      if (good) return school.rng.chance(0.05) ? 'na' : 'compliant';
      return school.rng.chance(0.55) ? 'partial' : 'non-compliant';
    case 'yesno':
    case 'choice':
    case 'multi':
      return chosen(item, school.rng, good);
    case 'date':
      return dateAnswer(item, school, good);
    case 'number':
      return numberAnswer(item, school.rng, good);
    case 'text':
      return item.multiline
        ? `${school.rng.pick(TEXT_ANSWERS)}。\n${school.rng.pick(FINDING_NOTES)}。`
        : school.rng.pick(TEXT_ANSWERS);
  }
}

/** Yes/no and choices: a "good" answer avoids every value an `equals` rule judges. */
function chosen(
  item: ItemOf<'yesno' | 'choice' | 'multi'>,
  rng: Random,
  good: boolean,
): AnswerValue {
  const options = item.kind === 'yesno' ? ['yes', 'no'] : item.choices.map((c) => c.value);
  const judged = new Set(item.rules.flatMap((r) => (r.kind === 'equals' ? [r.value] : [])));
  const fine = options.filter((o) => !judged.has(o));
  const bad = options.filter((o) => judged.has(o));
  if (item.kind === 'multi') {
    const some = (max: number) =>
      rng.shuffle(fine).slice(0, rng.int(0, Math.min(max, fine.length)));
    const picked =
      good && fine.length > 0
        ? [rng.pick(fine), ...some(2)]
        : !good && bad.length > 0
          ? [rng.pick(bad), ...some(2)]
          : [rng.pick(options)];
    // In the order of the list, once each, as the form would store them.
    return options.filter((o) => picked.includes(o));
  }
  if (judged.size === 0 && item.kind === 'yesno') return rng.chance(0.8) ? 'yes' : 'no';
  const pool = good ? fine : bad;
  return rng.pick(pool.length > 0 ? pool : options);
}

/** A date before asOf (a review, a test) or after it (an expiry), tripping its rules when bad. */
function dateAnswer(item: ItemOf<'date'>, school: School, good: boolean): string {
  const { rng, asOf } = school;
  const older = item.rules.flatMap((r) => (r.kind === 'older-than' ? [r.days] : []));
  const expires = item.rules.flatMap((r) => (r.kind === 'expires-within' ? [r.days] : []));
  if (expires.length > 0) {
    const window = good ? Math.max(...expires) : rng.pick(expires);
    return isoDay(good ? asOf + rng.int(window + 1, window + 720) : asOf + rng.int(-45, window));
  }
  if (older.length > 0) {
    const limit = good ? Math.min(...older) : rng.pick(older);
    return isoDay(good ? asOf - rng.int(0, limit) : asOf - rng.int(limit + 1, limit * 2 + 30));
  }
  return isoDay(asOf - rng.int(0, 730));
}

/** A whole number within the item's min and max, meeting its at-least / at-most rules when good. */
function numberAnswer(item: ItemOf<'number'>, rng: Random, good: boolean): number {
  const atLeast = item.rules.flatMap((r) => (r.kind === 'at-least' ? [r.value] : []));
  const atMost = item.rules.flatMap((r) => (r.kind === 'at-most' ? [r.value] : []));
  const lo = Math.ceil(item.min ?? 0);
  const top = Math.max(lo, ...atLeast, ...atMost);
  const hi = Math.floor(item.max ?? top + Math.max(10, Math.ceil(Math.abs(top))));
  // Bounds with no whole number between them (min 0.2, max 0.8), or too far out to count in
  // whole numbers: the minimum (or maximum) itself fits.
  if (hi < lo || !Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) {
    return item.min ?? item.max ?? 0;
  }
  const within = (a: number, b: number): number | null => {
    const from = Math.max(lo, Math.ceil(a));
    const to = Math.min(hi, Math.floor(b));
    return from <= to ? rng.int(from, to) : null;
  };
  let value: number | null = null;
  if (good) {
    value = within(Math.max(lo, ...atLeast), Math.min(hi, ...atMost));
  } else if (atLeast.length + atMost.length > 0) {
    const rule = rng.pick([
      ...atLeast.map((v) => ['least', v] as const),
      ...atMost.map((v) => ['most', v] as const),
    ]);
    const [kind, v] = rule;
    value =
      kind === 'least'
        ? within(v * 0.6 - 1, Math.ceil(v) - 1)
        : within(Math.floor(v) + 1, Math.floor(v) + Math.max(3, Math.ceil(Math.abs(v) / 2)));
  }
  return value ?? rng.int(lo, hi);
}

// ---- registers ---------------------------------------------------------------------------------

type Cells = Record<string, CellValue>;

/** How many rows the built-in registers have; others get a few more than their minimum. */
const ROW_COUNTS: Readonly<Record<string, (s: School) => number>> = {
  dev_register: (s) => s.rng.int(5, 30),
  media_register: (s) => s.rng.int(3, 12),
  bio_register: (s) => s.bioSystems,
  duty_hazards: (s) =>
    s.rng.weighted([
      [0, 3],
      [1, 3],
      [2, 2],
      [3, 1.5],
      [4, 1],
      [5, 0.5],
      [6, 0.5],
    ]),
};

/** Columns whose value others depend on (an account's name follows its platform). */
const FILLED_FIRST: Readonly<Record<string, readonly string[]>> = {
  media_register: ['platform'],
};

const DEVICE_MODELS: Readonly<Record<string, readonly string[]>> = {
  firewall: [
    '深信服 AF-1000',
    '华为 USG6525E',
    '天融信 NGFW4000',
    '奇安信 NSG3000',
    '山石网科 SG-6000',
    'H3C SecPath F1000',
  ],
  ips: ['绿盟 NIPS', '启明星辰 天清入侵防御', '华为 NIP6000'],
  antivirus: ['奇安信天擎', '火绒终端安全管理系统', '360 终端安全', '瑞星 ESM'],
  waf: ['长亭雷池 WAF', '安恒明御 WAF', '绿盟 WAF'],
  behaviour: ['深信服上网行为管理 AC', '网康上网行为管理', '华为 ASG'],
  other: ['安恒日志审计系统', '齐治堡垒机', '网御星云数据库审计', '天融信网闸'],
};
const MEDIA_UNITS = [
  '',
  '团委',
  '少先队大队部',
  '德育处',
  '家长学校',
  '图书馆',
  '心理健康中心',
  '招生办',
];
const MEDIA_SUFFIX: Readonly<Record<string, string>> = {
  website: '门户网站',
  wechat: '微信公众号',
  video_account: '视频号',
  douyin: '抖音号',
  kuaishou: '快手号',
  weibo: '官方微博',
  other: '头条号',
};
const BIO_SYSTEMS = [
  '校门人脸识别门禁',
  '食堂刷脸消费系统',
  '宿舍人脸门禁',
  '教职工指纹考勤机',
  '图书馆人脸借阅',
  '智慧课堂人脸考勤',
  '访客人脸核验',
];
const HAZARDS = [
  '门户网站存在 SQL 注入漏洞',
  '视频监控系统使用默认口令',
  '教务系统存在越权访问漏洞',
  '网站存在已停更栏目和死链',
  '公众号文章泄露学生身份证号',
  'OA 系统存在远程代码执行漏洞',
  '校园网存在私接无线路由器',
  '服务器对外开放高危端口 3389',
  '网站被植入暗链',
  '学生信息管理系统存在弱口令',
  '托管在外的“双非”网站未关停',
  '中间件版本过旧，存在已知漏洞',
];

const day = (s: School, offset: number) => isoDay(s.asOf + offset);
const cellDay = (cells: Cells, id: string): number | null => {
  const value = own(cells, id);
  return typeof value === 'string' ? dayNumber(value) : null;
};

/**
 * Nicer cells for the built-in registers, by "register.column"; undefined leaves the cell empty.
 * Each is checked against the real column and replaced by a generic value if it does not fit.
 */
const CELL_VALUES: Readonly<
  Record<string, (s: School, row: number, cells: Cells, used: Set<string>) => CellValue | undefined>
> = {
  'dev_register.type': (s, row) =>
    row === 0
      ? 'firewall'
      : row === 1
        ? 'antivirus'
        : s.rng.weighted([
            ['firewall', 2],
            ['ips', 2],
            ['antivirus', 3],
            ['waf', 1],
            ['behaviour', 2],
            ['other', 1],
          ]),
  'dev_register.vendor_model': (s, _row, cells) =>
    s.rng.pick(own(DEVICE_MODELS, String(own(cells, 'type'))) ?? DEVICE_MODELS.other!),
  'dev_register.firmware': (s) =>
    s.rng.chance(0.85) ? `V${s.rng.int(1, 9)}.${s.rng.int(0, 9)}.${s.rng.int(0, 20)}` : undefined,
  // Devices without a signature library (audit, bastion hosts) leave both cells empty.
  'dev_register.signature_version': (s, _row, cells) =>
    own(cells, 'type') === 'other'
      ? undefined
      : `${s.rng.int(1, 5)}.${s.rng.int(0, 9)}.${s.rng.int(100, 999)}`,
  'dev_register.signature_updated': (s, _row, cells) => {
    if (own(cells, 'type') === 'other' || s.rng.chance(0.05)) return undefined;
    return s.rng.chance((1 - s.diligence) * 0.3)
      ? day(s, -s.rng.int(31, 150))
      : day(s, -s.rng.int(0, 30));
  },
  'media_register.platform': (s, row) =>
    row === 0
      ? 'website'
      : s.rng.weighted([
          ['wechat', 4],
          ['video_account', 2],
          ['douyin', 2],
          ['kuaishou', 1],
          ['weibo', 1],
          ['other', 1],
        ]),
  'media_register.name': (s, _row, cells, used) => {
    const suffix = own(MEDIA_SUFFIX, String(own(cells, 'platform'))) ?? '账号';
    // The website is the school's own (no department); accounts belong to one department or another.
    const units = suffix === MEDIA_SUFFIX.website ? MEDIA_UNITS : s.rng.shuffle(MEDIA_UNITS);
    for (const unit of units) {
      const name = `${s.profile.name}${unit}${suffix}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    return `${s.profile.name}${suffix}`;
  },
  'media_register.entity': (s, _row, cells) =>
    own(cells, 'platform') === 'website' || s.rng.chance(0.9)
      ? s.profile.name
      : `${s.rng.pick(s.staff)}（个人）`,
  'media_register.admin': (s) => s.rng.pick(s.staff),
  'media_register.opened': (s) => (s.rng.chance(0.8) ? day(s, -s.rng.int(200, 3650)) : undefined),
  'media_register.filed': (s) => (s.rng.chance((1 - s.diligence) * 0.4) ? 'no' : 'yes'),
  'media_register.last_update': (s) => {
    if (s.rng.chance(0.05)) return undefined;
    return s.rng.chance(0.12) ? day(s, -s.rng.int(181, 700)) : day(s, -s.rng.int(0, 60));
  },
  'bio_register.system': (s, _row, _cells, used) => {
    const name = s.rng.shuffle(BIO_SYSTEMS).find((n) => !used.has(n)) ?? s.rng.pick(BIO_SYSTEMS);
    used.add(name);
    return name;
  },
  'bio_register.data': (s, _row, cells) =>
    String(own(cells, 'system')).includes('指纹')
      ? 'fingerprint'
      : s.rng.chance(0.9)
        ? 'face'
        : 'both',
  'bio_register.people': (s) => s.rng.int(80, 3500),
  'bio_register.third_party': (s) => (s.rng.chance(0.6) ? 'yes' : 'no'),
  'bio_register.agreement_no': (s, _row, cells) =>
    own(cells, 'third_party') === 'yes' && s.rng.chance(0.5 + s.diligence / 2)
      ? `XY-${isoDay(s.asOf).slice(0, 4)}-${String(s.rng.int(1, 999)).padStart(3, '0')}`
      : undefined,
  'bio_register.agreement_expiry': (s, _row, cells) => {
    if (own(cells, 'agreement_no') === undefined) return undefined;
    return s.rng.weighted([
      [day(s, s.rng.int(31, 900)), 80],
      [day(s, s.rng.int(0, 30)), 12],
      [day(s, -s.rng.int(1, 120)), 8],
    ]);
  },
  'bio_register.assessment': (s) => (s.rng.chance(0.5 + s.diligence / 2) ? 'yes' : 'no'),
  'duty_hazards.source': (s) =>
    s.rng.weighted([
      ['bureau', 3],
      ['cac', 2],
      ['police', 2],
      ['other', 1],
    ]),
  'duty_hazards.notified': (s) => day(s, -s.rng.int(5, 150)),
  'duty_hazards.issue': (s, _row, _cells, used) => {
    const issue = s.rng.shuffle(HAZARDS).find((h) => !used.has(h)) ?? s.rng.pick(HAZARDS);
    used.add(issue);
    return issue;
  },
  'duty_hazards.deadline': (s, _row, cells) =>
    isoDay((cellDay(cells, 'notified') ?? s.asOf - 30) + s.rng.int(3, 30)),
  'duty_hazards.fixed': (s, _row, cells) => {
    const notified = cellDay(cells, 'notified') ?? s.asOf - 30;
    const deadline = cellDay(cells, 'deadline') ?? s.asOf;
    const past = deadline < s.asOf;
    if (!s.rng.chance(past ? 0.6 + s.diligence * 0.35 : 0.4)) return undefined;
    const earliest = Math.min(notified + 1, s.asOf);
    return isoDay(s.rng.int(earliest, Math.max(earliest, Math.min(deadline, s.asOf))));
  },
  'duty_hazards.retested': (s, _row, cells) => {
    if (own(cells, 'fixed') === undefined) return undefined;
    return s.rng.chance(0.8) ? 'yes' : s.rng.chance(0.5) ? 'no' : undefined;
  },
};

function registerRows(item: RegisterItem, school: School, rowIds: Set<string>): RegisterRow[] {
  const { rng } = school;
  const planned = own(ROW_COUNTS, item.id)?.(school) ?? rng.int(1, 8);
  const count = Math.min(Math.max(planned, item.minRows), LIMITS.rowsPerRegister);
  // Per column: values already used in this register, for columns that should not repeat.
  const used = new Map(item.columns.map((c) => [c.id, new Set<string>()]));
  const first = own(FILLED_FIRST, item.id) ?? [];
  const order = [
    ...item.columns.filter((c) => first.includes(c.id)),
    ...item.columns.filter((c) => !first.includes(c.id)),
  ];
  return Array.from({ length: count }, (_, row) => {
    const drawn: Cells = {};
    for (const column of order) {
      const value = cellValue(item, column, school, row, drawn, used.get(column.id)!);
      if (value !== undefined) drawn[column.id] = value;
    }
    // Cells are written in the template's column order, whatever order they were drawn in.
    const cells: Cells = {};
    for (const column of item.columns) {
      const value = own(drawn, column.id);
      if (value !== undefined) cells[column.id] = value;
    }
    return { id: shortId(rng, rowIds), cells, evidence: [] };
  });
}

function cellValue(
  item: RegisterItem,
  column: Column,
  school: School,
  row: number,
  cells: Cells,
  used: Set<string>,
): CellValue | undefined {
  const { rng } = school;
  const nicer = own(CELL_VALUES, `${item.id}.${column.id}`);
  if (nicer) {
    const value = nicer(school, row, cells, used);
    if (value === undefined ? !column.required : checkCell(column, value) === null) return value;
  }
  // Attachments are files in the data folder; a sample has none to point at.
  if (column.kind === 'file' || (!column.required && !rng.chance(0.85))) return undefined;
  switch (column.kind) {
    case 'text':
      return `${column.label['zh-CN'].replace(/\s+/g, ' ').slice(0, 100)} ${row + 1}`;
    case 'number':
      return rng.int(1, 500);
    case 'date':
      return day(school, -rng.int(0, 365));
    case 'choice':
      return column.choices && column.choices.length > 0
        ? rng.pick(column.choices).value
        : undefined;
    case 'yesno':
      return rng.chance(0.85) ? 'yes' : 'no';
  }
}

// ---- corrective actions ----------------------------------------------------------------------

const oneLine = (text: string, max: number): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/**
 * Actions against some of the findings, as a school would open them while inspecting: most still
 * open, some of those already past their due date, plus a few done for items fixed this term.
 */
function correctiveActions(
  school: School,
  items: readonly Item[],
  evaluation: Evaluation,
  registers: Readonly<Record<string, readonly RegisterRow[]>>,
  createdMs: number,
  updatedMs: number,
  taken: Set<string>,
): CorrectiveAction[] {
  const { rng } = school;
  const actions: CorrectiveAction[] = [];
  const open = (itemId: string, description: string, rowId?: string) => {
    const at = between(rng, createdMs, updatedMs);
    const openedDay = Math.floor(at / DAY_MS);
    const canBeLate = school.asOf - openedDay >= 2;
    const due =
      canBeLate && rng.chance(0.4)
        ? rng.int(openedDay + 1, school.asOf - 1)
        : school.asOf + rng.int(0, 45);
    actions.push({
      id: shortId(rng, taken),
      itemId,
      ...(rowId === undefined ? {} : { rowId }),
      description,
      owner: rng.chance(0.5) ? rng.pick(school.staff) : rng.pick(DEPARTMENTS),
      due: isoDay(due),
      state: 'open',
      createdAt: instantMs(at),
    });
  };

  const fixed: Item[] = [];
  for (const item of items) {
    const result = evaluation.items[item.id];
    if (!result?.visible) continue;
    if (result.status === 'compliant' && item.kind === 'check') fixed.push(item);
    if (result.status !== 'partial' && result.status !== 'non-compliant') continue;
    const prompt = oneLine(item.prompt['zh-CN'], 150);
    if (item.kind === 'register') {
      const rows = own(registers, item.id) ?? [];
      for (const reason of result.reasons) {
        const row = reason.row === undefined ? undefined : rows[reason.row];
        if (!rng.chance(0.7)) continue;
        // The row's first text cell names it (a device model, an account, an issue).
        const label = item.columns
          .filter((c) => c.kind === 'text')
          .map((c) => (row ? own(row.cells, c.id) : undefined))
          .find((v): v is string => typeof v === 'string' && v.trim() !== '');
        const what = oneLine(reason.message['zh-CN'], 300);
        open(item.id, label ? `${what}：${oneLine(label, 200)}` : `${prompt}：${what}`, row?.id);
      }
    } else if (rng.chance(0.6)) {
      const why = result.reasons.find((r) => r.message['zh-CN'] !== '自查结论');
      open(
        item.id,
        why ? `整改：${prompt}（${oneLine(why.message['zh-CN'], 300)}）` : `整改：${prompt}`,
      );
    }
  }

  for (const item of rng.shuffle(fixed).slice(0, rng.int(0, 2))) {
    const at = between(rng, createdMs, updatedMs);
    const doneAt = between(rng, at, updatedMs);
    actions.push({
      id: shortId(rng, taken),
      itemId: item.id,
      description: `已整改：${oneLine(item.prompt['zh-CN'], 150)}`,
      owner: rng.pick(school.staff),
      due: isoDay(Math.floor(at / DAY_MS) + rng.int(3, 30)),
      state: 'done',
      createdAt: instantMs(at),
      doneAt: instantMs(doneAt),
    });
  }
  return actions;
}
