import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

/**
 * The corrected items of checklist 2026.2 as an inspector meets them: the six-month log rule and
 * the MLPS assessment judged by the level the school states, on the Templates page and in the
 * walk-through, in both languages.
 */

const V2 = 'resources/templates/school-security-2026.2.json';

/** A day `days` before today, as the date fields take it (the inspection is dated today). */
const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function openTemplates(page: Page) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('navigation').getByRole('link', { name: '模板', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '模板' })).toBeVisible();
  // Importing the same id, version and content installs nothing: it works whether or not 2026.2
  // is built in.
  if ((await page.getByRole('row').filter({ hasText: '2026.2' }).count()) === 0) {
    await page.getByLabel('导入模板…').setInputFiles(V2);
    await expect(page.getByRole('status').filter({ hasText: '已导入' })).toBeVisible();
  }
}

test('shows the six-month rule and the MLPS items of 2026.2 on the Templates page', async ({
  page,
}) => {
  await openTemplates(page);
  const row = page.getByRole('row').filter({ hasText: '2026.2' });
  await row.getByRole('button', { name: '查看' }).click();
  const viewer = page.getByRole('region', { name: '中小学校网络安全自查表' });
  await expect(viewer.getByText('日期距今不足 6 个月 → 不符合')).toBeVisible();
  await expect(viewer.getByText('低于 184天 → 不符合')).toBeVisible();
  await expect(
    viewer.getByText('「本校信息系统中最高的等级保护级别」为“三级及以上”'),
  ).toBeVisible();
  await viewer.getByText('现存最早一条网络日志的日期').scrollIntoViewIfNeeded();
  await screenshot(page, 'corrections-viewer-zh', false);

  await page.getByRole('radio', { name: 'English' }).first().click();
  const english = page.getByRole('region', {
    name: 'School network-security self-inspection checklist',
  });
  await expect(
    english.getByText('date less than 6 months before today → Non-compliant'),
  ).toBeVisible();
  await expect(english.getByText('below 184 days → Non-compliant')).toBeVisible();
  await english.getByText('Date of the oldest network log kept').scrollIntoViewIfNeeded();
  await screenshot(page, 'corrections-viewer-en', false);
});

test('judges the MLPS date by the stated level and the logs by six calendar months', async ({
  page,
}) => {
  await openTemplates(page);
  await page.getByRole('navigation').getByRole('link', { name: '检查', exact: true }).click();
  await page.getByRole('button', { name: '新建检查', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '新建检查' });
  await dialog.getByLabel('检查表模板').selectOption('school_security@2026.2');
  await dialog.getByRole('button', { name: '创建并开始填写' }).click();
  const links = page.getByRole('navigation', { name: '章节', exact: true }).getByRole('link');
  await expect(links.first()).toHaveAttribute('aria-current', 'page');

  await links.nth(1).click();
  const card = (prompt: RegExp) => page.getByRole('article', { name: prompt });
  const level = card(/本校信息系统中最高的等级保护级别/);
  const level2Date = card(/二级系统最近一次等级保护测评日期/);
  const level3Date = card(/三级系统最近一次等级保护测评日期/);
  await expect(level2Date).toHaveCount(0);
  await expect(level3Date).toHaveCount(0);

  // Level 3, assessed 400 days ago: more than a year, partly compliant.
  await level.getByText('三级及以上', { exact: true }).click();
  await level3Date.locator('.date-field-input').fill(daysAgo(400));
  await level3Date.locator('.date-field-input').blur();
  await expect(level3Date.locator('.item-head')).toContainText('部分符合');
  await expect(level3Date).toContainText('超过 365 天');
  await level3Date.scrollIntoViewIfNeeded();
  await screenshot(page, 'corrections-mlps-level3-zh', false);

  // Level 2, assessed 400 days ago: within two years, compliant.
  await level.getByText('二级', { exact: true }).click();
  await expect(level3Date).toHaveCount(0);
  await level2Date.locator('.date-field-input').fill(daysAgo(400));
  await level2Date.locator('.date-field-input').blur();
  await expect(level2Date.locator('.item-head')).toContainText('符合');
  await expect(level2Date.locator('.item-head')).not.toContainText('部分符合');

  // Logs from a month ago only: less than six months, non-compliant.
  await links.nth(2).click();
  const oldest = card(/现存最早一条网络日志的日期/);
  await oldest.locator('.date-field-input').fill(daysAgo(31));
  await oldest.locator('.date-field-input').blur();
  await expect(oldest.locator('.item-head')).toContainText('不符合');
  await expect(oldest).toContainText('距今不足 6 个月');
  await oldest.scrollIntoViewIfNeeded();
  await screenshot(page, 'corrections-logs-zh', false);

  await page.getByRole('radio', { name: 'English' }).first().click();
  const english = page.getByRole('article', { name: /Date of the oldest network log kept/ });
  await expect(english).toContainText('less than 6 months ago');
  await english.scrollIntoViewIfNeeded();
  await screenshot(page, 'corrections-logs-en', false);
});
