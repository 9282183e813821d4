import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

  async function start(locale: 'zh-CN' | 'en-US' = 'zh-CN') {
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
      locale: () => locale,
    });
    const origin = `http://127.0.0.1:${harness.port}`;
    const base = `${origin}/${TOKEN}`;
    fs.writeFileSync(path.join(root, '..', 'outside.js'), 'secret');
    return { origin, base, dispatch };
  }

  it('passes an inspection file at the 20 MB import limit, as base64, to the door', async () => {
    const { base, dispatch } = await start();
    // 20 MB of file is about 27 MB of base64: past the old 8 MB limit, within the new one.
    const dataBase64 = Buffer.alloc(20 * 1024 * 1024, 0x20).toString('base64');
    const response = await fetch(`${base}${API_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'inspections:import',
        input: { fileName: 'a.json', dataBase64 },
      }),
    });
    expect(response.status).toBe(200);
    expect(dispatch).toHaveBeenCalledWith('inspections:import', { fileName: 'a.json', dataBase64 });
  });

  it.each([
    ['zh-CN', /[\u4e00-\u9fff]/],
    ['en-US', /^[\x20-\x7e]+$/],
  ] as const)(
    'answers a malformed call in the user language (%s), as the door would',
    async (locale, text) => {
      const { base } = await start(locale);
      const response = await fetch(`${base}${API_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"channel":',
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as {
        ok: boolean;
        error: { code: string; message: string };
      };
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe('invalid-input');
      expect(body.error.message).toMatch(text);
    },
  );

  it('prints an address on 127.0.0.1 with the token as the first path segment', async () => {
    await start();
    expect(harness!.url).toBe(`http://127.0.0.1:${harness!.port}/${TOKEN}/`);
  });

  it('adds the trailing slash that relative assets need', async () => {
    const { base } = await start();
    const response = await fetch(base, { redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe(`/${TOKEN}/`);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('serves the app with the bridge injected and its CSP as a header', async () => {
    const { base } = await start();
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    expect(html.indexOf('harness-bridge.js')).toBeGreaterThan(0);
    expect(html.indexOf('harness-bridge.js')).toBeLessThan(html.indexOf('assets/app.js'));
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(200);
  });

  it('never serves the page without its CSP, however the path is spelt', async () => {
    const { base } = await start();
    for (const spelling of ['/index.html', '/%69ndex.html', '/%2Findex.html']) {
      const response = await fetch(`${base}${spelling}`);
      if (response.status === 200) {
        expect(response.headers.get('content-security-policy'), spelling).toBe(CSP);
      }
    }
  });

  it('hands an API call to the dispatcher as it came', async () => {
    const { origin, base, dispatch } = await start();
    const response = await fetch(`${base}${API_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ channel: 'settings:set', input: { language: 'en-US' } }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      value: { channel: 'settings:set', input: { language: 'en-US' } },
    });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  const json = { 'content-type': 'application/json' };
  it.each<[string, (origin: string, base: string) => [string, RequestInit], number]>([
    ['the page without the token', (origin) => [`${origin}/`, {}], 401],
    ['an asset without the token', (origin) => [`${origin}/assets/app.js`, {}], 401],
    ['the token in the query', (origin) => [`${origin}/?token=${TOKEN}`, {}], 401],
    [
      'an API call without the token',
      (origin) => [
        `${origin}${API_PATH}`,
        { method: 'POST', headers: json, body: '{"channel":"app:info"}' },
      ],
      401,
    ],
    ['a wrong token', (origin) => [`${origin}/nope/`, {}], 401],
    [
      'an API call from a foreign origin',
      (_o, base) => [
        `${base}${API_PATH}`,
        {
          method: 'POST',
          headers: { ...json, origin: 'http://evil.example' },
          body: '{"channel":"app:info"}',
        },
      ],
      403,
    ],
    [
      'an API call posted as a form (no preflight)',
      (_o, base) => [
        `${base}${API_PATH}`,
        {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: '{"channel":"app:info"}',
        },
      ],
      415,
    ],
    ['an API call by GET', (_o, base) => [`${base}${API_PATH}`, {}], 415],
    [
      'an API call that is not JSON',
      (_o, base) => [`${base}${API_PATH}`, { method: 'POST', headers: json, body: '{"channel":' }],
      400,
    ],
    [
      'an API call without a channel',
      (_o, base) => [`${base}${API_PATH}`, { method: 'POST', headers: json, body: '[1,2]' }],
      400,
    ],
    [
      'an API call larger than the limit',
      (_o, base) => [
        `${base}${API_PATH}`,
        {
          method: 'POST',
          headers: json,
          body: `{"channel":"app:info","input":"${'x'.repeat(MAX_API_BODY_BYTES)}"}`,
        },
      ],
      413,
    ],
    ['a file outside the build, ../ encoded', (_o, base) => [`${base}/..%2foutside.js`, {}], 404],
    [
      'a file outside the build, twice encoded',
      (_o, base) => [`${base}/..%252foutside.js`, {}],
      404,
    ],
    ['a path that does not decode', (_o, base) => [`${base}/%E0%A4%A`, {}], 400],
    ['a PUT', (_o, base) => [`${base}/`, { method: 'PUT' }], 405],
  ])('refuses %s', async (_label, make, status) => {
    const { origin, base, dispatch } = await start();
    const [url, init] = make(origin, base);
    const response = await fetch(url, { redirect: 'manual', ...init });
    expect(response.status).toBe(status);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a foreign Host header, as a DNS-rebinding page would send', async () => {
    await start();
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: harness!.port,
          path: `/${TOKEN}/`,
          headers: { host: 'evil.example' },
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
