import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { AppError } from '../../../shared/errors';
import { REPORT_MARGINS } from '../../../shared/report/report-pages';
import type { PdfPrinter } from './pdf-printer';
import { PRINT_TIMEOUT_MS, withTimeout } from './pdf-printer';

/** Where Chromium, Chrome or Edge usually is, in the order they are tried. */
export function browserCandidates(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
): readonly string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (r): r is string => r !== undefined && r !== '',
    );
    return roots.flatMap((root) => [
      path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ];
}

const NOT_FOUND = {
  'zh-CN':
    '没有找到 Chromium 或 Chrome，无法生成 PDF。请安装 Chromium，或用 CHROMIUM_PATH 指定其位置。',
  'en-US':
    'No Chromium or Chrome was found, so no PDF can be made. Install Chromium, or give its location in CHROMIUM_PATH.',
};

const notAt = (file: string) => ({
  'zh-CN': `CHROMIUM_PATH 指定的 ${file} 不存在，无法生成 PDF。请改正 CHROMIUM_PATH，或安装 Chromium。`,
  'en-US': `CHROMIUM_PATH names ${file}, which does not exist, so no PDF can be made. Correct CHROMIUM_PATH, or install Chromium.`,
});

/** The browser to print with: CHROMIUM_PATH when set (it must exist), else the first one found. */
export function findBrowser(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  exists: (file: string) => boolean = fs.existsSync,
): string {
  const chosen = env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen !== '') {
    if (!exists(chosen)) throw new AppError('pdf-unavailable', notAt(chosen));
    return chosen;
  }
  const found = browserCandidates(platform, env).find((file) => exists(file));
  if (found === undefined) throw new AppError('pdf-unavailable', NOT_FOUND);
  return found;
}

interface ChromiumPrinterOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

/**
 * Prints in the system's headless Chromium (never a downloaded one) through playwright-core, for
 * the browser harness and the CLI. The page may fetch nothing: every request is aborted (the
 * document's own data: images are not requests), and it runs no script. The browser is closed
 * whatever happens, and given up after a timeout. A failure other than these is thrown as it
 * is, for the caller to log.
 */
export function createChromiumPrinter(options: ChromiumPrinterOptions): PdfPrinter {
  const timeoutMs = options.timeoutMs ?? PRINT_TIMEOUT_MS;
  return {
    async print(html, { footerTemplate, headerTemplate }) {
      const executablePath = findBrowser(options.env);
      let browser: Browser | undefined;
      const work = (async () => {
        // Loaded when a PDF is printed, not when the CLI starts: playwright-core costs every
        // command (aggregate, verify) a second of start-up otherwise.
        const { chromium } = await import('playwright-core');
        browser = await chromium.launch({
          executablePath,
          headless: true,
          timeout: timeoutMs,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-extensions',
          ],
        });
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        const page = await context.newPage();
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
        return page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: headerTemplate ?? '<span></span>',
          footerTemplate,
          margin: REPORT_MARGINS,
          // Headings, tables and reading order for screen readers.
          tagged: true,
        });
      })();
      try {
        return await withTimeout(work, timeoutMs);
      } finally {
        // The work may still be under way after a timeout: close what it opened, now or later.
        const closing = async () => {
          try {
            await (browser as Browser | undefined)?.close();
          } catch {
            // Already gone.
          }
        };
        await closing();
        void work.finally(closing).catch(() => undefined);
      }
    },
  };
}
