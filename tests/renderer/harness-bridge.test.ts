import { afterEach, describe, expect, it, vi } from 'vitest';

describe('the harness bridge', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('defines a read-only window.api that posts each call as JSON to the harness', async () => {
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify({ ok: true, value: { language: 'en-US' } })),
    );
    vi.stubGlobal('fetch', fetchMock);
    await import('../../renderer/harness-bridge');

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
});
