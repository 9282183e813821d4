import http from 'node:http';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Language } from './app-ui';
import { LANGUAGES, settingsIn } from './app-ui';
import { expect, test } from './fixtures';

/**
 * The renderer refuses a file over 50 MB before sending it; the harness's upload route must not
 * rely on that. These send what a page script or a local program could, past the renderer's
 * check, and look at the answer and at the data folder.
 */
const CAP = 50 * 1024 * 1024;
const TOO_LARGE = {
  'zh-CN': '文件超过 50 MB，未附加。请压缩或拆分后再附加。',
  'en-US':
    'The file is over 50 MB and was not attached. Compress or split it, then attach it again.',
} as const;

interface Answer {
  status: number;
  body: { ok: boolean; error?: { code: string; message: string }; value?: { sha256: string } };
}

/** Every file under the data folder's evidence/, temp files included. */
async function evidenceFiles(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, 'evidence');
  try {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** POSTs `bytes` zero bytes from the page itself, as its bridge does, with a true Content-Length. */
function postFromPage(page: Page, bytes: number, name: string): Promise<Answer> {
  return page.evaluate(
    async ({ bytes, name }) => {
      const query = new URLSearchParams({ name, type: 'application/octet-stream' });
      const response = await fetch(`./__upload?${query.toString()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array(bytes),
      });
      return { status: response.status, body: (await response.json()) as Answer['body'] };
    },
    { bytes, name },
  );
}

/**
 * POSTs `bytes` zero bytes from a local program, chunked: no Content-Length to check up front, so
 * only the count while streaming can stop it. The token is in the path, as in the page's address.
 */
function postChunked(url: string, bytes: number): Promise<Answer> {
  const target = new URL(`__upload?name=stream.bin&type=application/octet-stream`, url);
  return new Promise((resolve, reject) => {
    const request = http.request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
    });
    request.on('error', reject);
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Answer['body'] }),
      );
    });
    const chunk = Buffer.alloc(1024 * 1024);
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += part.length;
        if (!request.write(part)) {
          request.once('drain', write);
          return;
        }
      }
      request.end();
    };
    write();
  });
}

function expectRefused(answer: Answer, language: Language): void {
  expect(answer.status).toBe(413);
  expect(answer.body.ok).toBe(false);
  expect(answer.body.error?.code).toBe('evidence-too-large');
  expect(answer.body.error?.message).toBe(TOO_LARGE[language]);
}

for (const language of LANGUAGES) {
  test.describe(`in ${language}`, () => {
    test.use({ seed: { 'settings.json': settingsIn(language) } });

    test('one byte over 50 MB, sent past the renderer, is refused with 413 and stores nothing', async ({
      page,
      dataDir,
      pageErrors,
    }) => {
      test.setTimeout(60_000);
      // The route itself works: a small file from the page is stored, once.
      const small = await postFromPage(page, 1024, 'small.bin');
      expect(small.status).toBe(200);
      expect(small.body.ok).toBe(true);
      const stored = await evidenceFiles(dataDir);
      expect(stored).toEqual([
        path.join(small.body.value!.sha256.slice(0, 2), small.body.value!.sha256),
      ]);

      const over = await postFromPage(page, CAP + 1, 'over.bin');
      expectRefused(over, language);
      expect(await evidenceFiles(dataDir)).toEqual(stored);
      // Chromium logs every 4xx answer as a console error: this one is the point of the test.
      await expect
        .poll(() => pageErrors)
        .toEqual([
          'Failed to load resource: the server responded with a status of 413 (Payload Too Large)',
        ]);
      pageErrors.length = 0;
    });

    test('a chunked upload with no declared length is cut off at 50 MB and stores nothing', async ({
      harness,
      dataDir,
    }) => {
      test.setTimeout(60_000);
      const answer = await postChunked(harness.url, CAP + 1);
      expectRefused(answer, language);
      expect(await evidenceFiles(dataDir)).toEqual([]);
    });
  });
}

test('a chunked upload of exactly 50 MB is taken: the cap is not a byte early', async ({
  harness,
  dataDir,
}) => {
  test.setTimeout(60_000);
  const answer = await postChunked(harness.url, CAP);
  expect(answer.status).toBe(200);
  expect(answer.body.ok).toBe(true);
  expect(await evidenceFiles(dataDir)).toHaveLength(1);
});
