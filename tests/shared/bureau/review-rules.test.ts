import { describe, expect, it } from 'vitest';
import type { Feedback } from '../../../shared/bureau/feedback';
import { FEEDBACK_FORMAT } from '../../../shared/bureau/feedback';
import { checkFeedback } from '../../../shared/bureau/feedback-check';
import type { BureauReview } from '../../../shared/bureau/review-rules';
import {
  commentedItems,
  feedbackMismatch,
  newestFirst,
  reopenReasonFor,
  reviewVersion,
} from '../../../shared/bureau/review-rules';
import { item, template } from '../template/fixtures';

const HASH = 'a'.repeat(64);
const FEEDBACK: Feedback = {
  format: FEEDBACK_FORMAT,
  bureau: { name: '海淀区教育局', district: '海淀区' },
  inspection: {
    id: '7d0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a',
    schoolCode: '1101080001',
    schoolName: '示范中学',
    period: { year: 2026, term: 'autumn' },
    contentHash: HASH,
    signedAt: '2026-11-30T02:00:00.000Z',
  },
  decision: 'returned',
  comment: '第一行\n第二行',
  items: [
    { itemId: 'gone', comment: '旧版本的项' },
    { itemId: 'second', comment: '请补充' },
  ],
  reviewer: '王科长',
  reviewedAt: '2026-12-02T02:00:00.000Z',
};
const signoff = (contentHash: string) => ({ contentHash }) as never;

describe('which signed version a feedback file speaks of', () => {
  it('is the current one, one voided by a reopen, or one never here', () => {
    expect(reviewVersion(FEEDBACK, { signoff: signoff(HASH), reopened: [] })).toBe('current');
    const reopened = [{ at: '', reason: '', signoff: signoff(HASH) }] as never;
    expect(reviewVersion(FEEDBACK, { signoff: undefined, reopened })).toBe('earlier');
    expect(reviewVersion(FEEDBACK, { signoff: signoff('b'.repeat(64)), reopened })).toBe('earlier');
    expect(reviewVersion(FEEDBACK, { signoff: undefined, reopened: [] })).toBe('unknown');
  });
});

describe('whether a feedback file belongs here', () => {
  it('names the school and term when no inspection here has its id', () => {
    const message = feedbackMismatch(FEEDBACK, null)!;
    expect(message['zh-CN']).toContain('示范中学（1101080001），2026 秋季学期');
    expect(message['en-US']).toContain('示范中学 (1101080001), Autumn term 2026');
  });
  it('refuses another school, and accepts the same', () => {
    const here = {
      school: { name: '别的学校', code: '2200000000' },
      period: FEEDBACK.inspection.period,
    };
    expect(feedbackMismatch(FEEDBACK, here)!['en-US']).toContain('别的学校 (2200000000)');
    expect(
      feedbackMismatch(FEEDBACK, { ...here, school: { name: 'x', code: '1101080001' } }),
    ).toBeNull();
  });
});

describe('the reopen reason a returned submission suggests', () => {
  it('is one line, without hidden characters, cut to the limit', () => {
    expect(reopenReasonFor('教育局退回：', '第一行\n第二行\u202E', 500)).toBe(
      '教育局退回：第一行 第二行',
    );
    const long = reopenReasonFor('教育局退回：', '长'.repeat(600), 500);
    expect(Array.from(long)).toHaveLength(500);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('the order and the items of feedback', () => {
  const review = (reviewedAt: string, importedAt: string): BureauReview => ({
    sha256: reviewedAt,
    importedAt,
    dismissedAt: null,
    version: 'current',
    feedback: { ...FEEDBACK, reviewedAt },
  });
  it('puts the newest review first', () => {
    const a = review('2026-12-01T00:00:00.000Z', '2026-12-09T00:00:00.000Z');
    const b = review('2026-12-03T00:00:00.000Z', '2026-12-04T00:00:00.000Z');
    expect(newestFirst([a, b]).map((r) => r.sha256)).toEqual([b.sha256, a.sha256]);
  });
  it("lists commented items in the checklist's order, unknown ones last", () => {
    const t = template([item('text', 'first'), item('text', 'second')]);
    const items = commentedItems(t, [
      review('2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'),
    ]);
    expect(items.map((i) => [i.itemId, i.number])).toEqual([
      ['second', '1.2'],
      ['gone', null],
    ]);
    expect(items[0]!.comments[0]!.comment).toBe('请补充');
  });
});

describe('checking a feedback file', () => {
  it('accepts a qinglang-feedback/1 document', () => {
    expect(checkFeedback(FEEDBACK)).toMatchObject({ ok: true });
  });
  it('says a later format needs an upgrade, and another file is not feedback', () => {
    const later = checkFeedback({ ...FEEDBACK, format: 'qinglang-feedback/7' });
    expect(JSON.stringify(later)).toContain('update the app');
    const other = checkFeedback({ format: 'qinglang-template/3' });
    expect(JSON.stringify(other)).toContain('not a bureau feedback file');
  });
  it('refuses __proto__ keys, extra fields, and hidden characters in names', () => {
    const polluted = JSON.parse(
      `{"__proto__": {"x": 1}, "format": "${FEEDBACK_FORMAT}"}`,
    ) as unknown;
    expect(JSON.stringify(checkFeedback(polluted))).toContain('__proto__');
    expect(checkFeedback({ ...FEEDBACK, extra: 1 }).ok).toBe(false);
    const hidden = { ...FEEDBACK, inspection: { ...FEEDBACK.inspection, schoolName: 'a\u202Eb' } };
    expect(JSON.stringify(checkFeedback(hidden))).toContain('$.inspection.schoolName');
  });
});
