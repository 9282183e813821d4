import { describe, expect, it } from 'vitest';
import { devServerUrl } from '../../../electron/desktop/dev-server';

describe('devServerUrl', () => {
  it.each([
    'http://localhost:5173/',
    'http://127.0.0.1:5173/',
    'http://[::1]:5173/',
    'https://localhost:5173/',
  ])('lets an unpackaged app load the dev server at %s', (url) => {
    expect(devServerUrl(url, false)).toBe(url);
  });

  it('never lets a packaged app load a dev server', () => {
    expect(devServerUrl('http://localhost:5173/', true)).toBeUndefined();
  });

  it.each([
    ['a remote host', 'http://example.com/'],
    ['a host that only starts like localhost', 'http://localhost.evil.example:5173/'],
    ['another address on the network', 'http://192.168.1.10:5173/'],
    ['an address with credentials', 'http://user:pass@localhost:5173/'],
    ['a local file', 'file:///tmp/index.html'],
    ['script', 'javascript:alert(1)'],
    ['something that is not an address', 'localhost:5173'],
    ['an empty variable', ''],
    ['no variable', undefined],
  ])('refuses %s, so the app loads its own page', (_label, url) => {
    expect(devServerUrl(url, false)).toBeUndefined();
  });
});
