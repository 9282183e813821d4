import { describe, expect, it } from 'vitest';
import { feedbackFileName, feedbackFor, feedbackSchema } from '../../../shared/bureau/feedback';
import { districtSummaryFileName } from '../../../shared/bureau/file-names';
import type { BureauIndex } from '../../../shared/bureau/store-index';
import {
  bureauIndexSchema,
  emptyBureauIndex,
  MAX_RECENT_REJECTED,
} from '../../../shared/bureau/store-index';
import {
  currentReviews,
  intakeOf,
  reviewFor,
  withAccepted,
  withoutSubmission,
  withRejected,
  withReview,
} from '../../../shared/bureau/store-ops';
import { AppError } from '../../../shared/errors';
import { intakes, textFileRejected } from './fixtures';

const AT = '2026-12-15T02:00:00.000Z';
const [signed] = intakes({ count: 1, seed: 'store-ops', asOf: '2026-12-01' });
const [draft] = intakes({ count: 1, seed: 'store-ops-draft', asOf: '2026-12-01', signing: 'none' });
const BUREAU = { name: '清朗区教育局', district: '清朗区' };

function indexWith(...list: NonNullable<typeof signed>[]): BureauIndex {
  return list.reduce(
    (index, i) => withAccepted(index, i.accepted, i.template, AT),
    emptyBureauIndex(),
  );
}

describe('the bureau index and its changes', () => {
  it('round-trips through its schema, and refuses what is not an index', () => {
    const index = withReview(
      withRejected(indexWith(signed!, draft!), textFileRejected, AT),
      signed!.accepted.sha256,
      reviewFor(
        indexWith(signed!),
        {
          sha256: signed!.accepted.sha256,
          decision: 'accepted',
          comment: '',
          items: [],
          reviewer: '王科长',
        },
        AT,
      ),
    );
    expect(bureauIndexSchema.parse(JSON.parse(JSON.stringify(index)))).toEqual(index);
    expect(intakeOf(index.submissions[0]!)).toEqual(signed!.accepted);
    for (const bad of [
      { ...index, format: 'qinglang-bureau-index/2' },
      { ...index, extra: 1 },
    ])
      expect(bureauIndexSchema.safeParse(bad).success).toBe(false);
    // A "__proto__" key in the file is dropped, never made a prototype.
    const hostile = bureauIndexSchema.parse({
      ...index,
      reviews: JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
    });
    expect(hostile.reviews).toEqual({});
    expect(Object.getPrototypeOf(hostile.reviews)).toBe(Object.prototype);
  });

  it('keeps a checklist version once, and drops it with its last submission', () => {
    const index = indexWith(signed!, draft!);
    expect(Object.keys(index.templates)).toHaveLength(1);
    const less = withoutSubmission(index, signed!.accepted.sha256);
    expect(Object.keys(less.templates)).toHaveLength(1);
    expect(withoutSubmission(less, draft!.accepted.sha256).templates).toEqual({});
    expect(() => withoutSubmission(less, signed!.accepted.sha256)).toThrow(AppError);
  });

  it('remembers the last thousand rejections', () => {
    let index = emptyBureauIndex();
    for (let i = 0; i < MAX_RECENT_REJECTED + 5; i++)
      index = withRejected(index, { ...textFileRejected, file: `f${i}` }, AT);
    expect(index.rejected).toHaveLength(MAX_RECENT_REJECTED);
    expect(index.rejected[0]?.file).toBe('f5');
  });

  it('shows only the reviews of submissions still held', () => {
    const index = indexWith(signed!);
    const review = reviewFor(
      index,
      {
        sha256: signed!.accepted.sha256,
        decision: 'pending',
        comment: '',
        items: [],
        reviewer: '王',
      },
      AT,
    );
    const stale = {
      ...withReview(index, signed!.accepted.sha256, review),
      reviews: { ['0'.repeat(64)]: review },
    };
    expect(currentReviews(stale)).toEqual({});
  });
});

describe('feedback', () => {
  const index = indexWith(signed!, draft!);
  const itemId = signed!.template.items[0]!.id;
  const review = (sha256: string, decision: 'pending' | 'accepted' | 'returned') =>
    reviewFor(
      index,
      {
        sha256,
        decision,
        comment: '请整改',
        items: [{ itemId, comment: '缺少记录' }],
        reviewer: '王科长',
      },
      AT,
    );

  it('is made for a signed submission with a decision, and is valid qinglang-feedback/1', () => {
    const stored = index.submissions[0]!;
    const feedback = feedbackFor(stored, review(stored.sha256, 'returned'), BUREAU);
    expect(feedbackSchema.parse(JSON.parse(JSON.stringify(feedback)))).toEqual(feedback);
    expect(feedback).toMatchObject({
      format: 'qinglang-feedback/1',
      decision: 'returned',
      items: [{ itemId, comment: '缺少记录' }],
      inspection: {
        contentHash: stored.submission.contentHash,
        schoolCode: stored.submission.school.code,
      },
    });
  });

  it('is not made without a decision, or for a draft', () => {
    const [stored, unsigned] = index.submissions;
    expect(feedbackFor(stored!, review(stored!.sha256, 'pending'), BUREAU)).toBeNull();
    expect(feedbackFor(unsigned!, review(unsigned!.sha256, 'accepted'), BUREAU)).toBeNull();
  });

  it('is named by school code and term, safely, in the language asked for', () => {
    const period = { year: 2026, term: 'autumn' as const };
    expect(feedbackFileName({ schoolCode: '3101010001', period }, 'zh-CN')).toBe(
      '3101010001-2026-autumn-教育局意见.qinglang-feedback.json',
    );
    expect(feedbackFileName({ schoolCode: '../..', period }, 'en-US')).toBe(
      'school-2026-autumn-bureau-feedback.qinglang-feedback.json',
    );
    expect(districtSummaryFileName('清朗区/../x', '2026-12-15', 'zh-CN')).toBe(
      '清朗区_x-汇总-2026-12-15.xlsx',
    );
    expect(districtSummaryFileName(undefined, '2026-12-15', 'en-US')).toBe(
      'district-summary-2026-12-15.xlsx',
    );
  });

  it('refuses comments on items the submission’s checklist does not have', () => {
    const sha256 = index.submissions[0]!.sha256;
    expect(() =>
      reviewFor(
        index,
        {
          sha256,
          decision: 'accepted',
          comment: '',
          items: [{ itemId: 'nope', comment: 'x' }],
          reviewer: '王',
        },
        AT,
      ),
    ).toThrow(AppError);
  });
});
