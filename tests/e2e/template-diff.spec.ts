import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { AxeLog } from './axe';
import { expect, screenshot, test } from './fixtures';

const V1 = 'resources/templates/school-security-2026.1.json';
const V2 = 'resources/templates/school-security-2026.2.json';

interface Doc {
  sections: { items: { id: string; prompt: { 'zh-CN': string; 'en-US': string } }[] }[];
}
const itemsOf = async (file: string) =>
  (JSON.parse(await readFile(file, 'utf8')) as Doc).sections.flatMap((s) => s.items);

/** What the two shipped versions add and remove, read from the files themselves. */
async function expected() {
  const [v1, v2] = [await itemsOf(V1), await itemsOf(V2)];
  const old = new Set(v1.map((i) => i.id));
  const now = new Set(v2.map((i) => i.id));
  return { added: v2.filter((i) => !old.has(i.id)), removed: v1.filter((i) => !now.has(i.id)) };
}

/**
 * The Templates page with both versions listed. Importing 2026.2 works whether or not it is built
 * in: the same id, version and content installs nothing and says it is there.
 */
async function bothVersions(page: Page) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('navigation').getByRole('link', { name: '模板', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '模板' })).toBeVisible();
  if ((await page.getByRole('row').filter({ hasText: '2026.2' }).count()) === 0) {
    await page.getByLabel('导入模板…').setInputFiles(V2);
    await expect(page.getByRole('status').filter({ hasText: '已导入' })).toBeVisible();
  }
  await expect(page.getByRole('row').filter({ hasText: '2026.2' })).toHaveCount(1);
}

test('compares 2026.1 and 2026.2 on the Templates page, both ways, in both languages', async ({
  page,
}) => {
  const { added, removed } = await expected();
  const axe = new AxeLog();
  await bothVersions(page);

  const row = page.getByRole('row').filter({ hasText: '2026.2' });
  await row.getByRole('button', { name: '比较版本' }).click();
  const panel = page.getByRole('region', { name: /^比较版本：/ });
  await expect(panel.getByLabel('旧版本')).toHaveValue('2026.1');
  await expect(panel.getByLabel('新版本')).toHaveValue('2026.2');
  await expect(panel.getByRole('status')).toContainText(`检查项新增 ${added.length} 项`);
  await expect(panel).toContainText('编号 school_security · 从 2026.1 版到 2026.2 版');
  const addedGroup = panel.getByRole('region', { name: `新增的检查项（${added.length}）` });
  for (const item of added) {
    await expect(addedGroup.getByText(item.prompt['zh-CN'], { exact: true })).toBeVisible();
  }
  const changed = panel.getByRole('region', { name: /^修改的检查项（\d+）$/ });
  await expect(changed.locator('dt').filter({ hasText: '法律依据' }).first()).toBeVisible();
  await expect(changed.locator('del').first()).toBeVisible();
  await expect(changed.locator('ins').first()).toBeVisible();
  await screenshot(page, 'template-diff-zh', false);
  await changed.scrollIntoViewIfNeeded();
  await screenshot(page, 'template-diff-changed-zh', false);
  await axe.check(page, 'template diff zh');

  // The other way round, by keyboard: what 2026.2 added is what going back removes.
  await panel.getByLabel('旧版本').focus();
  await page.keyboard.press('ArrowDown');
  await panel.getByLabel('新版本').focus();
  await page.keyboard.press('ArrowUp');
  await expect(panel.getByLabel('旧版本')).toHaveValue('2026.2');
  await expect(panel.getByLabel('新版本')).toHaveValue('2026.1');
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: '比较', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel).toContainText('编号 school_security · 从 2026.2 版到 2026.1 版');
  await expect(
    panel.getByRole('region', { name: `删除的检查项（${added.length}）` }),
  ).toBeVisible();
  await expect(panel.getByRole('region', { name: /^新增的检查项/ })).toHaveCount(
    removed.length > 0 ? 1 : 0,
  );

  await page.getByRole('radio', { name: 'English' }).first().click();
  const english = page.getByRole('region', { name: /^Compare versions: / });
  await expect(english.getByLabel('From version')).toHaveValue('2026.2');
  await english.getByLabel('From version').selectOption('2026.1');
  await english.getByLabel('To version').selectOption('2026.2');
  await english.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(english).toContainText('id school_security · from version 2026.1 to version 2026.2');
  await expect(english.getByRole('status')).toContainText(`items: ${added.length} added`);
  const addedEn = english.getByRole('region', { name: `Items added (${added.length})` });
  await expect(addedEn.getByText(added[0]!.prompt['en-US'], { exact: true })).toBeVisible();
  await screenshot(page, 'template-diff-en', false);
  const changedEn = english.getByRole('region', { name: /^Items changed \(\d+\)$/ });
  await expect(changedEn.locator('dt').filter({ hasText: 'legal basis' }).first()).toBeVisible();
  await changedEn.scrollIntoViewIfNeeded();
  await screenshot(page, 'template-diff-changed-en', false);
  await axe.check(page, 'template diff en');

  await english.getByRole('button', { name: 'Close' }).click();
  await expect(english).toHaveCount(0);
  expect(axe.checked).toEqual(['template diff zh', 'template diff en']);
});

test('offers no comparison for a template with only one version', async ({ page }, testInfo) => {
  const single = JSON.parse(await readFile(V1, 'utf8')) as Record<string, unknown>;
  single.id = 'district_only';
  single.version = '1';
  single.title = { 'zh-CN': '区专项检查表', 'en-US': 'District special checklist' };
  const file = testInfo.outputPath('district.json');
  await writeFile(file, JSON.stringify(single));
  await page.getByRole('navigation').getByRole('link', { name: '模板', exact: true }).click();
  await page.getByLabel('导入模板…').setInputFiles(file);
  const row = page.getByRole('row', { name: /区专项检查表/ });
  await expect(row.getByRole('button', { name: '查看' })).toBeVisible();
  await expect(row.getByRole('button', { name: '比较版本' })).toHaveCount(0);
});
