import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { actionsSeed, SIGNED_ID } from './actions-seed';
import { createInspection } from './app-ui';
import { AxeLog } from './axe';
import {
  GAMBLING,
  ID_NUMBER,
  LISTED_WORD,
  PHONE,
  serveSite,
  writeSite,
} from './content-review-site';
import { expect, screenshot, test } from './fixtures';
import { SAMPLE_FINDINGS, scanReport } from '../electron/services/scan/scan-fixtures';

/**
 * 网站内容审查 · Content review, end to end in the harness: a saved copy of a small school site
 * with planted leaks is picked as a folder (the harness uploads it) with the bureau's word list,
 * scanned, its findings marked and attached to the checklist items, seen as evidence in the
 * walk-through, exported; the same site fetched from a local server (hosts limited to it), a
 * slow one cancelled; bad word lists; axe, keyboard, screenshots at 1366×768 in both languages.
 */
test.use({ viewport: { width: 1366, height: 768 } });
test.describe.configure({ timeout: 90_000 });

let fixture: { site: string; words: string; root: string };

test.beforeAll(async () => {
  fixture = await writeSite();
});
test.afterAll(async () => {
  await rm(fixture.root, { recursive: true, force: true });
});

/** A new inspection, then its content review from the walk-through's header. */
async function openContentReview(page: Page): Promise<void> {
  await createInspection(page, 'zh-CN');
  await page.getByRole('link', { name: '网站内容审查', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '网站内容审查' })).toBeVisible();
}

async function pickFolder(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择文件夹…' }).click();
  await (await chooser).setFiles(fixture.site);
  await expect(page.getByText('已选择：xxzx-site')).toBeVisible({ timeout: 15_000 });
}

/** The finding (list item) of a detector, by its tag's name and, if given, its text. */
function finding(page: Page, detector: string, text?: string | RegExp): Locator {
  const items = page.locator('.finding-item').filter({
    has: page.locator('.detector-tag', { hasText: new RegExp(`^${detector}$`) }),
  });
  return text === undefined ? items : items.filter({ hasText: text });
}

async function waitEnded(page: Page, heading: RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible({
    timeout: 30_000,
  });
}

