import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Change } from '../../../shared/inspection/changes';
import { ApiError } from '../../../renderer/api/client';
import type { SaveStatus } from '../../../renderer/stores/autosave';
import { Autosave } from '../../../renderer/stores/autosave';

const answer = (value: string): Change => ({ kind: 'answer', itemId: 'x', value });

function setup(send: (changes: readonly Change[]) => Promise<{ updatedAt: string }>) {
  const statuses: SaveStatus[] = [];
  const onRefused = vi.fn();
  const autosave = new Autosave({ send, onStatus: (s) => statuses.push(s), onRefused });
  return { autosave, statuses, onRefused, last: () => statuses.at(-1) };
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends typing that never pauses within 800 ms, in order, and the rest after it stops', async () => {
    const send = vi.fn<(changes: readonly Change[]) => Promise<{ updatedAt: string }>>(
      async () => ({ updatedAt: '2026-11-29T09:00:00.000Z' }),
    );
    const { autosave, last } = setup(send);
    for (const c of 'abcdefghij') {
      autosave.push([answer(c)]);
      await vi.advanceTimersByTimeAsync(100);
    }
    // a…h were typed in the first 800 ms: they went as one batch while typing went on.
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toHaveLength(8);
    await vi.advanceTimersByTimeAsync(300);
    const sent = send.mock.calls.flatMap(([changes]) =>
      changes.map((c) => (c as { value: string }).value),
    );
    expect(sent.join('')).toBe('abcdefghij');
    expect(last()).toEqual({ kind: 'saved', at: '2026-11-29T09:00:00.000Z' });
  });

  it('says "pending" for an edit, "saving" while it is sent, "saved" when it is stored', async () => {
    const send = vi.fn(async () => ({ updatedAt: 't1' }));
    const { autosave, statuses } = setup(send);
    autosave.push([]);
    await autosave.flush();
    // Nothing to save: no status, no request.
    expect(statuses).toEqual([]);
    expect(send).not.toHaveBeenCalled();
    autosave.push([answer('a')]);
    await vi.advanceTimersByTimeAsync(400);
    expect(statuses).toEqual([
      { kind: 'pending' },
      { kind: 'saving' },
      { kind: 'saved', at: 't1' },
    ]);
  });

  it('sends at most 500 edits a request (the most the Node side takes), the rest after', async () => {
    const send = vi.fn(async (changes: readonly Change[]) => ({ updatedAt: `${changes.length}` }));
    const { autosave } = setup(send);
    autosave.push(Array.from({ length: 501 }, (_, i) => answer(`${i}`)));
    await vi.advanceTimersByTimeAsync(400);
    expect(send.mock.calls.map(([changes]) => changes.length)).toEqual([500, 1]);
  });

  it('never has two requests in flight: edits made during a save go in the next one', async () => {
    let release: () => void = () => undefined;
    const send = vi.fn(
      (changes: readonly Change[]) =>
        new Promise<{ updatedAt: string }>((resolve) => {
          release = () => resolve({ updatedAt: `t${changes.length}` });
        }),
    );
    const { autosave } = setup(send);
    autosave.push([answer('1')]);
    await vi.advanceTimersByTimeAsync(400);
    expect(send).toHaveBeenCalledTimes(1);
    autosave.push([answer('2')]);
    autosave.push([answer('3')]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(send).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]![0]).toEqual([answer('2'), answer('3')]);
  });

  it('keeps edits when a save fails, says so with the message, and tries again until it works', async () => {
    let failures = 2;
    const send = vi.fn<(changes: readonly Change[]) => Promise<{ updatedAt: string }>>(async () => {
      if (failures-- > 0)
        throw new ApiError({ code: 'storage-failed', message: '无法写入数据文件夹' });
      return { updatedAt: 'ok' };
    });
    const { autosave, statuses, last } = setup(send);
    autosave.push([answer('kept')]);
    await vi.advanceTimersByTimeAsync(400);
    expect(last()).toEqual({ kind: 'failed', message: '无法写入数据文件夹', retryInMs: 1000 });
    expect(autosave.pending).toBe(true);
    expect(autosave.queued()).toEqual([answer('kept')]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(last()).toMatchObject({ kind: 'failed', retryInMs: 3000 });
    await vi.advanceTimersByTimeAsync(3000);
    expect(last()).toEqual({ kind: 'saved', at: 'ok' });
    // The same one edit each time: kept, not duplicated, not lost.
    expect(send.mock.calls.map(([changes]) => changes)).toEqual([
      [answer('kept')],
      [answer('kept')],
      [answer('kept')],
    ]);
    expect(statuses.filter((s) => s.kind === 'failed')).toHaveLength(2);
  });

  it('waits longer after each failure, up to 30 s between attempts', async () => {
    const send = vi.fn(async (): Promise<{ updatedAt: string }> => {
      throw new ApiError({ code: 'storage-failed', message: 'disk full' });
    });
    const { autosave, statuses } = setup(send);
    autosave.push([answer('a')]);
    await vi.advanceTimersByTimeAsync(400 + 1000 + 3000 + 10_000 + 30_000 + 30_000);
    const waits = statuses.flatMap((s) => (s.kind === 'failed' ? [s.retryInMs] : []));
    expect(waits).toEqual([1000, 3000, 10_000, 30_000, 30_000, 30_000]);
    autosave.dispose();
  });

  it('sends nothing more once disposed', async () => {
    const send = vi
      .fn<(changes: readonly Change[]) => Promise<{ updatedAt: string }>>()
      .mockRejectedValueOnce(new ApiError({ code: 'storage-failed', message: 'disk full' }))
      .mockResolvedValue({ updatedAt: 'ok' });
    const { autosave } = setup(send);
    autosave.push([answer('a')]);
    await vi.advanceTimersByTimeAsync(400);
    autosave.push([answer('b')]);
    autosave.dispose();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('"retry now" sends at once instead of waiting for the next attempt', async () => {
    const send = vi
      .fn<(changes: readonly Change[]) => Promise<{ updatedAt: string }>>()
      .mockRejectedValueOnce(new ApiError({ code: 'storage-failed', message: 'disk full' }))
      .mockResolvedValue({ updatedAt: 'ok' });
    const { autosave, last } = setup(send);
    autosave.push([answer('a')]);
    await vi.advanceTimersByTimeAsync(400);
    expect(last()?.kind).toBe('failed');
    await autosave.flush();
    expect(last()).toEqual({ kind: 'saved', at: 'ok' });
  });

  it.each([
    'inspection-refused',
    // Signed meanwhile (another window): trying again cannot help until it is reopened.
    'inspection-signed',
    'invalid-input',
    'inspection-not-found',
    'template-not-found',
    'storage-newer-version',
    'forbidden-sender',
    'unknown-channel',
  ] as const)(
    'drops edits the Node side refused (%s), asks for the stored copy, and settles',
    async (code) => {
      const send = vi.fn(async () => {
        throw new ApiError({ code, message: '这次修改无法保存。' });
      });
      const { autosave, last, onRefused } = setup(send);
      autosave.push([answer('bad')]);
      const settled = vi.fn();
      void autosave.whenSettled().then(settled);
      await vi.advanceTimersByTimeAsync(400);
      expect(last()).toEqual({ kind: 'refused', message: '这次修改无法保存。' });
      expect(onRefused).toHaveBeenCalledTimes(1);
      expect(autosave.pending).toBe(false);
      expect(settled).toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(send).toHaveBeenCalledTimes(1);
    },
  );

  it('drops only the refused batch: edits made while it was in flight are still sent', async () => {
    let refuse: () => void = () => undefined;
    const send = vi
      .fn<(changes: readonly Change[]) => Promise<{ updatedAt: string }>>()
      .mockImplementationOnce(
        () =>
          new Promise((_resolve, reject) => {
            refuse = () =>
              reject(new ApiError({ code: 'inspection-refused', message: '这次修改无法保存。' }));
          }),
      )
      .mockResolvedValue({ updatedAt: 'later' });
    const { autosave, statuses, onRefused, last } = setup(send);
    autosave.push([answer('bad')]);
    await vi.advanceTimersByTimeAsync(400);
    autosave.push([answer('typed after')]);
    autosave.push([answer('and more')]);
    const settled = vi.fn();
    void autosave.whenSettled().then(settled);
    refuse();
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses).toContainEqual({ kind: 'refused', message: '这次修改无法保存。' });
    expect(onRefused).toHaveBeenCalledTimes(1);
    // Sent at once, without waiting for another edit or a retry.
    expect(send.mock.calls.map(([changes]) => changes)).toEqual([
      [answer('bad')],
      [answer('typed after'), answer('and more')],
    ]);
    expect(last()).toEqual({ kind: 'saved', at: 'later' });
    expect(autosave.queued()).toEqual([]);
    expect(settled).toHaveBeenCalled();
  });

  it('whenSettled waits for the last save (leaving an inspection)', async () => {
    const send = vi.fn(async () => ({ updatedAt: 'done' }));
    const { autosave } = setup(send);
    autosave.push([answer('a')]);
    const settled = vi.fn();
    void autosave.whenSettled().then(settled);
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).not.toHaveBeenCalled();
    await autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toHaveBeenCalled();
  });
});
