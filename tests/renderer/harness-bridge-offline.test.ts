import { describe, expect, it, vi } from 'vitest';

// A file of its own: window.api cannot be redefined once the bridge has set it.
describe('the harness bridge without a harness', () => {
  it('answers a lost harness with a failure in the page language instead of throwing', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    document.documentElement.lang = 'en-US';
    await import('../../renderer/harness-bridge');
    const result = await window.api.app.info();
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!result.ok && result.error.message).toMatch(/npm run browser/);
  });
});
