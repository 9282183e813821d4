import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cookieName } from '../../../electron/harness/auth';
import { API_PATH, MAX_API_BODY_BYTES, startHarness } from '../../../electron/harness/server';
import type { RunningHarness } from '../../../electron/harness/server';
import { silentLogger } from '../../../electron/services/logger';
import { useTempDir } from '../temp-dir';

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz';
const CSP = "default-src 'none'; script-src 'self'";

describe('the browser harness server', () => {
  const tempDir = useTempDir();
  let harness: RunningHarness | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  async function start() {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(
      path.join(root, 'index.html'),
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CSP}" /><script type="module" src="./assets/app.js"></script></head><body></body></html>`,
    );
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
    const dispatch = vi.fn(async (channel: string, input: unknown) => ({
      ok: true as const,
      value: { channel, input },
    }));
    harness = await startHarness({
      rendererDir: root,
      dispatch,
      token: TOKEN,
      port: 0,
      log: silentLogger,
    });
    const base = `http://127.0.0.1:${harness.port}`;
    const cookie = `${cookieName(harness.port)}=${TOKEN}`;
    return { base, cookie, dispatch };
  }

  it('prints an address on 127.0.0.1 that carries the token', async () => {
    await start();
    expect(harness!.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${harness!.port}/\\?token=${TOKEN}$`),
    );
  });

  it('trades the token in the address for a same-site, HttpOnly cookie', async () => {
    await start();
    const response = await fetch(harness!.url, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(response.headers.get('set-cookie')).toBe(
      `${cookieName(harness!.port)}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`,
    );
  });

  it('serves the app with the bridge injected and its CSP as a header', async () => {
    const { base, cookie } = await start();
    const response = await fetch(`${base}/`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    expect(html.indexOf('harness-bridge.js')).toBeGreaterThan(0);
    expect(html.indexOf('harness-bridge.js')).toBeLessThan(html.indexOf('assets/app.js'));
    expect((await fetch(`${base}/assets/app.js`, { headers: { cookie } })).status).toBe(200);
  });

  it('hands an API call to the dispatcher as it came', async () => {
    const { base, cookie, dispatch } = await start();
    const response = await fetch(`${base}${API_PATH}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ channel: 'settings:set', input: { language: 'en-US' } }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      value: { channel: 'settings:set', input: { language: 'en-US' } },
    });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it.each<[string, (base: string, cookie: string) => [string, RequestInit], number]>([
    ['the page without a token', (base) => [`${base}/`, {}], 401],
    ['an asset without a token', (base) => [`${base}/assets/app.js`, {}], 401],
    [
      'an API call without a token',
      (base) => [
        `${base}${API_PATH}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"channel":"app:info"}',
        },
      ],
      401,
    ],
    ['a wrong token in the address', (base) => [`${base}/?token=nope`, {}], 401],
    [
      'an API call from a foreign origin',
      (base, cookie) => [
        `${base}${API_PATH}`,
        {
          method: 'POST',
          headers: { cookie, origin: 'http://evil.example', 'content-type': 'application/json' },
          body: '{"channel":"app:info"}',
        },
      ],
      403,
    ],
    [
      'an API call posted as a form (no preflight)',
      (base, cookie) => [
        `${base}${API_PATH}`,
        {
          method: 'POST',
          headers: { cookie, 'content-type': 'text/plain' },
          body: '{"channel":"app:info"}',
        },
      ],
      415,
    ],
    ['an API call by GET', (base, cookie) => [`${base}${API_PATH}`, { headers: { cookie } }], 415],
    [
      'an API call that is not JSON',
      (base, cookie) => [
        `${base}${API_PATH}`,
        {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: '{"channel":',
        },
      ],
      400,
    ],
    [
      'an API call without a channel',
      (base, cookie) => [
        `${base}${API_PATH}`,
        { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '[1,2]' },
      ],
      400,
    ],
    [
      'an API call larger than the limit',
      (base, cookie) => [
        `${base}${API_PATH}`,
        {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: `{"channel":"app:info","input":"${'x'.repeat(MAX_API_BODY_BYTES)}"}`,
        },
      ],
      413,
    ],
    [
      'a path outside the build',
      (base, cookie) => [`${base}/..%2f..%2fetc%2fpasswd`, { headers: { cookie } }],
      404,
    ],
    ['a PUT', (base, cookie) => [`${base}/`, { method: 'PUT', headers: { cookie } }], 405],
  ])('refuses %s', async (_label, make, status) => {
    const { base, cookie, dispatch } = await start();
    const [url, init] = make(base, cookie);
    const response = await fetch(url, { redirect: 'manual', ...init });
    expect(response.status).toBe(status);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a foreign Host header, as a DNS-rebinding page would send', async () => {
    const { cookie } = await start();
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: harness!.port,
          path: '/',
          headers: { host: 'evil.example', cookie },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('listens on the loopback address only', async () => {
    await start();
    expect(harness!.address).toBe('127.0.0.1');
  });
});
