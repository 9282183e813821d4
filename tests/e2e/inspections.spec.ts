import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, FIRST_RUN_ON_2026_1, screenshot, SETTINGS_WITH_PROFILE, test } from './fixtures';
import { figure, item, sectionLinks, waitSaved, walkEveryItem } from './walk-helpers';

// A 1×1 PNG: enough for the app to sniff it as an image and preview it.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaPhfDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function newInspection(page: Page) {
  await page.getByRole('button', { name: '新建检查' }).click();
  const dialog = page.getByRole('dialog', { name: '新建检查' });
  await dialog.getByRole('button', { name: '创建并开始填写' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /1\. 组织领导/ })).toBeVisible();
}

test.describe('the first run', () => {
  test.use({ seed: { 'settings.json': FIRST_RUN_ON_2026_1 } });

  test('asks for the profile; a whole inspection is then walked by keyboard and mouse, and survives a reload', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const welcome = page.getByRole('dialog', { name: '欢迎使用清朗校园网络安全检查' });
    await expect(welcome).toBeVisible();
    await screenshot(page, 'first-run-zh', false);
    // By keyboard alone: the dialog puts the focus on its first question, whose use this copy is
    // for (学校 already chosen); Tab goes on to the school's name.
    await expect(welcome.getByRole('radio', { name: /学校/ })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type('北京市西城区育才学校');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1101020003');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('西城区');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await page.keyboard.type('陈静');
    await page.keyboard.press('Enter');
    await expect(welcome).toBeHidden();

    await newInspection(page);
    await screenshot(page, 'walk-start-zh', false);
    await walkEveryItem(page);
    // Every status once: 1.2 部分符合 and 1.3 不符合 are the two findings; 2.2 不适用 is left out
    // of the rate, so 55 of the 57 judged items comply and one half does: 55.5 / 57.
    await expect(figure(page, '进度')).toHaveText('62/62');
    await expect(figure(page, '符合率')).toHaveText('97.4%');
    await expect(figure(page, '问题')).toHaveText('2');
    await waitSaved(page);
    await screenshot(page, 'walk-complete-zh', false);

    await page.reload();
    await expect(figure(page, '进度')).toHaveText('62/62');
    await expect(figure(page, '符合率')).toHaveText('97.4%');
    await expect(figure(page, '问题')).toHaveText('2');
    await sectionLinks(page).first().click();
    await expect(
      item(page, /成立由校长任组长/).getByRole('radio', { name: '符合', exact: true }),
    ).toBeChecked();
    await expect(
      item(page, /责任书已逐级签订/).getByRole('radio', { name: '部分符合' }),
    ).toBeChecked();

    await page.getByRole('radio', { name: 'English' }).first().click();
    await expect(page.getByRole('heading', { level: 2, name: /1\. Leadership/ })).toBeVisible();
    await expect(figure(page, 'Progress')).toHaveText('62/62');
    await expect(figure(page, 'Compliance')).toHaveText('97.4%');
    await expect(figure(page, 'Findings')).toHaveText('2');
    await screenshot(page, 'walk-en', false);
    await page.getByRole('link', { name: '← Back to inspections' }).click();
    const row = page.getByRole('row', { name: /Autumn term|Spring term/ });
    await expect(row).toContainText('100%');
    await expect(row).toContainText('97.4%');
    await expect(row).toContainText('Findings: 2');
    await screenshot(page, 'inspections-list-en', false);
  });

  test('can load sample data instead; then start this term from last term, trash and restore', async ({
    page,
  }) => {
    await page.getByRole('button', { name: '载入示例数据' }).click();
    const rows = page.locator('.inspections-table tbody tr');
    await expect(rows).toHaveCount(2);
    await screenshot(page, 'inspections-list-zh', false);

    const previous = rows.nth(1);
    await previous.getByRole('button', { name: /^复制为新检查：以 .* 为基础$/ }).click();
    const dialog = page.getByRole('dialog', { name: '新建检查' });
    await dialog.getByLabel('学年（年份）').fill('2030');
    await dialog.getByLabel('同时复制各项的回答、备注和佐证材料').check();
    await screenshot(page, 'duplicate-dialog-zh', false);
    await dialog.getByRole('button', { name: '创建并开始填写' }).click();
    await page.locator('.section-nav a', { hasText: '安全设备与特征库' }).click();
    const count = page.locator('.register-toolbar .hint', { hasText: /共 \d+ 行/ }).first();
    await expect(count).toContainText(/共 [1-9]\d* 行/);
    await page.getByRole('link', { name: '← 返回检查列表' }).click();
    await expect(rows).toHaveCount(3);
    const copy = page.getByRole('row', { name: /2030/ });
    await expect(copy).toBeVisible();

    await copy.getByRole('button', { name: /^删除 .*（移入回收站）$/ }).click();
    await expect(rows).toHaveCount(2);
    await page.getByLabel('状态').selectOption('trash');
    await expect(rows).toHaveCount(1);
    await screenshot(page, 'inspections-trash-zh', false);
    await rows.first().getByRole('button', { name: /^恢复/ }).click();
    await page.getByLabel('状态').selectOption('all');
    await expect(rows).toHaveCount(3);
  });
});

