import type { DistrictItem, DistrictSchool } from './merge';
import type { Review, ReviewState } from './store-index';

/**
 * What the 汇总 page decides about the district merge before it shows it: which schools the
 * filters keep, the figures over them, the order of the matrix's rows, which picked files are
 * sent at all, and whether a review may be saved. Pure and zod-free (types only), so the renderer
 * runs it and tests/shared/bureau/ tests it.
 */

export type { ReviewState };

/** The longest comment, overall or on an item: FEEDBACK_LIMITS.comment, here without zod. */
export const REVIEW_COMMENT_MAX = 2000;

export type ReviewsBySha = Readonly<Record<string, Review | undefined>>;

/** The review states, in the order the filters list them (store-index.ts's, without zod). */
export const REVIEW_STATE_LIST = [
  'pending',
  'accepted',
  'returned',
] as const satisfies readonly ReviewState[];

/** A submission with no review yet is pending. */
export function reviewStateOf(reviews: ReviewsBySha, sha256: string): ReviewState {
  return reviews[sha256]?.decision ?? 'pending';
}

/** The dashboard's filters: '' means any. */
export interface SchoolFilter {
  readonly district: string;
  readonly stage: string;
  readonly review: ReviewState | '';
}

export const NO_FILTER: SchoolFilter = { district: '', stage: '', review: '' };

export function filterSchools(
  schools: readonly DistrictSchool[],
  reviews: ReviewsBySha,
  filter: SchoolFilter,
): DistrictSchool[] {
  return schools.filter(
    (s) =>
      (filter.district === '' || s.district === filter.district) &&
      (filter.stage === '' || s.stage === filter.stage) &&
      (filter.review === '' || reviewStateOf(reviews, s.current.sha256) === filter.review),
  );
}

/** The values a filter can take, as the schools have them, sorted. */
export function filterOptions(schools: readonly DistrictSchool[]): {
  districts: string[];
  stages: DistrictSchool['stage'][];
} {
  const sorted = <T extends string>(values: Iterable<T>) => [...new Set(values)].sort();
  return {
    districts: sorted(schools.map((s) => s.district)),
    stages: sorted(schools.map((s) => s.stage)),
  };
}

/** The summary figures over the schools shown. */
export interface DistrictFigures {
  readonly schools: number;
  /** The mean of the schools' compliance rates (those that have one), or null. */
  readonly averageRate: number | null;
  readonly withNonCompliant: number;
  readonly openActions: number;
  readonly overdueActions: number;
  readonly keyChanges: number;
  readonly reviews: Readonly<Record<ReviewState, number>>;
}

export function districtFigures(
  schools: readonly DistrictSchool[],
  reviews: ReviewsBySha,
): DistrictFigures {
  const rates = schools.flatMap((s) => s.current.submission.complianceRate ?? []);
  const byReview: Record<ReviewState, number> = { pending: 0, accepted: 0, returned: 0 };
  for (const s of schools) byReview[reviewStateOf(reviews, s.current.sha256)] += 1;
  return {
    schools: schools.length,
    averageRate: rates.length === 0 ? null : rates.reduce((a, r) => a + r, 0) / rates.length,
    withNonCompliant: schools.filter((s) => s.current.submission.counts.nonCompliant > 0).length,
    openActions: schools.reduce((n, s) => n + s.openActions, 0),
    overdueActions: schools.reduce((n, s) => n + s.overdueActions, 0),
    keyChanges: schools.filter((s) => s.current.keyChange !== undefined).length,
    reviews: byReview,
  };
}

/** One row of the matrix over the schools shown: its counts recomputed over them. */
export interface MatrixRow {
  readonly item: DistrictItem;
  readonly nonCompliant: number;
  readonly partial: number;
}

export const ITEM_ORDERS = ['checklist', 'failing'] as const;
export type ItemOrder = (typeof ITEM_ORDERS)[number];

/**
 * The matrix's rows for the schools shown: in the checklist's order, or most-failed first (by
 * schools 不符合, then 部分符合, then the checklist's order).
 */
export function matrixRows(
  items: readonly DistrictItem[],
  schools: readonly DistrictSchool[],
  order: ItemOrder,
): MatrixRow[] {
  const codes = schools.map((s) => s.code);
  const rows = items.map((item) => {
    let nonCompliant = 0;
    let partial = 0;
    for (const code of codes) {
      const status = item.bySchool[code];
      if (status === 'non-compliant') nonCompliant += 1;
      else if (status === 'partial') partial += 1;
    }
    return { item, nonCompliant, partial };
  });
  if (order === 'checklist') return rows;
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        b.row.nonCompliant - a.row.nonCompliant ||
        b.row.partial - a.row.partial ||
        a.index - b.index,
    )
    .map(({ row }) => row);
}

/** What becomes of a picked file before anything is read: sent, skipped, or too large. */
export type PlannedFile<F> =
  | { readonly kind: 'send'; readonly file: F }
  | { readonly kind: 'skipped'; readonly file: F }
  | { readonly kind: 'too-large'; readonly file: F };

const SENT = /\.(xlsx|zip)$/i;

/** Only workbooks and packages are sent, and only those within the door's limit. */
export function planImport<F extends { readonly name: string; readonly size: number }>(
  files: readonly F[],
  maxBytes: number,
): PlannedFile<F>[] {
  return files.map((file) =>
    !SENT.test(file.name)
      ? { kind: 'skipped', file }
      : file.size > maxBytes
        ? { kind: 'too-large', file }
        : { kind: 'send', file },
  );
}

/** Why a review cannot be saved as it is, or null. */
export type ReviewProblem = 'returned-needs-comment';

export function reviewProblem(review: {
  readonly decision: ReviewState;
  readonly comment: string;
  readonly items: readonly { readonly comment: string }[];
}): ReviewProblem | null {
  if (review.decision !== 'returned') return null;
  const said = (text: string) => text.trim().length > 0;
  return said(review.comment) || review.items.some((i) => said(i.comment))
    ? null
    : 'returned-needs-comment';
}
