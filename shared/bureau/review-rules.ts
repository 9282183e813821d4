import type { Bilingual } from '../i18n/locale';
import { FORBIDDEN_CHARACTERS } from '../inspection/patterns';
import { periodLabel } from '../inspection/period';
import type { Inspection, Period } from '../inspection/schema';
import type { Template } from '../template/schema';
import type { Feedback, ReviewDecision } from './feedback';

/**
 * The school's side of the bureau's feedback (`qinglang-feedback/1`), pure and zod-free so the
 * renderer may use it: which signed version a feedback file is about, whether it belongs to an
 * inspection here, the order feedback is shown in, and the reopen reason it suggests.
 */

/** A feedback file is small: 500 item comments of 2,000 characters fit well within this. */
export const MAX_FEEDBACK_BYTES = 4 * 1024 * 1024;

/**
 * Which signed version a feedback file speaks of: the inspection's current sign-off, one voided
 * by a reopen since (the school changed it after the bureau read it), or one this app never had.
 */
export const REVIEW_VERSIONS = ['current', 'earlier', 'unknown'] as const;
export type ReviewVersion = (typeof REVIEW_VERSIONS)[number];

/** One feedback file as this app keeps it beside its inspection. */
export interface BureauReview {
  /** SHA-256 of the file's bytes: the same file imported twice is one. */
  readonly sha256: string;
  readonly importedAt: string;
  /** Set when the user dismissed it: the file is kept, shown as archived. */
  readonly dismissedAt: string | null;
  readonly version: ReviewVersion;
  readonly feedback: Feedback;
}

/** The newest feedback still shown for one inspection, for its row in the list. */
export interface BureauReviewSummary {
  readonly inspectionId: string;
  readonly decision: ReviewDecision;
  readonly bureau: string;
  readonly reviewedAt: string;
  readonly version: ReviewVersion;
  readonly itemComments: number;
}

export function reviewVersion(
  feedback: Pick<Feedback, 'inspection'>,
  inspection: Pick<Inspection, 'signoff' | 'reopened'>,
): ReviewVersion {
  const hash = feedback.inspection.contentHash;
  if (inspection.signoff?.contentHash === hash) return 'current';
  return inspection.reopened.some((r) => r.signoff.contentHash === hash) ? 'earlier' : 'unknown';
}

/** Newest review first (by when the bureau reviewed, then when it was imported here). */
export function newestFirst<T extends Pick<BureauReview, 'importedAt' | 'feedback'>>(
  reviews: readonly T[],
): T[] {
  return [...reviews].sort(
    (a, b) =>
      b.feedback.reviewedAt.localeCompare(a.feedback.reviewedAt) ||
      b.importedAt.localeCompare(a.importedAt),
  );
}

/** What the inspection with the feedback's id is, as the store finds it. */
export interface MatchTarget {
  readonly school: { readonly name: string; readonly code: string };
  readonly period: Period;
}

/**
 * Whether a feedback file belongs to an inspection here: it must name one this app holds, of
 * the same school. Null when it does; otherwise why not, in both languages.
 */
export function feedbackMismatch(feedback: Feedback, target: MatchTarget | null): Bilingual | null {
  const { schoolName, schoolCode, period } = feedback.inspection;
  const term = periodLabel(period);
  if (target === null) {
    return {
      'zh-CN': `这份意见针对的检查不在本程序中：学校 ${schoolName}（${schoolCode}），${term['zh-CN']}。请在保存这次检查的电脑上导入。`,
      'en-US': `This feedback is for an inspection not in this app: school ${schoolName} (${schoolCode}), ${term['en-US']}. Import it on the computer that keeps that inspection.`,
    };
  }
  if (target.school.code !== schoolCode) {
    return {
      'zh-CN': `这份意见是给学校 ${schoolName}（${schoolCode}）的，而本程序中的这次检查属于 ${target.school.name}（${target.school.code}）：未导入。`,
      'en-US': `This feedback is for school ${schoolName} (${schoolCode}), but the inspection here belongs to ${target.school.name} (${target.school.code}): not imported.`,
    };
  }
  return null;
}

/**
 * The reopen reason a returned submission suggests: the prefix ("教育局退回：") and the bureau's
 * overall comment on one line, without hidden characters, cut to fit the reason's limit.
 */
export function reopenReasonFor(prefix: string, comment: string, limit: number): string {
  const flat = comment
    .split('')
    .filter((c) => !FORBIDDEN_CHARACTERS.test(c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  const reason = `${prefix}${flat}`;
  const chars = Array.from(reason);
  return chars.length <= limit ? reason : `${chars.slice(0, limit - 1).join('')}…`;
}

/** One item comment, with the review it came from. */
export interface CommentOnItem {
  readonly comment: string;
  readonly review: BureauReview;
}

/** An item the bureau commented on, where the walk-through shows it. */
export interface CommentedItem {
  readonly itemId: string;
  /** "3.2", or null when the inspection's checklist has no such item. */
  readonly number: string | null;
  readonly sectionId: string | null;
  readonly prompt: Bilingual | null;
  readonly comments: readonly CommentOnItem[];
}

/** The comments on one item from the reviews given (newest review first). */
export function commentsOn(itemId: string, reviews: readonly BureauReview[]): CommentOnItem[] {
  return reviews.flatMap((review) =>
    review.feedback.items
      .filter((c) => c.itemId === itemId)
      .map((c) => ({ comment: c.comment, review })),
  );
}

/**
 * Every item the reviews comment on, in the checklist's order; items the checklist does not have
 * (the bureau's version differs) come last, so no comment is ever lost from sight.
 */
export function commentedItems(
  template: Template,
  reviews: readonly BureauReview[],
): CommentedItem[] {
  const ids = new Set(reviews.flatMap((r) => r.feedback.items.map((c) => c.itemId)));
  const out: CommentedItem[] = [];
  template.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      if (!ids.delete(item.id)) return;
      out.push({
        itemId: item.id,
        number: `${s + 1}.${i + 1}`,
        sectionId: section.id,
        prompt: item.prompt,
        comments: commentsOn(item.id, reviews),
      });
    });
  });
  for (const itemId of ids) {
    out.push({
      itemId,
      number: null,
      sectionId: null,
      prompt: null,
      comments: commentsOn(itemId, reviews),
    });
  }
  return out;
}
