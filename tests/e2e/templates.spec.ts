import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

const BUILT_IN = 'resources/templates/school-security-2026.1.json';

async function openTemplates(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: '模板', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '模板' })).toBeVisible();
}

test('lists the built-in checklist and shows it with bases and rules in both languages', async ({
  page,
}) => {
  await openTemplates(page);
  // This installation's default is 2026.1 (fixtures.ts); 2026.2 sits beside it.
  await expect(page.getByRole('row', { name: /中小学校网络安全自查表/ })).toHaveCount(2);
  const row = page.getByRole('row', { name: /中小学校网络安全自查表 .* 2026\.1 / });
  await expect(row).toContainText('2026.1');
  await expect(row).toContainText('9 个章节，62 个检查项');
  await expect(row).toContainText('新建检查默认使用');
  await row.getByRole('button', { name: '查看' }).click();

  const viewer = page.getByRole('region', { name: '中小学校网络安全自查表' });
  await expect(viewer.getByText('《网络安全法》第二十三条（原第二十一条）').first()).toBeVisible();
  await expect(viewer.getByText('低于 180天 → 不符合')).toBeVisible();
  await expect(viewer.getByText("${bio_uses} = 'yes'").first()).toBeVisible();
  await expect(
    viewer.getByText('「学校采集或使用人脸、指纹等生物识别信息」为“是”').first(),
  ).toBeVisible();
  await expect(
    viewer.getByText(/当 「由第三方保管」为“是” 且 「协议编号」未填写 时 → 不符合/),
  ).toBeVisible();
  await expect(viewer.getByText('未经原文核实').first()).toBeVisible();
  await screenshot(page, 'templates-list-zh', false);
  await viewer.getByText('网络日志留存天数').scrollIntoViewIfNeeded();
  await screenshot(page, 'templates-viewer-zh', false);

  await page.getByRole('radio', { name: 'English' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Templates' })).toBeVisible();
  const english = page.getByRole('region', {
    name: 'School network-security self-inspection checklist',
  });
  await expect(english.getByText('below 180 days → Non-compliant')).toBeVisible();
  await english.getByText('Register of biometric systems').scrollIntoViewIfNeeded();
  await screenshot(page, 'templates-viewer-en', false);
});

test('imports a good template, makes it the default, and exports it unchanged', async ({
  page,
}, testInfo) => {
  const district = JSON.parse(await readFile(BUILT_IN, 'utf8'));
  district.id = 'district_2027';
  district.version = '1';
  district.title = {
    'zh-CN': '区教育局网络安全检查表（2027）',
    'en-US': 'District checklist 2027',
  };
  const file = testInfo.outputPath('district.json');
  const text = `${JSON.stringify(district, null, 2)}\n`;
  await writeFile(file, text);

  await openTemplates(page);
  await page.getByLabel('导入模板…').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText(
    '《区教育局网络安全检查表（2027）》版本 1',
  );
  const row = page.getByRole('row', { name: /区教育局网络安全检查表/ });
  await row.getByRole('button', { name: '设为默认' }).click();
  await expect(row).toContainText('新建检查默认使用');
  const builtIns = page.getByRole('row', { name: /中小学校网络安全自查表/ });
  await expect(builtIns).toHaveCount(2);
  for (const n of [0, 1]) await expect(builtIns.nth(n)).not.toContainText('新建检查默认使用');

  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: '导出 JSON' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('district_2027-1.json');
  expect(await readFile(await saved.path(), 'utf8')).toBe(text);
});

test('refuses a broken template with every problem and where it is, importing nothing', async ({
  page,
}, testInfo) => {
  const broken = (await readFile(BUILT_IN, 'utf8'))
    .replace('"id": "org_policies"', '"id": "org_leading_group"')
    .replace('"ref": "bio_uses"', '"ref": "ghost"')
    .replace('"kind": "check"', '"kind": "slider"');
  const file = path.join(testInfo.outputPath(), 'broken.json');
  await writeFile(file, broken);

  await openTemplates(page);
  await page.getByLabel('导入模板…').setInputFiles(file);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('broken.json 未导入');
  await expect(alert).toContainText('检查项编号“org_leading_group”重复');
  await expect(alert).toContainText('显示条件引用了不存在的检查项“ghost”');
  await expect(alert.getByText('$.sections[0].items[0].kind')).toBeVisible();
  await screenshot(page, 'templates-import-errors-zh');
  await page.getByRole('radio', { name: 'English' }).first().click();
  await expect(alert).toContainText('item id "org_leading_group" is used twice');
  await screenshot(page, 'templates-import-errors-en');
  await page.getByRole('radio', { name: '中文' }).first().click();
  await expect(page.getByRole('row')).toHaveCount(3); // header + the two built-in versions

  await writeFile(file, 'type,name\ncheck,x\n');
  await page.getByLabel('导入模板…').setInputFiles({
    name: 'fake.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('type,name\ncheck,x\n'),
  });
  await expect(alert).toContainText('这不是 Excel 工作簿（.xlsx）');
});
