import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ERROR_MESSAGES } from '../../shared/errors';
import { MAX_EVIDENCE_BYTES } from '../../shared/inspection/evidence';
import type { EvidenceRef } from '../../shared/inspection/schema';

// window.api cannot be redefined once the bridge has set it: the bridge is loaded once, and each
// test stubs the fetch it calls.
describe('the harness bridge', () => {
  beforeAll(async () => {
    await import('../../renderer/harness-bridge');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    document.documentElement.lang = 'zh-CN';
  });

  it('defines a read-only window.api that posts each call as JSON to the harness', async () => {
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify({ ok: true, value: { language: 'en-US' } })),
    );
    vi.stubGlobal('fetch', fetchMock);

    await expect(window.api.settings.set({ language: 'en-US' })).resolves.toEqual({
      ok: true,
      value: { language: 'en-US' },
    });
    const [url, init] = fetchMock.mock.calls[0]! as unknown as [string, RequestInit];
    expect(url).toBe('./__api/invoke');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(init.body as string)).toEqual({
      channel: 'settings:set',
      input: { language: 'en-US' },
    });

    const before = window.api;
    expect(() => {
      (window as unknown as { api: unknown }).api = {};
    }).toThrow();
    expect(window.api).toBe(before);
  });

  describe('evidence:pick, answered in the page', () => {
    const REF: EvidenceRef = {
      sha256: 'a'.repeat(64),
      name: 'roster.pdf',
      size: 5,
      type: 'application/pdf',
      addedAt: '2026-11-29T08:30:00.000Z',
    };
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });

    /** Calls pick as a click handler would, and hands back the file input it opened. */
    function pick() {
      const opened: HTMLInputElement[] = [];
      vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (
        this: HTMLInputElement,
      ) {
        opened.push(this);
      });
      const result = window.api.evidence.pick();
      // Clicked before pick returned: no await in between, so the user's activation still holds.
      expect(opened).toHaveLength(1);
      const input = opened[0]!;
      const choose = (files: File[]) => {
        Object.defineProperty(input, 'files', { value: files });
        input.dispatchEvent(new Event('change'));
      };
      return { result, input, choose };
    }

    it('opens a hidden file input for several files, in the page', () => {
      vi.stubGlobal('fetch', vi.fn());
      const { input } = pick();
      expect(input.type).toBe('file');
      expect(input.multiple).toBe(true);
      expect(input.hidden).toBe(true);
      expect(input.isConnected).toBe(true);
      input.dispatchEvent(new Event('cancel'));
    });

    it('uploads each file in turn, refusing one over the limit without sending it', async () => {
      const failures: Record<string, unknown> = {
        // A standard message, in the user's language: the problem gets both.
        notes: { code: 'storage-failed', message: ERROR_MESSAGES['storage-failed']['en-US'] },
        // An error's own detail is known in one language only: kept as it came.
        plan: { code: 'evidence-unreadable', message: 'Only the first page was readable.' },
      };
      const fetchMock = vi.fn(async (url: string) => {
        const name = new URL(url, 'http://x/').searchParams.get('name')!;
        if (name.startsWith('roster')) return json(200, { ok: true, value: REF });
        return json(200, { ok: false, error: failures[name.includes('plan') ? 'plan' : 'notes'] });
      });
      vi.stubGlobal('fetch', fetchMock);
      const { result, input, choose } = pick();

      const roster = new File(['%PDF-'], 'roster.pdf', { type: 'application/pdf' });
      const video = new File(['x'], 'video 1.mp4', { type: 'video/mp4' });
      Object.defineProperty(video, 'size', { value: MAX_EVIDENCE_BYTES + 1 });
      const notes = new File(['n'], '记录 & 备注.txt', { type: 'text/plain' });
      const plan = new File(['p'], 'plan.docx');
      choose([roster, video, notes, plan]);

      await expect(result).resolves.toEqual({
        ok: true,
        value: {
          files: [REF],
          problems: [
            { name: 'video 1.mp4', message: ERROR_MESSAGES['evidence-too-large'] },
            { name: '记录 & 备注.txt', message: ERROR_MESSAGES['storage-failed'] },
            {
              name: 'plan.docx',
              message: {
                'zh-CN': 'Only the first page was readable.',
                'en-US': 'Only the first page was readable.',
              },
            },
          ],
        },
      });
      expect(fetchMock).toHaveBeenCalledTimes(3);
      const [[firstUrl, first], [secondUrl]] = fetchMock.mock.calls as unknown as [
        [string, RequestInit],
        [string],
        [string],
      ];
      expect(firstUrl).toBe('./__upload?name=roster.pdf&type=application%2Fpdf');
      expect(first).toEqual({
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: roster,
      });
      expect(new URL(secondUrl, 'http://x/').searchParams.get('name')).toBe('记录 & 备注.txt');
      expect(input.isConnected).toBe(false);
    });

    it('answers a cancelled chooser with nothing, sending nothing', async () => {
      const fetchMock = vi.fn();
      vi.stubGlobal('fetch', fetchMock);
      const { result, input } = pick();
      input.dispatchEvent(new Event('cancel'));
      await expect(result).resolves.toEqual({ ok: true, value: { files: [], problems: [] } });
      expect(fetchMock).not.toHaveBeenCalled();
      expect(input.isConnected).toBe(false);
    });

    it('reports a lost harness or a refused upload per file, never throwing', async () => {
      vi.stubGlobal(
        'fetch',
        vi
          .fn()
          .mockRejectedValueOnce(new TypeError('Failed to fetch'))
          .mockResolvedValueOnce(new Response('<p>refused</p>', { status: 401 })),
      );
      const { result, choose } = pick();
      choose([new File(['a'], 'a.txt'), new File(['b'], 'b.txt')]);
      const answer = await result;
      expect(answer.ok && answer.value.files).toEqual([]);
      const problems = answer.ok ? answer.value.problems : [];
      expect(problems.map((p) => p.name)).toEqual(['a.txt', 'b.txt']);
      expect(problems[0]!.message['zh-CN']).toMatch(/npm run browser/);
      expect(problems[1]!.message).toEqual(ERROR_MESSAGES.internal);
    });
  });
});
