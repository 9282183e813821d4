import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { HarnessProcess } from './harness-process';
import { startHarnessProcess } from './harness-process';

interface Fixtures {
  /** A fresh data folder for this test alone. */
  dataDir: string;
  /** A harness on a free port over that folder; the page has opened it. */
  harness: HarnessProcess;
  /** Every URL the page requested; checked after each test to stay on 127.0.0.1. */
  requests: string[];
  /** Errors the page logged or threw (CSP violations among them); there must be none. */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qinglang-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  requests: async ({ page }, use) => {
    const seen: string[] = [];
    page.on('request', (request) => seen.push(request.url()));
    await use(seen);
    for (const url of seen) {
      expect(new URL(url).hostname, `request left the machine: ${url}`).toBe('127.0.0.1');
    }
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await use(errors);
    expect(errors, 'errors in the page').toEqual([]);
  },
  harness: async ({ dataDir, page, requests, pageErrors }, use) => {
    void requests;
    void pageErrors;
    const harness = await startHarnessProcess(dataDir);
    await page.goto(harness.url);
    await use(harness);
    expect(await harness.stop(), 'harness exit code after SIGTERM').toBe(0);
  },
});

export { expect };

/** Saves a screenshot where people look at them: test-results/screens/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join('test-results', 'screens', `${name}.png`),
    fullPage: true,
  });
}
