import type { Bilingual } from '../i18n/locale';
import { futureDateProblems } from './past-dates';
import { holds, isEmptyValue } from './conditions';
import { applyRule } from './rules';
import type { Outcome } from './rules';
import type { Effect, Item, RowRule, Template } from './schema';
import { checkValue, REQUIRED_MESSAGE } from './values';
import type { ValueProblem } from './values';

/** Answers by item id: the value only (notes, evidence and times belong to the inspection). */
export type Answers = Readonly<Record<string, unknown>>;

export type ItemStatus =
  'compliant' | 'partial' | 'non-compliant' | 'na' | 'unanswered' | 'answered';

export interface Finding {
  readonly itemId: string;
  readonly sectionId: string;
  /** The register row (0-based) a row rule fired on. */
  readonly row?: number;
  readonly effect: Effect;
  readonly message: Bilingual;
}

export interface ItemResult {
  readonly id: string;
  readonly sectionId: string;
  readonly visible: boolean;
  /** Whether the item is judged (a check, or one with status rules); others are only filled in. */
  readonly assessed: boolean;
  readonly status: ItemStatus;
  /** Why the status is not 符合: the rules that fired (and the answer, for a check). */
  readonly reasons: readonly Finding[];
  readonly warnings: readonly Finding[];
  readonly problems: readonly ValueProblem[];
}

export interface Progress {
  readonly answered: number;
  readonly applicable: number;
  /** answered / applicable, 0..1; 1 when nothing applies. */
  readonly ratio: number;
}

export interface StatusCounts {
  readonly compliant: number;
  readonly partial: number;
  readonly nonCompliant: number;
  readonly na: number;
  readonly unanswered: number;
}

export interface Evaluation {
  readonly items: Readonly<Record<string, ItemResult>>;
  readonly sections: readonly ({ readonly id: string } & Progress)[];
  readonly overall: Progress;
  /** Over visible, assessed items. */
  readonly counts: StatusCounts;
  /**
   * (符合 + ½ × 部分符合) / (符合 + 部分符合 + 不符合), over visible assessed items; 不适用 and
   * 未答 are left out. null when nothing has been judged yet.
   */
  readonly complianceRate: number | null;
  /** Every non-compliant or partly compliant reason and every warning, in template order. */
  readonly findings: readonly Finding[];
}

const SEVERITY: Readonly<Record<Effect, number>> = { warning: 0, partial: 1, 'non-compliant': 2 };

export function isAssessed(item: Item): boolean {
  if (item.kind === 'check') return true;
  // expires-within judges a past date 不符合 whatever its effect for dates still to come.
  if (item.rules.some((r) => r.effect !== 'warning' || r.kind === 'expires-within')) return true;
  return item.kind === 'register' && item.rowRules.some((r) => r.effect !== 'warning');
}

function progress(answered: number, applicable: number): Progress {
  return { answered, applicable, ratio: applicable === 0 ? 1 : answered / applicable };
}

/**
 * Evaluates a template's items against answers on a given day. Pure: the same inputs give the
 * same result, whatever the clock or the order of the answers.
 */
export function evaluate(template: Template, answers: Answers, today: string): Evaluation {
  const itemById = new Map<string, { item: Item; sectionId: string }>();
  for (const section of template.sections) {
    for (const item of section.items) itemById.set(item.id, { item, sectionId: section.id });
  }

  // Visibility, memoised; a hidden item's answer reads as missing, so chains of conditions work.
  const visibility = new Map<string, boolean>();
  const visiting = new Set<string>();
  const isVisible = (id: string): boolean => {
    const known = visibility.get(id);
    if (known !== undefined) return known;
    const entry = itemById.get(id);
    if (!entry || visiting.has(id)) return false; // validation rejects cycles; be safe anyway
    visiting.add(id);
    const condition = entry.item.visibleIf;
    const visible =
      !condition ||
      holds(condition, (ref) => (isVisible(ref) ? validValue(ref) : undefined), today);
    visiting.delete(id);
    visibility.set(id, visible);
    return visible;
  };
  const validValue = (id: string): unknown => {
    const entry = itemById.get(id);
    const value = Object.hasOwn(answers, id) ? answers[id] : undefined;
    if (!entry || isEmptyValue(value)) return undefined;
    return entry.item.kind === 'register' ||
      (checkValue(entry.item, value).length === 0 &&
        futureDateProblems(entry.item, value, today).length === 0)
      ? value
      : undefined;
  };

  const items: Record<string, ItemResult> = {};
  const findings: Finding[] = [];
  const counts = { compliant: 0, partial: 0, nonCompliant: 0, na: 0, unanswered: 0 };
  const sections: ({ id: string } & Progress)[] = [];
  let totalAnswered = 0;
  let totalApplicable = 0;

  for (const section of template.sections) {
    let answered = 0;
    let applicable = 0;
    for (const item of section.items) {
      const result = evaluateItem(item, section.id, isVisible(item.id), answers, today);
      items[item.id] = result;
      if (!result.visible) continue;
      applicable++;
      if (result.status !== 'unanswered') answered++;
      if (result.assessed) {
        if (result.status === 'compliant') counts.compliant++;
        else if (result.status === 'partial') counts.partial++;
        else if (result.status === 'non-compliant') counts.nonCompliant++;
        else if (result.status === 'na') counts.na++;
        else if (result.status === 'unanswered') counts.unanswered++;
      }
      findings.push(...result.reasons, ...result.warnings);
    }
    sections.push({ id: section.id, ...progress(answered, applicable) });
    totalAnswered += answered;
    totalApplicable += applicable;
  }

  const judged = counts.compliant + counts.partial + counts.nonCompliant;
  return {
    items,
    sections,
    overall: progress(totalAnswered, totalApplicable),
    counts,
    complianceRate: judged === 0 ? null : (counts.compliant + counts.partial / 2) / judged,
    findings,
  };
}

