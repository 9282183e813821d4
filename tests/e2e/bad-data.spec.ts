import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, screenshot, test } from './fixtures';

test.describe('a damaged settings file', () => {
  const damaged = '{"schemaVersion": 1, "language": "en-US", "trunc';
  test.use({ seed: { 'settings.json': damaged } });

  test('is kept aside and the user is told, in their language', async ({ page, dataDir }) => {
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('数据文件 settings.json 已损坏');
    await screenshot(page, 'notice-quarantined-zh');

    const kept = (await readdir(dataDir)).find((name) => name.startsWith('settings.corrupt-'));
    expect(kept).toBeDefined();
    await expect(alert).toContainText(kept!);
    expect(await readFile(path.join(dataDir, kept!), 'utf8')).toBe(damaged);

    // The profile went with the damaged file, so it is asked for again, with the notice beside it.
    const dialog = page.getByRole('dialog', { name: '欢迎使用清朗校园网络安全检查' });
    await expect(dialog.getByRole('alert')).toContainText(kept!);
    await alert.getByRole('button', { name: '知道了' }).click();
    await expect(alert).toBeHidden();
    await dialog.getByRole('button', { name: '载入示例数据' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('radio', { name: 'English' }).first().click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  });
});

test.describe('settings from a newer version', () => {
  const newer = JSON.stringify({ schemaVersion: 7, language: 'en-US', somethingNew: true });
  test.use({ seed: { 'settings.json': newer } });

  test('are used but never overwritten', async ({ page, dataDir }) => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
    await expect(page.getByRole('alert')).toContainText('written by a newer version');
    await page.getByRole('radio', { name: '中文' }).first().click();
    await expect(page.getByRole('status')).toContainText('written by a newer version of the app');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
    await screenshot(page, 'notice-newer-version-en');
    expect(await readFile(path.join(dataDir, 'settings.json'), 'utf8')).toBe(newer);
  });
});
