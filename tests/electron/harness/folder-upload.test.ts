import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FOLDER_UPLOAD_PATH } from '../../../electron/harness/folder-upload';
import { startHarness } from '../../../electron/harness/server';
import type { RunningHarness } from '../../../electron/harness/server';
import { silentLogger } from '../../../electron/services/logger';
import { openFolderUploads } from '../../../electron/services/scan/folder-uploads';
import { useTempDir } from '../temp-dir';

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz';
const CSP = "default-src 'none'; script-src 'self'";
const OCTETS = { 'content-type': 'application/octet-stream' };

interface Answer {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: { readonly code: string; readonly message: string };
}

describe('the harness folder upload route (scan:pickFolder in the browser)', () => {
  const tempDir = useTempDir();
  let harness: RunningHarness | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  async function start() {
    const root = tempDir();
    fs.writeFileSync(
      path.join(root, 'index.html'),
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CSP}" /><script type="module" src="./assets/app.js"></script></head><body></body></html>`,
    );
    const dataDir = tempDir();
    const register = vi.fn((token: string, _dir: string, name: string) => ({ token, name }));
    const uploads = openFolderUploads({
      dataDir,
      log: silentLogger,
      register,
      inUse: () => false,
      limits: { bytes: 100, files: 3 },
    });
    harness = await startHarness({
      rendererDir: root,
      dispatch: vi.fn(),
      token: TOKEN,
      port: 0,
      log: silentLogger,
      folderUpload: { uploads, locale: () => 'zh-CN' },
    });
    const base = `http://127.0.0.1:${harness.port}/${TOKEN}${FOLDER_UPLOAD_PATH}`;
    const step = async (query: Record<string, string>, body = '') => {
      const response = await fetch(`${base}?${new URLSearchParams(query).toString()}`, {
        method: 'POST',
        headers: OCTETS,
        body,
      });
      return { status: response.status, answer: (await response.json()) as Answer };
    };
    const begin = async () => {
      const { answer } = await step({ step: 'begin' });
      return (answer.value as { token: string }).token;
    };
    return { dataDir, register, step, begin, base };
  }

  /** Every file under a folder, relative to it. */
  const filesUnder = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
          .sort()
      : [];

  it('copies the folder with its paths into .scan-uploads/<token>/ and registers it', async () => {
    const { dataDir, register, step, begin } = await start();
    const token = await begin();
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      (await step({ step: 'file', token, path: '学校网站/index.html' }, '<p>首页</p>')).answer,
    ).toEqual({
      ok: true,
      value: null,
    });
    await step({ step: 'file', token, path: '学校网站/news/2026/名单.html' }, '<table></table>');
    const end = await step({ step: 'end', token });
    expect(end.answer).toEqual({ ok: true, value: { token, name: '学校网站' } });
    const copy = path.join(dataDir, '.scan-uploads', token);
    expect(register).toHaveBeenCalledWith(token, path.join(copy, '学校网站'), '学校网站');
    expect(filesUnder(copy)).toEqual(['学校网站/index.html', '学校网站/news/2026/名单.html']);
    expect(fs.readFileSync(path.join(copy, '学校网站', 'index.html'), 'utf8')).toBe('<p>首页</p>');
  });

  it.each([
    '../evil.html',
    'site/../../evil.html',
    '/etc/passwd',
    'site\\..\\..\\evil.html',
    'C:/Windows/evil.html',
    'site/a\u0000b.html',
    'site//a.html',
    'site/./a.html',
    'lonely.html',
    '',
  ])('refuses the path %j, writes nothing anywhere, and ends the upload', async (bad) => {
    const { dataDir, step, begin } = await start();
    const token = await begin();
    const { status, answer } = await step({ step: 'file', token, path: bad }, 'x');
    expect(status).toBe(400);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(answer.error!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(filesUnder(dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(path.dirname(dataDir), 'evil.html'))).toBe(false);
    // A refused file ends the upload: nothing more is taken under that token.
    expect((await step({ step: 'file', token, path: 'site/a.html' }, 'x')).answer).toMatchObject({
      ok: false,
      error: { code: 'scan-folder-unavailable' },
    });
  });

  it('refuses a second folder, the same path twice, and an empty folder', async () => {
    const { step, begin } = await start();
    let token = await begin();
    await step({ step: 'file', token, path: 'site/a.html' }, 'x');
    expect((await step({ step: 'file', token, path: 'other/b.html' }, 'x')).answer.ok).toBe(false);
    token = await begin();
    await step({ step: 'file', token, path: 'site/a.html' }, 'x');
    expect((await step({ step: 'file', token, path: 'site/a.html' }, 'y')).answer.ok).toBe(false);
    token = await begin();
    expect((await step({ step: 'end', token })).answer).toMatchObject({
      ok: false,
      error: { message: '所选文件夹是空的。' },
    });
  });

  it('caps the copy in files and in bytes, with a clear message, and removes it', async () => {
    const { dataDir, step, begin } = await start();
    let token = await begin();
    for (const name of ['a', 'b', 'c'])
      await step({ step: 'file', token, path: `site/${name}` }, 'x');
    const fourth = await step({ step: 'file', token, path: 'site/d' }, 'x');
    expect(fourth.answer).toMatchObject({ ok: false, error: { code: 'evidence-too-large' } });
    expect(fourth.answer.error!.message).toContain('20000 个文件');
    expect(fs.existsSync(path.join(dataDir, '.scan-uploads', token))).toBe(false);

    token = await begin();
    await step({ step: 'file', token, path: 'site/a' }, 'x'.repeat(60));
    const over = await step({ step: 'file', token, path: 'site/b' }, 'x'.repeat(60));
    expect(over.answer).toMatchObject({ ok: false, error: { code: 'evidence-too-large' } });
    expect(filesUnder(dataDir)).toEqual([]);
  });

  it('answers only with the session token, and only POSTed octets', async () => {
    const { base } = await start();
    const outside = base.replace(`/${TOKEN}`, '');
    expect((await fetch(`${outside}?step=begin`, { method: 'POST', headers: OCTETS })).status).toBe(
      401,
    );
    const json = await fetch(`${base}?step=begin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
  });
});
