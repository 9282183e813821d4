import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BrowserContext, Download, Page } from '@playwright/test';
import { AxeLog } from './axe';
import { expect, screenshot, test } from './fixtures';
import { startHarnessProcess } from './harness-process';

/**
 * The round trip of issue 11, as one story across two installations. The built CLI makes a few
 * schools' signed inspections and exports their bureau workbooks; a bureau's copy (the fixture's
 * harness) imports that folder, sees the dashboard, returns one school's submission with an
 * overall and an item comment, saves the feedback file, exports the district summary and removes
 * another school's submission. Then that school's own copy (a second harness over its own data
 * folder) imports its inspection as a user would, imports the bureau's feedback, sees 退回 and
 * the comments beside the item, and reopens with the bureau's reason prefilled.
 */
const run = promisify(execFile);
const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(checkout, 'out/main/cli.js');
const OUT = path.join(checkout, 'test-results', 'bureau-roundtrip');
const OVERALL = '网络安全责任制部分的佐证材料不全，请补充后重新报送。';
const ITEM_COMMENT = '请附上本项的任命文件或会议纪要。';

test.use({ seed: {}, viewport: { width: 1366, height: 768 } });
// Two harnesses, a folder imported one file at a time, two imports on the school's side.
test.describe.configure({ timeout: 120_000 });

let root = '';
let json = '';
let samples = '';

test.beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'qinglang-roundtrip-e2e-'));
  json = path.join(root, 'inspections');
  samples = path.join(root, '收到的报送');
  await mkdir(samples, { recursive: true });
  await mkdir(OUT, { recursive: true });
  const env = { ...process.env, QINGLANG_DATA_DIR: path.join(root, 'cli-data') };
  await run('node', [CLI, 'demo', '--out', json, '--count', '4', '--seed', 'roundtrip-e2e'], {
    env,
  });
  const inputs = (await readdir(json)).map((f) => path.join(json, f));
  await run('node', [CLI, 'export', ...inputs, '--out-dir', samples, '--lang', 'zh-CN'], { env });
});

test.afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function keep(download: Download, name: string): Promise<string> {
  const file = path.join(OUT, name);
  await download.saveAs(file);
  return file;
}

interface InspectionFile {
  readonly file: string;
  readonly id: string;
  readonly school: { name: string; code: string; district: string; stage: string };
}

/** The CLI's inspection files, as the schools have them. */
async function demoInspections(): Promise<InspectionFile[]> {
  return Promise.all(
    (await readdir(json)).map(async (name) => {
      const file = path.join(json, name);
      const parsed = JSON.parse(await readFile(file, 'utf8')) as Omit<InspectionFile, 'file'>;
      return { file, id: parsed.id, school: parsed.school };
    }),
  );
}

/** The bureau's side: first run, import, dashboard, a return with comments, the two files. */
async function bureauSide(page: Page, axe: AxeLog) {
  const welcome = page.getByRole('dialog', { name: '欢迎使用清朗校园网络安全检查' });
  await welcome.getByRole('radio', { name: /区教育局/ }).check();
  await welcome.getByLabel('教育局名称').fill('临江区教育局');
  await welcome.getByLabel('所辖区县').fill('临江区');
  await welcome.getByRole('button', { name: '保存并开始' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '汇总' })).toBeVisible();

  await page.getByTestId('bureau-folder').setInputFiles(samples);
  await expect(page.getByText(/^本次共 \d+ 个文件/)).toBeVisible();
  const imported = page.getByRole('region', { name: '本次导入的文件' });
  await expect(imported.getByRole('row', { name: /已接收/ }).first()).toBeVisible();
  const schools = page.getByRole('region', { name: '各校情况' });
  const rows = schools.getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  await axe.check(page, 'bureau dashboard');
  await schools.scrollIntoViewIfNeeded();
  await screenshot(page, 'roundtrip-bureau-dashboard-zh', false);

  await rows.nth(1).getByRole('link').click();
  await expect(page).toHaveURL(/#\/bureau\/[0-9a-f]{64}$/);
  await page
    .getByRole('region', { name: '逐项意见' })
    .getByRole('textbox')
    .first()
    .fill(ITEM_COMMENT);
  await page.getByLabel('总体意见').fill(OVERALL);
  await page.getByLabel('审阅人').fill('王科长');
  await page.getByRole('button', { name: '退回' }).click();
  await expect(
    page.getByRole('status').getByText('已退回，意见已保存。', { exact: false }),
  ).toBeVisible();
  const feedbackDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存意见文件' }).click();
  const feedbackFile = await keep(await feedbackDownload, 'feedback-returned.json');
  await screenshot(page, 'roundtrip-bureau-returned-zh', false);

  await page.getByRole('link', { name: '← 返回汇总' }).click();
  const summaryDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出全区汇总表' }).click();
  const summary = await keep(await summaryDownload, 'district-summary.xlsx');
  const bytes = await readFile(summary);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.includes(Buffer.from('xl/workbook.xml'))).toBe(true);
  return { feedbackFile, schools };
}

