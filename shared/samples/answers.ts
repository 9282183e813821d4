import type { AnswerValue } from '../inspection/schema';
import { own } from '../own';
import type { Random } from '../random';
import type { Item, RegisterItem } from '../template/schema';
import { checkValue } from '../template/values';
import { monthsBefore } from '../template/dates';
import { dayOf, isoDay } from './dates';
import { ADMIN_ROLES } from './people';
import type { School } from './school';

/**
 * Answers to a sample's items (registers are in registers.ts). A "good" answer meets the item's
 * rules; a bad one trips them, so each school's findings follow its diligence.
 */

const TEXT_ANSWERS = [
  '已落实，详见学校台账',
  '按上级要求执行',
  '由信息中心统一负责',
  '已建立并每学期更新',
  '见附件说明',
];
export const FINDING_NOTES = [
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
  // 184 days is the longest six calendar months (2026.2's rule); 180 days, 2026.1's old
  // threshold, falls short of six months and is the mistake a sample should show.
  fw_log_days: (s, good) =>
    good ? s.rng.pick([184, 184, 190, 200, 365]) : s.rng.pick([30, 60, 90, 120, 180]),
  fw_oldest_log_date: (s, _good, values) => {
    const days = values.get('fw_log_days');
    return isoDay(s.asOf - (typeof days === 'number' ? days : 180) - s.rng.int(0, 3));
  },
  dev_av_coverage: (s, good) => (good ? s.rng.int(95, 100) : s.rng.int(70, 94)),
  bio_uses: (s) => (s.bioSystems > 0 ? 'yes' : 'no'),
  edu_staff_sessions: (s, good) => (good ? s.rng.int(1, 4) : 0),
  edu_staff_people: (s) => s.rng.int(20, 160),
};

export function answerValue(
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
  const newer = item.rules.flatMap((r) => (r.kind === 'newer-than' ? [r.months] : []));
  if (newer.length > 0) {
    // The day N calendar months before asOf: good dates lie on or before it, bad ones after.
    const limit = (months: number) => dayOf(monthsBefore(isoDay(asOf), months)!);
    return isoDay(
      good
        ? limit(Math.max(...newer)) - rng.int(0, 365)
        : rng.int(limit(rng.pick(newer)) + 1, asOf),
    );
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