test('a folder scan finds the planted leaks masked, takes marks, is attached as evidence and exported', async ({
  page,
}) => {
  const axe = new AxeLog();
  await openContentReview(page);
  await axe.check(page, 'content review, empty');

  await pickFolder(page);
  await page.getByTestId('word-list-input').setInputFiles(fixture.words);
  await expect(page.getByText('词表.txt：2 个词，1 个分类。')).toBeVisible();
  await page.getByLabel('学校自己的主机（每行一个）').fill('www.xxzx.edu.cn');
  await page.getByRole('button', { name: '开始检查' }).click();
  await waitEnded(page, /^检查完成$/);

  const results = page.getByRole('region', { name: '检查结果' });
  await expect(results).toBeVisible();
  // Every planted one is there; the personal ones masked, never whole anywhere on the page.
  await expect(finding(page, '身份证号')).toHaveCount(1);
  await expect(finding(page, '身份证号').locator('.finding-match')).toHaveText(/^110\*+1231$/);
  await expect(finding(page, '手机号')).toHaveCount(1);
  await expect(finding(page, '手机号').locator('.finding-match')).toHaveText(/^138\*+5678$/);
  await expect(finding(page, '暗链', GAMBLING)).toHaveCount(1);
  await expect(finding(page, '死链', 'old-notice.html')).toHaveCount(1);
  await expect(finding(page, '词表中的词', LISTED_WORD)).toContainText('赌博');
  const text = await page.locator('body').innerText();
  expect(text).not.toContain(ID_NUMBER);
  expect(text).not.toContain(PHONE);
  expect(await page.content()).not.toContain(ID_NUMBER);
  // A hostile target is text, never a link.
  await expect(page.getByRole('link', { name: /bet-casino/ })).toHaveCount(0);
  // The match is emphasised in its context.
  await expect(finding(page, '词表中的词', LISTED_WORD).locator('mark')).toHaveText(LISTED_WORD);

  await finding(page, '手机号').getByRole('radio', { name: '误报' }).check();
  await finding(page, '身份证号').getByRole('radio', { name: '已处理' }).check();
  await expect(finding(page, '手机号').getByRole('radio', { name: '误报' })).toBeChecked();
  // Filters: only what is still to be fixed.
  await page.getByLabel('状态', { exact: true }).selectOption({ label: '待处理' });
  await expect(finding(page, '手机号')).toHaveCount(0);
  await expect(finding(page, '暗链')).toHaveCount(1);
  // Everything the filter shows, marked at once (the hidden link, then nothing left to fix).
  await page.getByLabel('类别', { exact: true }).selectOption({ label: '暗链' });
  await page
    .getByRole('group', { name: '把筛选出的全部发现标为' })
    .getByRole('button', { name: '已处理' })
    .click();
  await expect(page.getByText('没有符合筛选条件的发现。')).toBeVisible();
  await page.getByLabel('类别', { exact: true }).selectOption({ label: '全部类别' });
  await page.getByLabel('状态', { exact: true }).selectOption({ label: '全部状态' });
  await expect(finding(page, '暗链').getByRole('radio', { name: '已处理' })).toBeChecked();
  await screenshot(page, 'content-review-zh-results');
  await axe.check(page, 'content review, results');

  // Marks are kept: reopening the page shows them.
  await page.reload();
  await page
    .getByRole('button', { name: /^打开 / })
    .first()
    .click();
  await expect(finding(page, '手机号').getByRole('radio', { name: '误报' })).toBeChecked();
  await expect(finding(page, '身份证号').getByRole('radio', { name: '已处理' })).toBeChecked();

  await page.getByRole('button', { name: '附到检查项' }).click();
  const attached = page.locator('.attached-items');
  await expect(attached.getByRole('link', { name: /泄露个人信息/ })).toBeVisible();
  await expect(attached.getByRole('link', { name: /历史内容全面排查/ })).toBeVisible();
  await expect(attached.getByRole('link', { name: /暗链、死链/ })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出工作簿' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const saved = path.join(fixture.root, file.suggestedFilename());
  await file.saveAs(saved);
  expect((await readFile(saved)).subarray(0, 2).toString()).toBe('PK');

  // The walk-through's item shows the evidence, and offers the tool beside it.
  await attached.getByRole('link', { name: /泄露个人信息/ }).click();
  const card = page.locator('[data-item-id="content_privacy_leaks"]');
  await expect(card.locator('.evidence-file').first()).toBeVisible();
  await expect(card.getByRole('link', { name: '用工具检查网站内容…' })).toBeVisible();
  await screenshot(page, 'content-review-zh-walk-item', false);
});

test('the school site fetched from a local server, hosts limited to it; a slow one cancelled; a scan removed', async ({
  page,
}) => {
  const { server, origin } = await serveSite();
  try {
    await openContentReview(page);
    await page.getByRole('radio', { name: '网站' }).check();
    await expect(page.getByText(/唯一会联网的功能/)).toBeVisible();
    await page.getByLabel('起始网址 *').fill(`${origin}/`);
    const host = new URL(origin).host;
    await expect(page.getByLabel('允许访问的主机（每行一个） *')).toHaveValue(host);
    await expect(page.getByLabel('学校自己的主机（每行一个）')).toHaveValue(host);
    await screenshot(page, 'content-review-zh-site-form');
    await page.getByRole('button', { name: '开始检查' }).click();
    await waitEnded(page, /^检查完成$/);
    await screenshot(page, 'content-review-zh-site-results');
    await expect(finding(page, '暗链', GAMBLING)).toHaveCount(1);
    await expect(finding(page, '身份证号').locator('.finding-match')).toHaveText(/^110\*+1231$/);
    await expect(finding(page, '死链', 'old-notice.html')).toContainText('404');

    // A site that answers slowly: the run is still going when it is cancelled.
    await page.getByLabel('起始网址 *').fill(`${origin}/slow/1`);
    await page.getByRole('button', { name: '开始检查' }).click();
    const progress = page.getByRole('region', { name: '正在检查…' });
    await expect(progress.getByRole('progressbar')).toBeVisible();
    await expect(progress).toBeFocused();
    await screenshot(page, 'content-review-zh-progress', false);
    await progress.getByRole('button', { name: '取消' }).click();
    await waitEnded(page, /^检查已取消/);
    await expect(page.getByText(/这次检查不完整/)).toBeVisible();

    const history = page.getByRole('region', { name: '这份检查的历次内容审查' });
    await expect(history.locator('tbody tr')).toHaveCount(2);
    await expect(history.getByText('不完整')).toHaveCount(1);
    await history
      .getByRole('button', { name: /^移除 / })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: '移除这次内容审查？' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '移除' }).click();
    await expect(history.locator('tbody tr')).toHaveCount(1);
  } finally {
    server.close();
  }
});