/** 移除 the last school in the table (not the returned one): the dashboard no longer lists it. */
async function removeLast(page: Page, axe: AxeLog, returnedSchool: string) {
  const schools = page.getByRole('region', { name: '各校情况' });
  const rows = schools.getByRole('row');
  const count = await rows.count();
  expect(count, 'at least two schools were received').toBeGreaterThan(2);
  const last = rows.nth(count - 1);
  const name = (await last.getByRole('link').textContent())!.trim();
  expect(name).not.toBe(returnedSchool);
  await last.getByRole('link').click();
  await page.getByRole('button', { name: '移除…' }).click();
  const dialog = page.getByRole('dialog', { name: '移除这份报送文件？' });
  await expect(dialog).toContainText(name);
  await expect(dialog).toContainText('文件本身不会删除');
  await expect(dialog).toContainText('bureau/removed');
  await axe.check(page, 'remove dialog');
  await screenshot(page, 'roundtrip-bureau-remove-zh', false);
  await dialog.getByRole('button', { name: '移除', exact: true }).click();
  await expect(page).toHaveURL(/#\/bureau$/);
  await expect(page.getByText(/已移除 .+ 的报送文件/)).toBeVisible();
  await expect(rows).toHaveCount(count - 1);
  await expect(schools.getByRole('link', { name, exact: true })).toHaveCount(0);
}

/** A school's own copy of the app: its data folder, a harness over it, a page on it. */
async function schoolCopy(context: BrowserContext, school: InspectionFile['school']) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qinglang-e2e-school-'));
  await writeFile(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({
      schemaVersion: 2,
      language: 'zh-CN',
      profile: { ...school, contactName: '何琳', contactPhone: '19230128732', address: '' },
      inspector: '梁静',
      index: {},
    }),
  );
  const harness = await startHarnessProcess(dataDir);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(harness.url);
  const close = async () => {
    if (!page.isClosed()) await page.close({ runBeforeUnload: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const code = await harness.stop();
    await rm(dataDir, { recursive: true, force: true });
    expect(errors, 'errors in the school page').toEqual([]);
    expect(code, 'school harness exit code after SIGTERM').toBe(0);
  };
  return { page, close };
}

async function chooseFile(page: Page, button: string, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

test('a school’s submission goes to the bureau, comes back returned, and the school reopens it', async ({
  page,
  context,
}) => {
  const axe = new AxeLog();
  const { feedbackFile } = await bureauSide(page, axe);
  const feedback = JSON.parse(await readFile(feedbackFile, 'utf8')) as {
    format: string;
    decision: string;
    comment: string;
    inspection: { id: string; schoolName: string };
    items: { itemId: string; comment: string }[];
  };
  expect(feedback).toMatchObject({ format: 'qinglang-feedback/1', decision: 'returned' });
  expect(feedback.comment).toBe(OVERALL);
  expect(feedback.items).toEqual([{ itemId: expect.any(String), comment: ITEM_COMMENT }]);
  const itemId = feedback.items[0]!.itemId;
  // The school the bureau returned is one whose inspection the CLI made.
  const mine = (await demoInspections()).find((i) => i.id === feedback.inspection.id);
  expect(mine, 'the returned submission is one of the CLI’s inspections').toBeDefined();
  expect(mine!.school.name).toBe(feedback.inspection.schoolName);
  await removeLast(page, axe, mine!.school.name);

  const school = await schoolCopy(context, mine!.school);
  try {
    const sp = school.page;
    await expect(sp.getByRole('heading', { level: 1, name: '检查' })).toBeVisible();
    await chooseFile(sp, '导入检查文件…', mine!.file);
    await expect(sp.locator('.toolbar-banner')).toContainText('已导入');
    await expect(sp.locator('.inspections-table tbody tr')).toHaveCount(1);
    await chooseFile(sp, '导入教育局意见…', feedbackFile);
    await expect(sp.getByTestId('bureau-feedback-outcome')).toContainText(/已导入教育局意见/);
    const row = sp.locator('.inspections-table tbody tr').first();
    await expect(row.getByRole('link', { name: '教育局退回' })).toBeVisible();
    await axe.check(sp, 'school list with the bureau feedback');
    await screenshot(sp, 'roundtrip-school-list-zh', false);

    await row.getByRole('link').first().click();
    const banner = sp.getByTestId('bureau-review');
    await expect(banner).toContainText(/退回/);
    await expect(banner).toContainText('临江区教育局');
    await expect(banner).toContainText(OVERALL);
    await screenshot(sp, 'roundtrip-school-banner-zh', false);
    await banner.getByRole('link', { name: /^转到第 .+ 项$/ }).click();
    const comment = sp.getByTestId(`bureau-comment-${itemId}`);
    await expect(comment).toBeFocused();
    await expect(comment).toBeInViewport();
    await expect(comment).toContainText('教育局意见');
    await expect(comment).toContainText(ITEM_COMMENT);
    await axe.check(sp, 'school walk-through with the item comment');
    await screenshot(sp, 'roundtrip-school-item-zh', false);

    await banner.getByRole('button', { name: '重新打开以修改' }).click();
    const dialog = sp.getByRole('dialog', { name: '重新打开已签字的检查' });
    await expect(dialog.getByRole('textbox', { name: '重新打开的原因' })).toHaveValue(
      `教育局退回：${OVERALL}`,
    );
    await screenshot(sp, 'roundtrip-school-reopen-zh', false);
    await dialog.getByRole('button', { name: '作废签字并重新打开' }).click();
    await expect(dialog).toBeHidden();
    await expect(banner).toContainText(/此前签字的版本/);
    await expect(sp.getByTestId(`bureau-comment-${itemId}`)).toBeVisible();
    await screenshot(sp, 'roundtrip-school-reopened-zh', false);
  } finally {
    await school.close();
  }
  expect(axe.checked).toHaveLength(4);
});
