import { expect, screenshot, test } from './fixtures';
import { startHarnessProcess } from './harness-process';

test('opens in Chinese on the inspections list, with the navigation and a page still to come', async ({
  page,
  harness,
}) => {
  const response = await page.request.get(harness.url);
  expect(response.status()).toBe(200);
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const nav = page.getByRole('navigation', { name: '主导航' });
  for (const label of ['检查', '整改', '汇总', '模板', '设置']) {
    await expect(nav.getByRole('link', { name: label })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: '检查' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1, name: '检查' })).toBeVisible();
  await expect(page.getByText('还没有检查记录。')).toBeVisible();
  await screenshot(page, 'inspections-empty-zh');
  // 汇总 is a bureau's page: a school's copy says how to become one (tests/e2e/bureau.spec.ts).
  await nav.getByRole('link', { name: '汇总' }).click();
  await expect(page.getByText('这份应用现在由学校使用。', { exact: false })).toBeVisible();
});

test('switches to English and back, and keeps the choice across a reload', async ({ page }) => {
  await page.getByRole('radio', { name: 'English' }).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  await expect(page.getByRole('heading', { level: 1, name: 'Inspections' })).toBeVisible();
  await screenshot(page, 'inspections-en');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();

  await page.getByRole('radio', { name: '中文' }).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '检查' })).toBeVisible();
});

test('keeps the language across a restart of the app', async ({ page, harness, dataDir }) => {
  await page.getByRole('radio', { name: 'English' }).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  expect(await harness.stop()).toBe(0);

  const again = await startHarnessProcess(dataDir);
  try {
    await page.goto(again.url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
    await expect(page.getByRole('heading', { level: 1, name: 'Inspections' })).toBeVisible();
  } finally {
    await again.stop();
  }
});

test('settings show where data and the log live, in both languages', async ({ page, dataDir }) => {
  await page.getByRole('navigation').getByRole('link', { name: '设置', exact: true }).click();
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await expect(page.getByText(dataDir, { exact: true })).toBeVisible();
  await expect(page.getByText(`${dataDir}/logs/qinglang.log`, { exact: true })).toBeVisible();
  await screenshot(page, 'settings-zh');

  await page
    .getByRole('group', { name: '界面语言' })
    .last()
    .getByRole('radio', { name: 'English' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Data and log' })).toBeVisible();
  await screenshot(page, 'settings-en');
});

test('every page is reachable by keyboard alone', async ({ page }) => {
  const expected = ['检查', '整改', '汇总', '模板', '设置'];
  await expect(page.getByRole('heading', { level: 1, name: '检查' })).toBeVisible();
  await page.keyboard.press('Tab');
  for (const label of expected) {
    await expect(page.locator(':focus')).toHaveText(label);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).focus();
    await page.keyboard.press('Tab');
  }
  await screenshot(page, 'keyboard-focus');
});

test('a page opened without the token is refused, in both languages', async ({ page, harness }) => {
  const response = await page.request.get(`${harness.origin}/`);
  expect(response.status()).toBe(401);
  const bare = await page.context().browser()!.newContext();
  try {
    const other = await bare.newPage();
    const answer = await other.goto(`${harness.origin}/`);
    expect(answer?.status()).toBe(401);
    await expect(other.getByText('请使用启动时打印的完整链接')).toBeVisible();
    await expect(other.getByText('Open this page with the full link')).toBeVisible();
  } finally {
    await bare.close();
  }
});