test('a site that cannot be reached: the result says nothing was read, shows why, and cannot be attached', async ({
  page,
}) => {
  // A port with nothing listening: the server is started only to learn a free port, then closed.
  const { server, origin } = await serveSite();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await openContentReview(page);
  await page.getByRole('radio', { name: '网站' }).check();
  await page.getByLabel('起始网址 *').fill(`${origin}/`);
  await page.getByRole('button', { name: '开始检查' }).click();
  await waitEnded(page, /^检查完成$/);
  await expect(
    page.getByText(/没有读取到任何文件或网页，所以“没有发现”不说明内容没有问题/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: '附到检查项' })).toBeDisabled();
  await expect(page.getByText('这次检查没有读取到任何内容，不能作为佐证材料。')).toBeVisible();
  // The notes are open: why the site was not read.
  await expect(page.locator('details.scan-notes')).toHaveAttribute('open', '');
  await expect(page.locator('details.scan-notes li').first()).toBeVisible();
  await screenshot(page, 'content-review-zh-site-unreachable', true);
});

test('a word list that is not text, or has a line with control characters, says so', async ({
  page,
}) => {
  await openContentReview(page);
  const input = page.getByTestId('word-list-input');
  await input.setInputFiles({
    name: 'words.bin',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]),
  });
  await expect(page.getByText(/words\.bin 不是文本文件/)).toBeVisible();
  // Starting with it is refused with the reason.
  await pickFolder(page);
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page.getByText(/所选词表不能使用/)).toBeVisible();

  const bad = path.join(fixture.root, 'bad-words.txt');
  await writeFile(bad, `赌博\n坏\u0007词\n六合彩\n`);
  await input.setInputFiles(bad);
  await expect(page.getByText('bad-words.txt：2 个词，0 个分类。')).toBeVisible();
  await expect(page.getByText(/第 2 行/)).toBeVisible();
  await expect(page.getByText(/所选词表不能使用/)).toHaveCount(0);
  await screenshot(page, 'content-review-zh-bad-words', false);
});

test('in English, by keyboard: the page, a scan and its marks, with axe', async ({ page }) => {
  const axe = new AxeLog();
  await openContentReview(page);
  await page.getByRole('radio', { name: 'English' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Content review' })).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose folder…' }).focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(fixture.site);
  await expect(page.getByText('Chosen: xxzx-site')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('word-list-input').setInputFiles(fixture.words);
  await page.getByRole('button', { name: 'Start scan' }).focus();
  await page.keyboard.press('Enter');
  await waitEnded(page, /^Scan complete$/);

  // A mark by the arrow keys: the radio group moves from To fix to Fixed.
  const phone = finding(page, 'Mobile number');
  await phone.getByRole('radio', { name: 'To fix' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(phone.getByRole('radio', { name: 'Fixed' })).toBeChecked();
  await expect(page.locator('.scan-summary')).toContainText('Fixed1');
  await screenshot(page, 'content-review-en-results');
  await axe.check(page, 'content review, English');
});

test.describe('a signed inspection', () => {
  const saved = scanReport(SAMPLE_FINDINGS);
  test.use({
    seed: {
      ...actionsSeed('zh-CN'),
      [`scans/${SIGNED_ID}/${saved.id}.json`]: JSON.stringify(saved),
    },
  });

  test('shows its scans read-only: no new scan, marks disabled with the reason, no removal', async ({
    page,
  }) => {
    await page.goto(`${page.url().split('#')[0]}#/inspections/${SIGNED_ID}/@content-review`);
    await expect(page.getByRole('heading', { level: 1, name: '网站内容审查' })).toBeVisible();
    const reason = page.getByText(/这份检查已由校长签字，内容审查结果只读/);
    await expect(reason).toBeVisible();
    await expect(page.getByRole('button', { name: '开始检查' })).toHaveCount(0);
    const history = page.getByRole('region', { name: '这份检查的历次内容审查' });
    await expect(history.locator('tbody tr')).toHaveCount(1);
    await expect(history.getByRole('button', { name: /^移除 / })).toHaveCount(0);
    await history.getByRole('button', { name: /^打开 / }).click();
    const phone = finding(page, '手机号');
    await expect(phone.getByRole('radio', { name: '误报' })).toBeDisabled();
    await expect(phone.getByRole('group')).toHaveAccessibleDescription(/内容审查结果只读/);
    await expect(page.getByRole('button', { name: '已处理' }).first()).toBeDisabled();
    await expect(page.getByRole('button', { name: '附到检查项' })).toBeDisabled();
    // Exporting still works: it changes nothing.
    await expect(page.getByRole('button', { name: '导出工作簿' })).toBeEnabled();
  });
});
