import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { HarnessProcess } from './harness-process';
import { startHarnessProcess } from './harness-process';

/** An installation past its first run: the school profile is filled in. */
export const PROFILE = {
  name: '北京市海淀区示范中学',
  code: '1101080001',
  district: '海淀区',
  stage: 'complete',
  address: '北京市海淀区学院路 1 号',
  contactName: '张老师',
  contactPhone: '010-6200 0000',
};
/**
 * The built-in version most specs walk: their counts, sections and prompts are those of 2026.1
 * (9 sections, 62 items), so their installation has it as the default template. Specs of the
 * app's own default, the latest built-in (2026.2), use SETTINGS_ON_LATEST.
 */
export const ON_2026_1 = { defaultTemplate: { id: 'school_security', version: '2026.1' } };
export const SETTINGS_WITH_PROFILE = JSON.stringify({
  schemaVersion: 2,
  language: 'zh-CN',
  profile: PROFILE,
  inspector: '李明',
  ...ON_2026_1,
  index: {},
});
/** The same installation with no default chosen: new inspections use the latest built-in. */
export const SETTINGS_ON_LATEST = JSON.stringify({
  schemaVersion: 2,
  language: 'zh-CN',
  profile: PROFILE,
  inspector: '李明',
  index: {},
});
/** Before the first run (no school profile yet), with 2026.1 as the default template. */
export const FIRST_RUN_ON_2026_1 = JSON.stringify({
  schemaVersion: 2,
  language: 'zh-CN',
  ...ON_2026_1,
  index: {},
});

interface Fixtures {
  /** Files (path in the data folder → content) written before the harness starts. */
  seed: Readonly<Record<string, string>>;
  /** A fresh data folder for this test alone. */
  dataDir: string;
  /** A harness on a free port over that folder; the page has opened it before the test starts. */
  harness: HarnessProcess;
  /** Every URL the page requested; checked after each test to stay on 127.0.0.1. */
  requests: string[];
  /** Errors the page logged or threw (CSP violations among them); there must be none. */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  seed: [{ 'settings.json': SETTINGS_WITH_PROFILE }, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qinglang-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  requests: [
    async ({ page }, use) => {
      const seen: string[] = [];
      page.on('request', (request) => seen.push(request.url()));
      await use(seen);
      // blob: URLs are the page's own memory (previews, downloads), never the network.
      for (const url of seen.filter((u) => !u.startsWith('blob:'))) {
        expect(new URL(url).hostname, `request left the machine: ${url}`).toBe('127.0.0.1');
      }
    },
    { auto: true },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await use(errors);
      expect(errors, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  harness: [
    async ({ dataDir, seed, page }, use) => {
      for (const [file, content] of Object.entries(seed)) {
        await mkdir(path.dirname(path.join(dataDir, file)), { recursive: true });
        await writeFile(path.join(dataDir, file), content);
      }
      const harness = await startHarnessProcess(dataDir);
      await page.goto(harness.url);
      await use(harness);
      // The window closes before the app stops, as a user closes it: what the page still had to
      // save (a debounced autosave, the pagehide flush) reaches a running server, instead of
      // turning into a refused connection reported as a page error.
      if (!page.isClosed()) await page.close({ runBeforeUnload: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await harness.stop(), 'harness exit code after SIGTERM').toBe(0);
    },
    { auto: true },
  ],
});

export { expect };

/** Saves a screenshot where people look at them: test-results/screens/NAME.png. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join('test-results', 'screens', `${name}.png`), fullPage });
}