function evaluateItem(
  item: Item,
  sectionId: string,
  visible: boolean,
  answers: Answers,
  today: string,
): ItemResult {
  const assessed = isAssessed(item);
  const base = { id: item.id, sectionId, visible, assessed };
  const value = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
  const none = { reasons: [], warnings: [] };
  if (!visible) return { ...base, status: 'unanswered', ...none, problems: [] };
  if (
    isEmptyValue(value) &&
    !(item.kind === 'register' && Array.isArray(value) && item.minRows === 0)
  ) {
    return {
      ...base,
      status: 'unanswered',
      ...none,
      problems: item.required ? [{ message: REQUIRED_MESSAGE }] : [],
    };
  }
  const mistyped = checkValue(item, value);
  const problems = mistyped.length > 0 ? mistyped : futureDateProblems(item, value, today);
  // A wrong value, a date after today where only past ones make sense, or a register with a
  // missing or mistyped cell is not finished: no rule on it could be trusted, so it counts as
  // unanswered and its problems are shown.
  const unusable = problems.length > 0;
  if (unusable) return { ...base, status: 'unanswered', ...none, problems };

  if (item.kind === 'check') {
    const status = value as ItemStatus;
    const reasons: Finding[] =
      status === 'non-compliant' || status === 'partial'
        ? [
            {
              itemId: item.id,
              sectionId,
              effect: status,
              message: { 'zh-CN': '自查结论', 'en-US': 'self-assessment' },
            },
          ]
        : [];
    return { ...base, status, reasons, warnings: [], problems };
  }

  const outcomes: (Outcome & { row?: number })[] = item.rules
    .map((rule) => applyRule(rule, item, value, today))
    .filter((o): o is Outcome => o !== null);
  if (item.kind === 'register') {
    (value as unknown[]).forEach((row, index) => {
      for (const outcome of rowOutcomes(item.rowRules, row, today))
        outcomes.push({ ...outcome, row: index });
    });
  }
  const toFinding = (o: Outcome & { row?: number }): Finding => ({
    itemId: item.id,
    sectionId,
    effect: o.effect,
    message: o.message,
    ...(o.row === undefined ? {} : { row: o.row }),
  });
  const reasons = outcomes.filter((o) => o.effect !== 'warning').map(toFinding);
  const warnings = outcomes.filter((o) => o.effect === 'warning').map(toFinding);
  const worst = reasons.reduce((max, f) => Math.max(max, SEVERITY[f.effect]), 0);
  const status: ItemStatus =
    worst === 2 ? 'non-compliant' : worst === 1 ? 'partial' : assessed ? 'compliant' : 'answered';
  return { ...base, status, reasons, warnings, problems };
}

/**
 * The row rules that fire on one register row. Answers are values, never changed in place (an
 * edit makes a new row object), so a row's outcomes are kept per row object and day: typing in
 * one row of a 1,000-row register re-judges that row, not the other 999.
 */
const rowCache = new WeakMap<
  readonly RowRule[],
  WeakMap<object, { today: string; outcomes: Outcome[] }>
>();

function rowOutcomes(rules: readonly RowRule[], row: unknown, today: string): readonly Outcome[] {
  if (typeof row !== 'object' || row === null) return judgeRow(rules, {}, today);
  let byRow = rowCache.get(rules);
  if (!byRow) rowCache.set(rules, (byRow = new WeakMap()));
  const cached = byRow.get(row);
  if (cached && cached.today === today) return cached.outcomes;
  const outcomes = judgeRow(rules, row as Record<string, unknown>, today);
  byRow.set(row, { today, outcomes });
  return outcomes;
}

function judgeRow(
  rules: readonly RowRule[],
  cells: Record<string, unknown>,
  today: string,
): Outcome[] {
  const lookup = (ref: string) => (Object.hasOwn(cells, ref) ? cells[ref] : undefined);
  return rules
    .filter((rule) => holds(rule.when, lookup, today))
    .map((rule) => ({ effect: rule.effect, message: rule.message }));
}
