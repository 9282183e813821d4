import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Download, Page } from '@playwright/test';
import { describeViolations, runAxe } from './axe';
import { expect, screenshot, test } from './fixtures';

/**
 * 汇总 (bureau mode), end to end in the harness: a fresh data folder chooses 区教育局 at first run,
 * imports a folder of signed sample workbooks (made with the built CLI) with a bad file and a
 * stray one, sees the dashboard and the matrix, returns one submission with an item comment,
 * saves its feedback file and exports the district summary; axe on each page, screenshots at
 * 1366×768 in both languages, by mouse and by keyboard.
 */
const run = promisify(execFile);
const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(checkout, 'out/main/cli.js');
const OUT = path.join(checkout, 'test-results', 'bureau');

test.use({ seed: {}, viewport: { width: 1366, height: 768 } });
// Each test imports a folder of workbooks through the harness, one file at a time.
test.describe.configure({ timeout: 90_000 });

let samples = '';

/** A folder as a school-collecting clerk has it: signed workbooks, a fake one, a stray note. */
test.beforeAll(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'qinglang-bureau-e2e-'));
  const json = path.join(root, 'json');
  samples = path.join(root, '收到的报送');
  await mkdir(samples, { recursive: true });
  const env = { ...process.env, QINGLANG_DATA_DIR: path.join(root, 'data') };
  await run('node', [CLI, 'demo', '--out', json, '--count', '5', '--seed', 'bureau-e2e'], { env });
  const inputs = (await readdir(json)).map((f) => path.join(json, f));
  await run('node', [CLI, 'export', ...inputs, '--out-dir', samples, '--lang', 'zh-CN'], { env });
  await writeFile(path.join(samples, '假的工作簿.xlsx'), 'this is a text file, not a workbook');
  await writeFile(path.join(samples, '说明.txt'), 'notes');
  await mkdir(OUT, { recursive: true });
});

test.afterAll(async () => {
  if (samples) await rm(path.dirname(samples), { recursive: true, force: true });
});

async function axeClean(page: Page) {
  expect(describeViolations(await runAxe(page))).toEqual([]);
}

