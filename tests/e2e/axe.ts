import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import { expect } from './fixtures';

// @axe-core/playwright needs Node 22; axe-core itself is one script. It goes in through
// Runtime.evaluate: the page's CSP (script-src 'self') would refuse a <script> tag, and rightly.
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(
  path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'),
  'utf8',
);

/** The impacts that fail a page: a person using a screen reader or a keyboard is stuck. */
const FAILING: readonly ImpactValue[] = ['serious', 'critical'];

// Frames are not entered: the report view's iframe may run no script at all (axe would try, and
// the attempt is logged as an error); report.spec.ts checks the report's document on its own.
const OPTIONS: RunOptions = { resultTypes: ['violations'], iframes: false };

interface AxeGlobal {
  axe?: { run(options: RunOptions): Promise<AxeResults> };
}

/** One line per failing node: rule id, impact, target, and axe's one-line summary. */
export function describeViolations(results: AxeResults): string[] {
  return results.violations
    .filter((v) => v.impact && FAILING.includes(v.impact))
    .flatMap((v) =>
      v.nodes.map((node) => {
        const why = node.failureSummary?.split('\n')[1]?.trim() ?? v.help;
        return `${v.id} [${v.impact}] ${node.target.join(' ')} — ${why}`;
      }),
    );
}

/** Runs axe-core over the whole page as it is now (an open dialog included). */
export async function runAxe(page: Page): Promise<AxeResults> {
  // A reload or a navigation drops it; putting it in twice is harmless but slow.
  if (!(await page.evaluate(() => typeof (globalThis as AxeGlobal).axe === 'object'))) {
    await page.evaluate(AXE_SOURCE);
  }
  return page.evaluate((options) => (globalThis as AxeGlobal).axe!.run(options), OPTIONS);
}

/** The pages one test has checked, in order; the spec prints them and counts them. */
export class AxeLog {
  readonly checked: string[] = [];

  /**
   * Checks the page as it stands under `name`: no serious or critical violation. A failure is
   * soft, so one run names every page that has one, with a compact list for each.
   */
  async check(page: Page, name: string): Promise<void> {
    const results = await runAxe(page);
    // axe ran its rules over this page (an empty or blocked run would pass everything).
    expect(results.passes.length, `axe checked nothing on ${name}`).toBeGreaterThan(10);
    const problems = describeViolations(results);
    this.checked.push(name);
    expect.soft(problems, `axe: serious or critical violations on ${name}`).toEqual([]);
  }
}
