import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHarness } from '../../../electron/harness/server';
import type { RunningHarness } from '../../../electron/harness/server';
import { UPLOAD_PATH } from '../../../electron/harness/upload';
import { openEvidenceStore } from '../../../electron/services/evidence/evidence-store';
import { silentLogger } from '../../../electron/services/logger';
import { ERROR_MESSAGES } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locale';
import { evidenceRefSchema } from '../../../shared/inspection/schema';
import { useTempDir } from '../temp-dir';

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz';
const CSP = "default-src 'none'; script-src 'self'";
const LIMIT = 1024;
const OCTETS = { 'content-type': 'application/octet-stream' };

interface RawAnswer {
  readonly status: number;
  readonly body: unknown;
}

describe('the harness upload route', () => {
  const tempDir = useTempDir();
  let harness: RunningHarness | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  async function start(options: { locale?: Locale; upload?: boolean } = {}) {
    const root = tempDir();
    fs.writeFileSync(
      path.join(root, 'index.html'),
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CSP}" /><script type="module" src="./assets/app.js"></script></head><body></body></html>`,
    );
    const dataDir = tempDir();
    const evidence = openEvidenceStore({ dataDir, log: silentLogger, maxBytes: LIMIT });
    const dispatch = vi.fn();
    harness = await startHarness({
      rendererDir: root,
      dispatch,
      token: TOKEN,
      port: 0,
      log: silentLogger,
      upload:
        options.upload === false
          ? undefined
          : { evidence, locale: () => options.locale ?? 'en-US' },
    });
    const origin = `http://127.0.0.1:${harness.port}`;
    const url = (query = 'name=%E5%80%BC%E7%8F%AD%E8%A1%A8.pdf&type=application%2Fpdf') =>
      `${origin}/${TOKEN}${UPLOAD_PATH}?${query}`;
    /** Everything under the evidence folder: stored files and any temp file left behind. */
    const stored = () => {
      const dir = path.join(dataDir, 'evidence');
      if (!fs.existsSync(dir)) return [];
      return fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name);
    };
    return { origin, url, stored, dispatch, evidence };
  }

  /** A request by hand, to control how the body is sent; resolves on the answer or the cut. */
  function send(
    url: string,
    headers: Record<string, string | number>,
    write: (req: http.ClientRequest) => Promise<void>,
  ): Promise<RawAnswer | 'cut'> {
    return new Promise((resolve) => {
      const req = http.request(url, { method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
          }),
        );
        res.on('error', () => resolve('cut'));
      });
      req.on('error', () => resolve('cut'));
      // A reset after the request is destroyed lands on the socket: it is the cut, not a failure.
      req.on('socket', (socket) => socket.on('error', () => resolve('cut')));
      write(req).catch(() => resolve('cut'));
    });
  }

  const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('stores the bytes and answers with the reference, like an API call', async () => {
    const { origin, url, stored } = await start();
    const bytes = Buffer.from('%PDF-1.7 duty roster');
    const response = await fetch(url(), {
      method: 'POST',
      headers: { ...OCTETS, origin, 'sec-fetch-site': 'same-origin' },
      body: bytes,
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { ok: boolean; value: unknown };
    expect(answer.ok).toBe(true);
    const ref = evidenceRefSchema.parse(answer.value);
    expect(ref).toMatchObject({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      name: '值班表.pdf',
      size: bytes.length,
      type: 'application/pdf',
    });
    expect(stored()).toEqual([ref.sha256]);
  });

  it('keeps only the base name of a hostile one', async () => {
    const { url } = await start();
    const response = await fetch(url(`name=${encodeURIComponent('..\\..\\a/b\u202Ec.txt')}`), {
      method: 'POST',
      headers: OCTETS,
      body: 'x',
    });
    expect(await response.json()).toMatchObject({ ok: true, value: { name: 'b_c.txt' } });
  });

  it.each<[string, (origin: string) => [string, RequestInit], number]>([
    [
      'without the token',
      (origin) => [
        `${origin}${UPLOAD_PATH}?name=a`,
        { method: 'POST', headers: OCTETS, body: 'x' },
      ],
      401,
    ],
    [
      'with a wrong token',
      (origin) => [
        `${origin}/nope${UPLOAD_PATH}?name=a`,
        { method: 'POST', headers: OCTETS, body: 'x' },
      ],
      401,
    ],
    [
      'from a foreign origin',
      (origin) => [
        `${origin}/${TOKEN}${UPLOAD_PATH}?name=a`,
        { method: 'POST', headers: { ...OCTETS, origin: 'http://evil.example' }, body: 'x' },
      ],
      403,
    ],
    [
      'from a cross-site fetch',
      (origin) => [
        `${origin}/${TOKEN}${UPLOAD_PATH}?name=a`,
        { method: 'POST', headers: { ...OCTETS, 'sec-fetch-site': 'cross-site' }, body: 'x' },
      ],
      403,
    ],
    [
      'posted as a form (no preflight)',
      (origin) => [
        `${origin}/${TOKEN}${UPLOAD_PATH}?name=a`,
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' },
      ],
      415,
    ],
    [
      'posted as multipart',
      (origin) => [
        `${origin}/${TOKEN}${UPLOAD_PATH}?name=a`,
        {
          method: 'POST',
          headers: { 'content-type': 'multipart/form-data; boundary=x' },
          body: 'x',
        },
      ],
      415,
    ],
    ['by GET', (origin) => [`${origin}/${TOKEN}${UPLOAD_PATH}?name=a`, {}], 415],
    [
      'without a name',
      (origin) => [
        `${origin}/${TOKEN}${UPLOAD_PATH}?type=text%2Fplain`,
        { method: 'POST', headers: OCTETS, body: 'x' },
      ],
      400,
    ],
  ])('refuses an upload %s, storing nothing', async (_label, make, status) => {
    const { origin, stored, dispatch } = await start();
    const [url, init] = make(origin);
    const response = await fetch(url, { redirect: 'manual', ...init });
    expect(response.status).toBe(status);
    await response.arrayBuffer();
    expect(stored()).toEqual([]);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('is absent when the harness has no evidence store', async () => {
    const { url } = await start({ upload: false });
    const response = await fetch(url(), { method: 'POST', headers: OCTETS, body: 'x' });
    expect(response.status).toBe(405);
  });

  it('refuses a declared length over the limit before reading, in the user language', async () => {
    const { url, stored, evidence } = await start({ locale: 'zh-CN' });
    const addStream = vi.spyOn(evidence, 'addStream');
    const answer = await send(url(), { ...OCTETS, 'content-length': LIMIT + 500 }, async (req) => {
      req.end(Buffer.alloc(LIMIT + 500));
    });
    expect(addStream).not.toHaveBeenCalled();
    expect(answer).toEqual({
      status: 413,
      body: {
        ok: false,
        error: {
          code: 'evidence-too-large',
          message: ERROR_MESSAGES['evidence-too-large']['zh-CN'],
        },
      },
    });
    expect(stored()).toEqual([]);
  });

  it('stops a chunked body at the limit, answers, and leaves nothing behind', async () => {
    const { url, stored } = await start();
    const answer = await send(url(), OCTETS, async (req) => {
      for (let i = 0; i < 4; i++) {
        req.write(Buffer.alloc(512, i));
        await pause();
      }
      req.end();
    });
    expect(answer).toEqual({
      status: 413,
      body: {
        ok: false,
        error: {
          code: 'evidence-too-large',
          message: ERROR_MESSAGES['evidence-too-large']['en-US'],
        },
      },
    });
    expect(stored()).toEqual([]);
  });

  it('cuts off a body that never ends', async () => {
    const { url, stored } = await start();
    let sent = 0;
    let over = false;
    const answer = await send(url(), OCTETS, async (req) => {
      req.on('response', () => (over = true));
      req.on('close', () => (over = true));
      const chunk = Buffer.alloc(16 * 1024);
      while (!over && sent < 64 * 1024 * 1024) {
        sent += chunk.length;
        if (!req.write(chunk)) await new Promise((resolve) => req.once('drain', resolve));
      }
      req.destroy();
    });
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    if (answer !== 'cut') expect(answer.status).toBe(413);
    expect(stored()).toEqual([]);
  });

  it('leaves no temp file when the client goes away midway', async () => {
    const { url, stored } = await start();
    const answer = await send(url(), { ...OCTETS, 'content-length': LIMIT }, async (req) => {
      req.write(Buffer.alloc(LIMIT / 2));
      await vi.waitFor(() => expect(stored()).toHaveLength(1)); // the temp file
      req.destroy();
    });
    expect(answer).toBe('cut');
    await vi.waitFor(() => expect(stored()).toEqual([]));
  });

  it('answers files one after another on the same connection', async () => {
    const { url, stored } = await start();
    for (const text of ['one', 'two', 'one']) {
      const response = await fetch(url(`name=${text}.txt`), {
        method: 'POST',
        headers: OCTETS,
        body: text,
      });
      expect(await response.json()).toMatchObject({ ok: true, value: { type: 'text/plain' } });
    }
    expect(stored()).toHaveLength(2);
  });
});
