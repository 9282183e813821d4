import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  browserCandidates,
  createChromiumPrinter,
  findBrowser,
} from '../../../../electron/services/report/chromium-printer';
import { withTimeout } from '../../../../electron/services/report/pdf-printer';
import { AppError } from '../../../../shared/errors';
import { useTempDir } from '../../temp-dir';

const refusal = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('did not refuse');
};

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH when it names a file, and says so plainly when it does not', () => {
    expect(
      findBrowser({ CHROMIUM_PATH: '/opt/c/chrome' }, 'linux', (f) => f === '/opt/c/chrome'),
    ).toBe('/opt/c/chrome');
    const error = refusal(() =>
      findBrowser({ CHROMIUM_PATH: '/nowhere/chrome' }, 'linux', () => false),
    );
    expect(error.code).toBe('pdf-unavailable');
    expect(error.detail?.['zh-CN']).toContain('CHROMIUM_PATH 指定的 /nowhere/chrome 不存在');
    expect(error.detail?.['en-US']).toContain('CHROMIUM_PATH names /nowhere/chrome');
  });

  it('otherwise takes the first browser found where it is usually installed', () => {
    const linux = browserCandidates('linux', {});
    expect(linux.slice(0, 3)).toEqual([
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
    ]);
    expect(findBrowser({}, 'linux', (f) => f === '/usr/bin/google-chrome')).toBe(
      '/usr/bin/google-chrome',
    );
    const windows = browserCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' });
    expect(windows).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(windows).toContain('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(browserCandidates('darwin', {})[0]).toBe(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    );
  });

  it('with no browser anywhere, tells the user to install Chromium or set CHROMIUM_PATH, in both languages', () => {
    const error = refusal(() => findBrowser({}, 'linux', () => false));
    expect(error.code).toBe('pdf-unavailable');
    expect(error.detail).toEqual({
      'zh-CN':
        '没有找到 Chromium 或 Chrome，无法生成 PDF。请安装 Chromium，或用 CHROMIUM_PATH 指定其位置。',
      'en-US':
        'No Chromium or Chrome was found, so no PDF can be made. Install Chromium, or give its location in CHROMIUM_PATH.',
    });
  });
});

describe('withTimeout', () => {
  it('gives up on work that takes too long, with a message that says so', async () => {
    const never = new Promise<never>(() => undefined);
    const error = await withTimeout(never, 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('pdf-failed');
    expect((error as AppError).detail?.['zh-CN']).toContain('超时');
  });
});

/** The commands of this process's children (ps exits 1 when there are none). */
function childCommands(): string[] {
  try {
    return execFileSync('ps', ['--ppid', String(process.pid), '-o', 'comm='], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.trim() !== '');
  } catch {
    return [];
  }
}

// The system's Chromium, as the harness and the CLI use it (.ci/run installs it, as for the e2e).
describe('the headless Chromium printer, for real', () => {
  const tempDir = useTempDir();
  let server: http.Server | null = null;
  afterEach(() => {
    server?.close();
    server = null;
  });

  it('prints A4 pages with the footer on each, numbered, and lets the page fetch nothing', async () => {
    let requests = 0;
    server = http.createServer((_req, res) => {
      requests++;
      res.end('x');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const rows = Array.from({ length: 120 }, (_, i) => `<p>第 ${i + 1} 行 校园网络安全</p>`).join(
      '',
    );
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
      <link rel="stylesheet" href="http://127.0.0.1:${port}/a.css"></head>
      <body><img src="http://127.0.0.1:${port}/b.png" alt="">${rows}</body></html>`;
    const pdf = await createChromiumPrinter({ env: process.env }).print(html, {
      headerTemplate: '<div style="font-size: 8pt">页眉 HEADER</div>',
      footerTemplate:
        '<div style="font-size: 8pt">散列 abc123 · 第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>',
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(requests).toBe(0);
    // The browser is gone once the PDF is made.
    expect(childCommands().filter((c) => /chrom/i.test(c))).toEqual([]);
    const file = path.join(tempDir(), 'out.pdf');
    fs.writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 84\d\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThan(1);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('第 120 行 校园网络安全');
    expect(text).toContain('页眉 HEADER');
    for (let page = 1; page <= pages; page++)
      expect(text).toContain(`散列 abc123 · 第 ${page} 页 共 ${pages} 页`);
  }, 60_000);

  it('refuses with the bilingual message when CHROMIUM_PATH names nothing', async () => {
    const printer = createChromiumPrinter({ env: { CHROMIUM_PATH: path.join(tempDir(), 'none') } });
    const error = await printer
      .print('<p>x</p>', { footerTemplate: '<span></span>' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('pdf-unavailable');
  });
});