test('evidence is stored once, previewed, removable, and refused over 50 MB with a message', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(60_000);
  await newInspection(page);
  const cards = page.locator('.item-card');
  const attach = async (
    index: number,
    files: { name: string; mimeType: string; buffer: Buffer } | string,
  ) => {
    const chooser = page.waitForEvent('filechooser');
    await cards
      .nth(index)
      .getByRole('button', { name: /附加文件/ })
      .click();
    await (await chooser).setFiles(files);
  };
  await attach(0, { name: '领导小组任命文件.png', mimeType: 'image/png', buffer: PNG });
  await expect(cards.nth(0).locator('.evidence-file')).toContainText('领导小组任命文件.png');
  await expect(cards.nth(0).locator('img.evidence-thumb')).toBeVisible();
  await attach(1, { name: 'copy.png', mimeType: 'image/png', buffer: PNG });
  await expect(cards.nth(1).locator('.evidence-file')).toContainText('copy.png');
  const stored = async () => {
    const folders = await readdir(path.join(dataDir, 'evidence'));
    const files = await Promise.all(folders.map((f) => readdir(path.join(dataDir, 'evidence', f))));
    return files.flat().filter((f) => /^[0-9a-f]{64}$/.test(f));
  };
  expect(await stored()).toHaveLength(1);

  const huge = path.join(os.tmpdir(), `qinglang-huge-${process.pid}.bin`);
  await writeFile(huge, Buffer.alloc(50 * 1024 * 1024 + 1));
  await attach(2, huge);
  await expect(cards.nth(2).locator('.evidence-problems')).toContainText('文件超过 50 MB');
  await screenshot(page, 'evidence-zh', false);

  await cards.nth(1).getByRole('button', { name: '移除 copy.png' }).click();
  await expect(cards.nth(1).locator('.evidence-file')).toHaveCount(0);
  await waitSaved(page);
  await page.reload();
  await expect(cards.nth(0).locator('.evidence-file')).toContainText('领导小组任命文件.png');
  await expect(cards.nth(1).locator('.evidence-file')).toHaveCount(0);
  expect(await stored()).toHaveLength(1);
});

test.describe('a damaged inspection file', () => {
  test.use({
    seed: {
      'settings.json': SETTINGS_WITH_PROFILE,
      'inspections/0b9d2f4e-6a61-4c1a-9a5e-1f0e8c7d6b5a.json':
        '{"schemaVersion": 1, "inspection": {"format": "qinglang-insp',
    },
  });

  test('is kept aside and reported; the rest of the app works', async ({ page, dataDir }) => {
    await expect(page.getByRole('alert')).toContainText(
      '0b9d2f4e-6a61-4c1a-9a5e-1f0e8c7d6b5a.json',
    );
    const kept = await readdir(path.join(dataDir, 'inspections'));
    expect(kept.some((f) => f.includes('.corrupt-'))).toBe(true);
    await newInspection(page);
  });
});

test('an exported inspection imports back as a copy, and a hostile file is refused with its problems', async ({
  page,
}) => {
  await newInspection(page);
  await page.locator('.item-card').first().locator('input[type=radio]').first().check();
  await waitSaved(page);
  await page.getByRole('link', { name: '← 返回检查列表' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^导出 / }).click();
  const file = await (await download).path();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入检查文件…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.locator('.toolbar-banner')).toContainText('作为副本导入');
  await expect(page.locator('.inspections-table tbody tr')).toHaveCount(2);

  const hostile = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  hostile.inspector = 'evil\u202Egnp.exe';
  (hostile.answers as Record<string, unknown>).no_such_item = {
    evidence: [],
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  const bad = path.join(os.tmpdir(), `qinglang-hostile-${process.pid}.json`);
  await writeFile(bad, JSON.stringify(hostile));
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入检查文件…' }).click();
  await (await chooser2).setFiles(bad);
  await expect(page.getByRole('alert')).toContainText('未导入');
  await expect(page.getByRole('alert')).toContainText(
    '$.inspector 含有不可见的控制字符或文字方向控制符',
  );
  await screenshot(page, 'import-refused-zh', false);
  await expect(page.locator('.inspections-table tbody tr')).toHaveCount(2);
});
