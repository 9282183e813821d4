/* global window, requestAnimationFrame */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startHarness, writeFixture } from './fixture.mjs';
import { installProbe, THRESHOLD_MS } from './probe.mjs';

/**
 * One run: a fresh data folder and harness, the page opened with the probe installed, then what a
 * user does (typing in item fields, in register cells across pages, switching sections), each
 * phase marked so the figures can tell them apart.
 */

const ROWS_PER_PAGE = 25; // as in renderer/pages/walk/RegisterTable.tsx
/** A quick typist: a key held 30 ms, the next one 70 ms later (about ten characters a second). */
const KEY_HOLD_MS = 30;
const KEY_GAP_MS = 70;

/** What is typed into item fields, by section: the item, the control, the text. */
const ITEM_TYPING = {
  organisation: [
    { item: 'org_security_admin', field: 'value', texts: ['Wang Li, network administrator'] },
    { item: 'org_leading_group', field: 'note', texts: ['minutes of the 3 March meeting'] },
    { item: 'org_policies', field: 'note', texts: ['policy book kept in the office'] },
  ],
  devices: [
    { item: 'dev_av_coverage', field: 'value', texts: ['85', '90', '95', '98', '100'] },
    { item: 'dev_av_signature_date', field: 'note', texts: ['checked on the console today'] },
    { item: 'dev_firmware_current', field: 'note', texts: ['firmware list from the vendor'] },
    { item: 'dev_register', field: 'note', texts: ['counted in every room on site'] },
  ],
};
/** Register pages visited (1-based, reached with the pager) and cells typed into on each. */
const REGISTER_PAGES = [1, 2, 5, 10, 20];
const CELLS_PER_PAGE = 20;
const CELL_COLUMNS = ['vendor_model', 'firmware', 'signature_version'];
const SECTION_SWITCHES = 20;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const card = (page, item) => page.locator(`.walk-section .item-card[data-item-id="${item}"]`);

/**
 * Brings a control to the middle of the window, as a user looks at what they use, then clicks it.
 * Left where Playwright's click puts it, a control can end up clipped by a fraction of a pixel at
 * the bottom edge, and there Chromium presents typed frames up to 0.8 s late: a measurement
 * artefact that would drown the app's own figures.
 */
async function clickInView(control) {
  await control.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await sleep(50);
  await control.click();
}

async function typeText(page, text) {
  for (const char of text) {
    await page.keyboard.press(char === ' ' ? 'Space' : char, { delay: KEY_HOLD_MS });
    await sleep(KEY_GAP_MS);
  }
}

/** Lets the page settle (saves, deferred renders, observer callbacks) between phases. */
async function settle(page) {
  await sleep(400);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
}

async function switchSection(page, sectionId) {
  const before = await page.evaluate(() => window.__bench.switches.length);
  await page.locator(`.section-nav a[href$="/${sectionId}"]`).click();
  await page.waitForFunction((n) => window.__bench.switches.length > n, before, {
    timeout: 30_000,
  });
}

async function typeIntoItems(page, plan) {
  for (const { item, field, texts } of plan) {
    const control =
      field === 'note'
        ? card(page, item).locator('.note-field textarea')
        : card(page, item).locator('.item-field input, .item-field textarea').first();
    await clickInView(control);
    for (const text of texts) {
      if (texts.length > 1) await page.keyboard.press('ControlOrMeta+a');
      await typeText(page, text);
      await sleep(150);
    }
  }
}

async function typeIntoRegister(page) {
  const register = card(page, 'dev_register');
  const firstRowNumber = () =>
    register.locator('tbody tr[data-row-id] th.row-number').first().textContent();
  let current = 1;
  for (const target of REGISTER_PAGES) {
    for (; current < target; current++) {
      await clickInView(register.locator('nav.pager button').last());
      const expected = String(current * ROWS_PER_PAGE + 1);
      for (let tries = 0; (await firstRowNumber()) !== expected; tries++) {
        if (tries > 300) throw new Error(`the register did not turn to page ${current + 1}`);
        await sleep(10);
      }
    }
    const rows = register.locator('tbody tr[data-row-id]');
    for (let i = 0; i < CELLS_PER_PAGE; i++) {
      const column = CELL_COLUMNS[i % CELL_COLUMNS.length];
      const cell = rows.nth((i * 7) % ROWS_PER_PAGE).locator(`input[data-column="${column}"]`);
      await clickInView(cell);
      await typeText(page, i % 2 ? 'b2' : 'x1');
      await sleep(100);
    }
  }
}

export async function oneRun(browser, run) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qinglang-bench-ui-'));
  let harness;
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1360, height: 860 },
  });
  try {
    const id = await writeFixture(dataDir);
    harness = await startHarness(dataDir);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.addInitScript(installProbe, THRESHOLD_MS);
    await page.goto(`${harness.url}#/inspections/${id}/organisation`);
    await page
      .locator('.walk-section[data-section-id="organisation"] .item-card')
      .first()
      .waitFor({ timeout: 30_000 });
    if (!(await page.evaluate(() => typeof performance.interactionCount === 'number'))) {
      throw new Error('this Chromium has no performance.interactionCount to count interactions');
    }
    const mark = (name) => page.evaluate((n) => window.__bench.mark(n), name);
    await settle(page);

    await mark('items');
    await typeIntoItems(page, ITEM_TYPING.organisation);
    await settle(page);
    await mark('other');
    await switchSection(page, 'devices');
    await settle(page);
    await mark('items');
    await typeIntoItems(page, ITEM_TYPING.devices);
    await settle(page);

    await mark('register');
    await typeIntoRegister(page);
    await settle(page);

    const sections = await page
      .locator('.section-nav a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href').split('/').pop()));
    const start = sections.indexOf('devices');
    await mark('switches');
    for (let i = 1; i <= SECTION_SWITCHES; i++) {
      await switchSection(page, sections[(start + i) % sections.length]);
      await sleep(300);
    }
    await settle(page);
    await mark('end');
    await page.evaluate(() => window.__bench.flush());
    const probe = await page.evaluate(() => {
      const { entries, marks, switches } = window.__bench;
      return { entries, marks, switches };
    });
    if (errors.length > 0)
      console.warn(`run ${run}: the page reported errors:\n  ${errors.join('\n  ')}`);
    return probe;
  } finally {
    await context.close();
    await harness?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
