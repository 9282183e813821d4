import { beforeEach, describe, expect, it } from 'vitest';
import { useBureauReviewsStore } from '../../../renderer/stores/bureau-reviews-store';
import { MAX_FEEDBACK_BYTES } from '../../../shared/bureau/review-rules';
import { installFakeApi } from '../fake-api';

const ID = '7d0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';
const SUMMARY = {
  inspectionId: ID,
  decision: 'returned',
  bureau: '海淀区教育局',
  reviewedAt: '2026-12-02T02:00:00.000Z',
  version: 'current',
  itemComments: 1,
};

function fakeNode(importAnswer: unknown) {
  const calls: string[] = [];
  installFakeApi({
    answers: {
      'bureauReviews:import': () => (calls.push('import'), { ok: true, value: importAnswer }),
      'bureauReviews:list': () => (calls.push('list'), { ok: true, value: [] }),
      'bureauReviews:latest': () => (calls.push('latest'), { ok: true, value: [SUMMARY] }),
    },
  });
  return calls;
}

const fileOf = (text: string, name = 'feedback.json') => new File([text], name);

describe('the bureau reviews store', () => {
  beforeEach(() => {
    useBureauReviewsStore.setState({ reviews: {}, latest: [], lastImport: null, focusItem: null });
  });

  it('imports a file and reads the list and that inspection again', async () => {
    const calls = fakeNode({
      status: 'imported',
      inspectionId: ID,
      schoolName: '示范中学',
      period: { year: 2026, term: 'autumn' },
      decision: 'returned',
      version: 'current',
      duplicate: false,
    });
    await useBureauReviewsStore.getState().importFile(fileOf('{}'));
    const state = useBureauReviewsStore.getState();
    expect(state.lastImport).toMatchObject({ kind: 'imported', fileName: 'feedback.json' });
    expect(state.latest).toEqual([SUMMARY]);
    expect(state.reviews[ID]).toEqual([]);
    expect(calls.sort()).toEqual(['import', 'latest', 'list']);
  });

  it('keeps what was wrong with a refused file, and reads nothing again', async () => {
    const problems = [{ path: '$', message: { 'zh-CN': '坏', 'en-US': 'bad' } }];
    const calls = fakeNode({ status: 'refused', problems });
    await useBureauReviewsStore.getState().importFile(fileOf('garbage', 'x.json'));
    expect(useBureauReviewsStore.getState().lastImport).toEqual({
      kind: 'refused',
      fileName: 'x.json',
      problems,
    });
    expect(calls).toEqual(['import']);
  });

  it('refuses a file too large to be feedback without sending it', async () => {
    const calls = fakeNode(null);
    const big = new File([new Uint8Array(MAX_FEEDBACK_BYTES + 1)], 'big.json');
    await useBureauReviewsStore.getState().importFile(big);
    expect(useBureauReviewsStore.getState().lastImport).toEqual({
      kind: 'too-large',
      fileName: 'big.json',
    });
    expect(calls).toEqual([]);
  });
});