/** First run: this copy belongs to a bureau. */
async function chooseBureau(page: Page) {
  const dialog = page.getByRole('dialog', { name: '欢迎使用清朗校园网络安全检查' });
  await dialog.getByRole('radio', { name: /区教育局/ }).check();
  await dialog.getByLabel('教育局名称').fill('示例区教育局');
  await dialog.getByLabel('所辖区县').fill('示例区');
  await screenshot(page, 'bureau-first-run-zh', false);
  await dialog.getByRole('button', { name: '保存并开始' }).click();
  await expect(page).toHaveURL(/#\/bureau$/);
  await expect(page.getByRole('heading', { level: 1, name: '汇总' })).toBeVisible();
}

async function importSamples(page: Page) {
  await page.getByTestId('bureau-folder').setInputFiles(samples);
  await expect(page.getByText(/^本次共 \d+ 个文件/)).toBeVisible();
}

/** Saves a download where the next step (the school's import) can find it. */
export async function keepDownload(download: Download, name = download.suggestedFilename()) {
  const file = path.join(OUT, name);
  await download.saveAs(file);
  return file;
}

/**
 * Returns the first school in the table with a comment on its first item, and saves the feedback
 * file: the path of that file (for the school's side of the story, which imports it).
 */
export async function returnFirstAndSaveFeedback(page: Page): Promise<string> {
  const schools = page.getByRole('region', { name: '各校情况' });
  await schools.getByRole('row').nth(1).getByRole('link').click();
  await expect(page).toHaveURL(/#\/bureau\/[0-9a-f]{64}$/);
  const items = page.getByRole('region', { name: '逐项意见' });
  await items.getByRole('textbox').first().fill('请补充本项的佐证材料。');
  await page.getByLabel('审阅人').fill('王科长');
  await page.getByRole('button', { name: '退回' }).click();
  await expect(
    page.getByRole('status').getByText('已退回，意见已保存。', { exact: false }),
  ).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存意见文件' }).click();
  return keepDownload(await download, 'feedback-returned.json');
}

test('a bureau copy imports a folder, reviews a school and exports the district summary', async ({
  page,
}) => {
  await chooseBureau(page);
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link')).toHaveText(['汇总', '模板', '设置']);

  await importSamples(page);
  const imported = page.getByRole('region', { name: '本次导入的文件' });
  await expect(imported.getByRole('row', { name: /假的工作簿\.xlsx 拒收/ })).toBeVisible();
  await expect(imported.getByRole('row', { name: /说明\.txt 跳过/ })).toBeVisible();
  await expect(imported.getByRole('row', { name: /已接收/ }).first()).toBeVisible();
  await screenshot(page, 'bureau-import-zh', false);

  const schools = page.getByRole('region', { name: '各校情况' });
  await expect(schools.getByRole('row').nth(1)).toBeVisible();
  const matrix = page.getByRole('region', { name: '检查项 × 学校表格' });
  await expect(matrix.getByRole('columnheader').nth(1)).toBeVisible();
  await axeClean(page);
  await schools.scrollIntoViewIfNeeded();
  await screenshot(page, 'bureau-dashboard-zh', false);
  await matrix.scrollIntoViewIfNeeded();
  await screenshot(page, 'bureau-matrix-zh', false);
  await screenshot(page, 'bureau-dashboard-full-zh', true);

  const feedback = await returnFirstAndSaveFeedback(page);
  const parsed = JSON.parse(await readFile(feedback, 'utf8')) as Record<string, unknown>;
  expect(parsed).toMatchObject({ format: 'qinglang-feedback/1', decision: 'returned' });
  expect(parsed.items).toEqual([expect.objectContaining({ comment: '请补充本项的佐证材料。' })]);
  await axeClean(page);
  await screenshot(page, 'bureau-review-zh', false);

  await page.getByRole('link', { name: '← 返回汇总' }).click();
  await page
    .getByRole('group', { name: '筛选学校' })
    .getByLabel('审阅状态')
    .selectOption('returned');
  await expect(schools.getByRole('row')).toHaveCount(2);
  await expect(schools.getByRole('row').nth(1)).toContainText('已退回');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出全区汇总表' }).click();
  const summary = await keepDownload(await download);
  expect(summary).toMatch(/\.xlsx$/);
  const bytes = await readFile(summary);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.includes(Buffer.from('xl/workbook.xml'))).toBe(true);
});

test('in English, by keyboard: the dashboard, an accepted review, and a text file refused', async ({
  page,
}) => {
  await chooseBureau(page);
  await importSamples(page);
  await page.getByRole('radio', { name: 'English' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bureau' })).toBeVisible();
  const imported = page.getByRole('region', { name: 'Files of this import' });
  await expect(imported.getByRole('row', { name: /假的工作簿\.xlsx Rejected/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Rejected files/ })).toBeVisible();
  await axeClean(page);
  await screenshot(page, 'bureau-dashboard-en', false);
  await page.getByRole('region', { name: 'Items × schools table' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'bureau-matrix-en', false);

  // By keyboard: to the first school's link, into its review, accept it.
  const first = page
    .getByRole('region', { name: 'Schools', exact: true })
    .getByRole('row')
    .nth(1)
    .getByRole('link');
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/bureau\/[0-9a-f]{64}$/);
  await page.getByRole('button', { name: 'Return' }).focus();
  await page.keyboard.press('Enter');
  // A return with no comment says why it cannot be saved, and the overall comment takes the focus.
  await expect(page.getByText('A return needs a reason', { exact: false }).first()).toBeVisible();
  await expect(page.getByLabel('Overall comment')).toBeFocused();
  await page.keyboard.type('Fine this term.');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Reviewer')).toBeFocused();
  await page.keyboard.type('Wang');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Accept' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Accepted; the review is saved.')).toBeVisible();
  await axeClean(page);
  await screenshot(page, 'bureau-review-en', false);
  await screenshot(page, 'bureau-review-full-en', true);
});

test('a bureau copy can become a school copy again, and nothing is deleted', async ({ page }) => {
  await chooseBureau(page);
  await importSamples(page);
  await page.getByRole('navigation').getByRole('link', { name: '设置', exact: true }).click();
  await page.getByRole('button', { name: '改为学校使用' }).click();
  const dialog = page.getByRole('dialog', { name: '改为学校使用' });
  await expect(
    dialog.getByText(/0 份检查记录、\d+ 份已收到的学校报送文件。全部保留，不会删除/),
  ).toBeVisible();
  await axeClean(page);
  await screenshot(page, 'bureau-role-switch-zh', false);
  await dialog.getByRole('button', { name: '确认切换' }).click();
  // A school's copy without a profile asks for one, school preselected.
  const firstRun = page.getByRole('dialog', { name: '欢迎使用清朗校园网络安全检查' });
  await expect(firstRun.getByRole('radio', { name: /^学校/ })).toBeChecked();
});
