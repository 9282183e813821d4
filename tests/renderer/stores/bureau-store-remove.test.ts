import { beforeEach, describe, expect, it } from 'vitest';
import type { BureauState } from '../../../shared/ipc/bureau';
import { useBureauStore } from '../../../renderer/stores/bureau-store';
import { installFakeApi } from '../fake-api';
import { bureauState, SHA_A, SHA_B } from '../bureau-fixtures';

/** The Node side keeps two submissions and takes one out when asked (bureau:remove). */
function fakeNode() {
  let state: BureauState = bureauState({
    reviews: {
      [SHA_A]: {
        decision: 'returned',
        comment: '请补充',
        items: [],
        reviewer: '王科长',
        reviewedAt: '2026-12-01T08:00:00.000Z',
      },
    },
  });
  const removed: unknown[] = [];
  const ok = (value: unknown) => ({ ok: true as const, value });
  installFakeApi({
    answers: {
      'bureau:state': () => ok(state),
      'bureau:remove': (input) => {
        removed.push(input);
        const { sha256 } = input as { sha256: string };
        const reviews = Object.fromEntries(
          Object.entries(state.reviews).filter(([sha]) => sha !== sha256),
        );
        state = {
          ...state,
          submissions: state.submissions.filter((s) => s.sha256 !== sha256),
          reviews,
          counts: { ...state.counts, submissions: state.counts.submissions - 1 },
        };
        return ok(null);
      },
    },
  });
  return removed;
}

describe('removing a submission from the bureau store', () => {
  beforeEach(() => {
    useBureauStore.setState({ state: null, district: null, busy: null, loadError: null });
  });

  it('sends its hash, reloads, and the dashboard no longer lists it or its review', async () => {
    const removed = fakeNode();
    await useBureauStore.getState().load();
    const before = useBureauStore.getState();
    expect(before.state?.submissions.map((s) => s.sha256)).toEqual([SHA_A, SHA_B]);
    const school = before.state!.submissions[0]!.submission.school.code;
    expect(before.district?.schools.map((s) => s.code)).toContain(school);

    await useBureauStore.getState().remove(SHA_A);

    expect(removed).toEqual([{ sha256: SHA_A }]);
    const after = useBureauStore.getState();
    expect(after.state?.submissions.map((s) => s.sha256)).toEqual([SHA_B]);
    expect(after.state?.reviews).toEqual({});
    expect(after.district?.schools.map((s) => s.code)).not.toContain(school);
    expect(after.district?.schools).toHaveLength(1);
  });

  it('says why when the Node side refuses, and keeps what it showed', async () => {
    fakeNode();
    await useBureauStore.getState().load();
    installFakeApi({
      answers: {
        'bureau:remove': () => ({
          ok: false,
          error: { code: 'internal', message: '无法移除' },
        }),
      },
    });
    await expect(useBureauStore.getState().remove(SHA_A)).rejects.toThrow();
    expect(useBureauStore.getState().state?.submissions).toHaveLength(2);
  });
});
