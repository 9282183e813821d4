import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { BureauItemComments } from '../../../../renderer/components/bureau-reviews/BureauItemComments';
import { BureauReviewBanner } from '../../../../renderer/components/bureau-reviews/BureauReviewBanner';
import { initI18n } from '../../../../renderer/i18n/i18n';
import { useBureauReviewsStore } from '../../../../renderer/stores/bureau-reviews-store';
import type { Feedback } from '../../../../shared/bureau/feedback';
import type { BureauReview, ReviewVersion } from '../../../../shared/bureau/review-rules';
import type { Inspection } from '../../../../shared/inspection/schema';
import { item, template } from '../../../shared/template/fixtures';
import { installFakeApi } from '../../fake-api';

const ID = '7d0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';
const TEMPLATE = template([item('text', 'first'), item('text', 'second')]);
const FEEDBACK: Feedback = {
  format: 'qinglang-feedback/1',
  bureau: { name: '海淀区教育局', district: '海淀区' },
  inspection: {
    id: ID,
    schoolCode: '1101080001',
    schoolName: '示范中学',
    period: { year: 2026, term: 'autumn' },
    contentHash: 'a'.repeat(64),
    signedAt: '2026-11-30T02:00:00.000Z',
  },
  decision: 'returned',
  comment: '请补充佐证材料。',
  items: [{ itemId: 'second', comment: '缺少任命文件' }],
  reviewer: '王科长',
  reviewedAt: '2026-12-02T02:00:00.000Z',
};
const INSPECTION = {
  id: ID,
  state: 'signed',
  updatedAt: '2026-12-01T00:00:00.000Z',
  signoff: { signer: '韩校长', contentHash: 'a'.repeat(64) },
  reopened: [],
} as unknown as Inspection;

function fakeNode(version: ReviewVersion) {
  const calls: [string, unknown][] = [];
  let reviews: BureauReview[] = [
    {
      sha256: 'b'.repeat(64),
      importedAt: '2026-12-03T00:00:00.000Z',
      dismissedAt: null,
      version,
      feedback: FEEDBACK,
    },
  ];
  installFakeApi({
    answers: {
      'bureauReviews:list': () => ({ ok: true, value: reviews }),
      'bureauReviews:latest': () => ({ ok: true, value: [] }),
      'bureauReviews:dismiss': (input) => {
        calls.push(['dismiss', input]);
        reviews = reviews.map((r) => ({ ...r, dismissedAt: '2026-12-04T00:00:00.000Z' }));
        return { ok: true, value: null };
      },
    },
  });
  return calls;
}

function renderBanner() {
  render(
    <>
      <BureauReviewBanner
        inspection={INSPECTION}
        template={TEMPLATE}
        sectionHref={(s) => `#/s/${s}`}
      />
      <BureauItemComments inspectionId={ID} itemId="second" />
      <BureauItemComments inspectionId={ID} itemId="first" />
    </>,
  );
}

describe("the bureau's feedback on an inspection", () => {
  beforeEach(async () => {
    await initI18n('zh-CN');
    useBureauReviewsStore.setState({ reviews: {}, latest: [], lastImport: null, focusItem: null });
  });

  it('shows the decision, the comment, and each item comment beside its item only', async () => {
    fakeNode('current');
    renderBanner();
    expect(await screen.findByText(/教育局退回：海淀区教育局/)).toBeInTheDocument();
    expect(screen.getByText('请补充佐证材料。')).toBeInTheDocument();
    expect(screen.getByText('这份意见针对的是当前签字的版本。')).toBeInTheDocument();
    const aside = screen.getByRole('complementary', { name: '教育局意见' });
    expect(aside).toHaveTextContent('缺少任命文件');
    expect(aside).toHaveTextContent('海淀区教育局');
    expect(screen.getAllByRole('complementary')).toHaveLength(1);
    expect(screen.getByRole('link', { name: '转到第 1.2 项' })).toHaveAttribute('href', '#/s/s0');
  });

  it('offers reopen with the bureau reason prefilled, which the user may edit', async () => {
    fakeNode('current');
    renderBanner();
    await userEvent.click(await screen.findByRole('button', { name: '重新打开以修改' }));
    const reason = screen.getByRole('textbox', { name: /重新打开的原因/ });
    expect(reason).toHaveValue('教育局退回：请补充佐证材料。');
    await userEvent.type(reason, '（已补）');
    expect(reason).toHaveValue('教育局退回：请补充佐证材料。（已补）');
  });

  it('says when the feedback is about an earlier version, and then offers no reopen', async () => {
    fakeNode('earlier');
    renderBanner();
    expect(await screen.findByText(/针对的是此前签字的版本/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重新打开以修改' })).toBeNull();
    expect(screen.getByText('针对此前签字的版本')).toBeInTheDocument();
  });

  it('archives the feedback: the comments go, the file is listed as archived', async () => {
    const calls = fakeNode('current');
    renderBanner();
    await userEvent.click(await screen.findByRole('button', { name: '已阅，归档' }));
    await waitFor(() => expect(screen.queryByRole('complementary')).toBeNull());
    expect(calls).toEqual([['dismiss', { id: ID, sha256: 'b'.repeat(64) }]]);
    expect(screen.getByText('已归档的意见（1）')).toBeInTheDocument();
  });
});
