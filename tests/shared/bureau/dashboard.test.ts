import { describe, expect, it } from 'vitest';
import {
  districtFigures,
  filterOptions,
  filterSchools,
  matrixRows,
  NO_FILTER,
  planImport,
  REVIEW_COMMENT_MAX,
  REVIEW_STATE_LIST,
  reviewProblem,
  reviewStateOf,
} from '../../../shared/bureau/dashboard';
import type { ReviewsBySha } from '../../../shared/bureau/dashboard';
import { FEEDBACK_LIMITS } from '../../../shared/bureau/feedback';
import { mergeDistrict } from '../../../shared/bureau/merge';
import type { Review } from '../../../shared/bureau/store-index';
import { REVIEW_STATES } from '../../../shared/bureau/store-index';
import { intakes, templatesOf, TODAY } from './fixtures';

const all = intakes({ seed: 'dashboard', asOf: '2026-11-30', count: 6 });
const district = mergeDistrict(
  all.map((i) => i.accepted),
  [],
  templatesOf(all),
  { allowDrafts: true, today: TODAY },
);
const review = (decision: Review['decision']): Review => ({
  decision,
  comment: 'x',
  items: [],
  reviewer: '王科长',
  reviewedAt: '2026-12-01T08:00:00.000Z',
});

describe('the 汇总 dashboard rules', () => {
  it('keeps the zod-free copies of the store limits equal to the originals', () => {
    expect(REVIEW_COMMENT_MAX).toBe(FEEDBACK_LIMITS.comment);
    expect([...REVIEW_STATE_LIST]).toEqual([...REVIEW_STATES]);
  });

  it('filters schools by district, stage and review state; no filter keeps them all', () => {
    const [first, second] = district.schools;
    const reviews: ReviewsBySha = { [first!.current.sha256]: review('returned') };
    expect(filterSchools(district.schools, reviews, NO_FILTER)).toEqual(district.schools);
    expect(
      filterSchools(district.schools, reviews, { ...NO_FILTER, review: 'returned' }).map(
        (s) => s.code,
      ),
    ).toEqual([first!.code]);
    expect(
      filterSchools(district.schools, reviews, { ...NO_FILTER, review: 'pending' }),
    ).toHaveLength(district.schools.length - 1);
    const byDistrict = filterSchools(district.schools, reviews, {
      ...NO_FILTER,
      district: second!.district,
    });
    expect(byDistrict.length).toBeGreaterThan(0);
    expect(byDistrict.every((s) => s.district === second!.district)).toBe(true);
    const byStage = filterSchools(district.schools, reviews, {
      ...NO_FILTER,
      stage: second!.stage,
    });
    expect(byStage.every((s) => s.stage === second!.stage)).toBe(true);
    expect(byStage.map((s) => s.code)).toContain(second!.code);
  });

  it('offers each district and stage once, sorted', () => {
    const { districts, stages } = filterOptions(district.schools);
    expect(districts).toEqual([...new Set(district.schools.map((s) => s.district))].sort());
    expect(stages).toEqual([...new Set(district.schools.map((s) => s.stage))].sort());
  });

  it('counts a submission without a review as pending', () => {
    const sha = district.schools[0]!.current.sha256;
    expect(reviewStateOf({}, sha)).toBe('pending');
    expect(reviewStateOf({ [sha]: review('accepted') }, sha)).toBe('accepted');
  });

  it('sums the figures over the schools shown', () => {
    const schools = district.schools;
    const sha = schools[0]!.current.sha256;
    const figures = districtFigures(schools, { [sha]: review('accepted') });
    expect(figures.schools).toBe(schools.length);
    expect(figures.reviews).toEqual({ pending: schools.length - 1, accepted: 1, returned: 0 });
    expect(figures.openActions).toBe(schools.reduce((n, s) => n + s.openActions, 0));
    expect(figures.overdueActions).toBe(schools.reduce((n, s) => n + s.overdueActions, 0));
    const rates = schools.flatMap((s) => s.current.submission.complianceRate ?? []);
    expect(figures.averageRate).toBeCloseTo(rates.reduce((a, r) => a + r, 0) / rates.length);
    expect(districtFigures([], {}).averageRate).toBeNull();
  });

  it('orders the matrix most-failed first over the schools shown, or as the checklist has it', () => {
    const schools = district.schools.slice(0, 3);
    const checklist = matrixRows(district.items, schools, 'checklist');
    expect(checklist.map((r) => r.item.id)).toEqual(district.items.map((i) => i.id));
    const failing = matrixRows(district.items, schools, 'failing');
    expect(failing.map((r) => r.item.id).sort()).toEqual(checklist.map((r) => r.item.id).sort());
    for (const [a, b] of failing.slice(1).map((r, i) => [failing[i]!, r] as const)) {
      expect(
        a.nonCompliant > b.nonCompliant ||
          (a.nonCompliant === b.nonCompliant && a.partial >= b.partial),
      ).toBe(true);
    }
    // Counts are over the schools shown only.
    for (const row of failing) {
      const statuses = schools.map((s) => row.item.bySchool[s.code]);
      expect(row.nonCompliant).toBe(statuses.filter((s) => s === 'non-compliant').length);
      expect(row.partial).toBe(statuses.filter((s) => s === 'partial').length);
    }
  });

  it('sends only workbooks and packages within the limit, whatever the case of the extension', () => {
    const plan = planImport(
      [
        { name: 'a/1.xlsx', size: 10 },
        { name: 'a/2.ZIP', size: 10 },
        { name: 'a/big.xlsx', size: 101 },
        { name: 'a/notes.txt', size: 1 },
        { name: 'a/xlsx', size: 1 },
      ],
      100,
    );
    expect(plan.map((p) => [p.file.name, p.kind])).toEqual([
      ['a/1.xlsx', 'send'],
      ['a/2.ZIP', 'send'],
      ['a/big.xlsx', 'too-large'],
      ['a/notes.txt', 'skipped'],
      ['a/xlsx', 'skipped'],
    ]);
  });

  it('refuses a return with no comment at all, and only a return', () => {
    expect(reviewProblem({ decision: 'returned', comment: '  ', items: [] })).toBe(
      'returned-needs-comment',
    );
    expect(reviewProblem({ decision: 'returned', comment: '', items: [{ comment: ' \n' }] })).toBe(
      'returned-needs-comment',
    );
    expect(reviewProblem({ decision: 'returned', comment: '补充材料', items: [] })).toBeNull();
    expect(
      reviewProblem({ decision: 'returned', comment: '', items: [{ comment: '补充材料' }] }),
    ).toBeNull();
    expect(reviewProblem({ decision: 'accepted', comment: '', items: [] })).toBeNull();
  });
});
