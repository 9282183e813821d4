import { AppError } from '../errors';
import type { AcceptedIntake, RejectedIntake } from './intake';
import type { ItemComment } from './feedback';
import type {
  BureauIndex,
  RejectedRecord,
  Review,
  ReviewState,
  StoredSubmission,
} from './store-index';
import { MAX_RECENT_REJECTED } from './store-index';
import type { SubmissionTemplate } from './submission';

/**
 * The bureau store's decisions, pure: each takes the index and returns the next one (or refuses
 * with an AppError); electron/services/bureau/bureau-store.ts writes what they return.
 */

/** The stored submission with this file hash, if the store holds it. */
export function findSubmission(index: BureauIndex, sha256: string): StoredSubmission | undefined {
  return index.submissions.find((s) => s.sha256 === sha256);
}

/** The intake a stored submission came from (what addFile answers for a file already here). */
export function intakeOf(stored: StoredSubmission): AcceptedIntake {
  return {
    outcome: 'accepted',
    file: stored.file,
    sha256: stored.sha256,
    size: stored.size,
    kind: stored.kind,
    submission: stored.submission,
  };
}

/** Keeps an accepted file (once: the caller checked it is not here yet) and its checklist. */
export function withAccepted(
  index: BureauIndex,
  intake: AcceptedIntake,
  template: SubmissionTemplate | undefined,
  receivedAt: string,
): BureauIndex {
  const hash = intake.submission.template.hash;
  const templates =
    template && !Object.hasOwn(index.templates, hash)
      ? { ...index.templates, [hash]: template }
      : index.templates;
  return {
    ...index,
    submissions: [...index.submissions, { ...intake, receivedAt }],
    templates,
  };
}

/** Remembers a rejected file among the last MAX_RECENT_REJECTED. */
export function withRejected(index: BureauIndex, intake: RejectedIntake, at: string): BureauIndex {
  const record: RejectedRecord = {
    file: intake.file,
    ...(intake.sha256 !== undefined && { sha256: intake.sha256 }),
    size: intake.size,
    status: intake.status,
    reason: intake.reason,
    at,
  };
  return { ...index, rejected: [...index.rejected, record].slice(-MAX_RECENT_REJECTED) };
}

/**
 * Takes a submission out (its review too) and drops checklist versions no submission uses any
 * more. Refuses a hash the store does not hold.
 */
export function withoutSubmission(index: BureauIndex, sha256: string): BureauIndex {
  if (!findSubmission(index, sha256)) throw new AppError('bureau-submission-not-found');
  const submissions = index.submissions.filter((s) => s.sha256 !== sha256);
  const used = new Set(submissions.map((s) => s.submission.template.hash));
  const templates = Object.fromEntries(
    Object.entries(index.templates).filter(([hash]) => used.has(hash)),
  );
  const reviews = Object.fromEntries(
    Object.entries(index.reviews).filter(([hash]) => hash !== sha256),
  );
  return { ...index, submissions, templates, reviews };
}

export interface ReviewInput {
  readonly sha256: string;
  readonly decision: ReviewState;
  readonly comment: string;
  readonly items: readonly ItemComment[];
  readonly reviewer: string;
}

/**
 * The review of a stored submission: comments only on items of its own checklist version, one
 * comment per item. A new decision forgets when feedback was last saved (it is out of date).
 */
export function reviewFor(index: BureauIndex, input: ReviewInput, reviewedAt: string): Review {
  const stored = findSubmission(index, input.sha256);
  if (!stored) throw new AppError('bureau-submission-not-found');
  const template = index.templates[stored.submission.template.hash];
  const known = new Set(template?.items.map((i) => i.id) ?? Object.keys(stored.submission.items));
  const seen = new Set<string>();
  for (const { itemId } of input.items) {
    if (!known.has(itemId) || seen.has(itemId)) throw new AppError('bureau-review-invalid');
    seen.add(itemId);
  }
  return {
    decision: input.decision,
    comment: input.comment,
    items: input.items.map((i) => ({ itemId: i.itemId, comment: i.comment })),
    reviewer: input.reviewer,
    reviewedAt,
  };
}

export function withReview(index: BureauIndex, sha256: string, review: Review): BureauIndex {
  return { ...index, reviews: { ...index.reviews, [sha256]: review } };
}

/** The reviews of submissions still in the store (others are kept in the file, not shown). */
export function currentReviews(index: BureauIndex): Record<string, Review> {
  const held = new Set(index.submissions.map((s) => s.sha256));
  return Object.fromEntries(Object.entries(index.reviews).filter(([hash]) => held.has(hash)));
}
