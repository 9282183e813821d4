import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInspection } from '../../shared/inspection/create';
import type { Inspection } from '../../shared/inspection/schema';
import { templateJson } from '../../shared/template/canonical';
import type { Item, Template } from '../../shared/template/schema';
import { templateSchema } from '../../shared/template/schema';
import { describeViolations, runAxe } from './axe';
import {
  expect,
  PROFILE,
  screenshot,
  SETTINGS_ON_LATEST,
  SETTINGS_WITH_PROFILE,
  test,
} from './fixtures';

/**
 * Two versions of a template side by side: the built-in 2026.1 and 2026.2, and duplicating last
 * term's inspection into this term's version, with what the newer version had no place for.
 */

const read = (version: string): Template =>
  templateSchema.parse(
    JSON.parse(readFileSync(`resources/templates/school-security-${version}.json`, 'utf8')),
  );
const pinOf = (t: Template) => ({
  id: t.id,
  version: t.version,
  hash: createHash('sha256').update(templateJson(t), 'utf8').digest('hex'),
});

const SOURCE_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const NOW = '2026-06-20T02:00:00.000Z';

/** A district's template in two versions: v2 drops an item and a column, and changes a kind. */
function districtVersions(base: Template): [Template, Template] {
  const v1: Template = {
    ...base,
    id: 'district_2027',
    version: '1',
    title: { 'zh-CN': '区教育局网络安全检查表', 'en-US': 'District checklist' },
  };
  const change = (item: Item): Item[] => {
    if (item.id === 'org_budget') return [];
    if (item.id === 'assets_high_risk_open') {
      const { id, prompt, guidance, basis, required, evidence } = item;
      return [
        { id, kind: 'check', prompt, guidance, basis, required, evidence, rules: [] } as Item,
      ];
    }
    if (item.kind === 'register' && item.id === 'dev_register')
      return [{ ...item, columns: item.columns.filter((c) => c.id !== 'firmware') }];
    return [item];
  };
  const v2: Template = {
    ...v1,
    version: '2',
    sections: v1.sections.map((s) => ({ ...s, items: s.items.flatMap(change) })),
  };
  return [v1, v2];
}

function lastTerm(template: Template): Inspection {
  const start = createInspection({
    id: SOURCE_ID,
    template: pinOf(template),
    school: PROFILE as Inspection['school'],
    period: { year: 2026, term: 'spring' },
    inspector: '李明',
    now: NOW,
  });
  const answer = (value: string | number) => ({ value, evidence: [], updatedAt: NOW });
  return {
    ...start,
    answers: {
      org_leading_group: answer('compliant'),
      org_budget: answer('yes'),
      assets_high_risk_open: answer(2),
    },
    registers: {
      dev_register: [
        {
          id: 'r1',
          cells: { type: 'firewall', vendor_model: '华为 USG6525E', firmware: 'V600R007' },
          evidence: [],
        },
      ],
    },
  };
}

const file = (inspection: Inspection) => JSON.stringify({ schemaVersion: 2, inspection });

const [V1, V2] = districtVersions(read('2026.1'));

test.describe('a district template in two versions', () => {
  test.use({
    seed: {
      'settings.json': SETTINGS_WITH_PROFILE,
      'templates/district_2027@1.json': templateJson(V1),
      'templates/district_2027@2.json': templateJson(V2),
      [`inspections/${SOURCE_ID}.json`]: file(lastTerm(V1)),
    },
  });

  test('duplicating into the newer version says, in both languages, what was not carried', async ({
    page,
    dataDir,
  }) => {
    await page.getByRole('button', { name: /^复制为新检查：以 .* 为基础$/ }).click();
    const dialog = page.getByRole('dialog', { name: '新建检查' });
    await dialog.getByLabel('检查表模板').selectOption('district_2027@2');
    await dialog.getByLabel('同时复制各项的回答、备注和佐证材料').check();
    await dialog.getByRole('button', { name: '创建并开始填写' }).click();

    const report = page.getByRole('status').filter({ hasText: '未带入' });
    await expect(report).toContainText('按《区教育局网络安全检查表》（2 版）填写');
    const lines = report.getByRole('listitem');
    await expect(lines).toHaveCount(3);
    await expect(lines.nth(0)).toHaveText(/^“学校年度预算中列有网络安全经费”：这一版本已删去此项$/);
    await expect(lines.nth(1)).toHaveText(
      '“尚未修复的高危漏洞数量”：这一版本中此项的填写方式已改变，原来的答案未带入',
    );
    await expect(lines.nth(2)).toContainText('的“固件版本”列：这一版本已删去此列');
    expect(describeViolations(await runAxe(page))).toEqual([]);
    await screenshot(page, 'duplicate-left-behind-zh', false);

    await page.getByRole('radio', { name: 'English' }).first().click();
    const english = page.getByRole('status').filter({ hasText: 'not carried over' });
    await expect(english).toContainText('created against "District checklist", version 2');
    await expect(english.getByRole('listitem').nth(2)).toContainText(
      ', column "Firmware version": this version no longer has this column',
    );
    await screenshot(page, 'duplicate-left-behind-en', false);

    // What did come along is in the new inspection, pinned to version 2.
    await english.getByRole('link', { name: 'Open the new inspection' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /1\. Leadership/ })).toBeVisible();
    const names = await readdir(path.join(dataDir, 'inspections'));
    const copies = await Promise.all(
      names
        .filter((n) => n.endsWith('.json') && !n.startsWith(SOURCE_ID))
        .map(async (n) => JSON.parse(await readFile(path.join(dataDir, 'inspections', n), 'utf8'))),
    );
    expect(copies).toHaveLength(1);
    const copy = (copies[0] as { inspection: Inspection }).inspection;
    expect(copy.template).toEqual(pinOf(V2));
    expect(Object.keys(copy.answers)).toEqual(['org_leading_group']);
    expect(copy.registers['dev_register']?.[0]?.cells).toEqual({
      type: 'firewall',
      vendor_model: '华为 USG6525E',
    });
  });
});

test.describe('last term on the built-in 2026.1', () => {
  test.use({
    seed: {
      'settings.json': SETTINGS_ON_LATEST,
      [`inspections/${SOURCE_ID}.json`]: file(lastTerm(read('2026.1'))),
    },
  });

  test('starts this term on 2026.2, the default, carrying everything, and lists both versions', async ({
    page,
    dataDir,
  }) => {
    await page.getByRole('button', { name: /^复制为新检查：以 .* 为基础$/ }).click();
    const dialog = page.getByRole('dialog', { name: '新建检查' });
    await expect(dialog.getByLabel('检查表模板')).toHaveValue('school_security@2026.2');
    await dialog.getByLabel('同时复制各项的回答、备注和佐证材料').check();
    await dialog.getByRole('button', { name: '创建并开始填写' }).click();
    // Nothing left behind: straight into the walk-through.
    await expect(page.getByRole('heading', { level: 2, name: /1\. 组织领导/ })).toBeVisible();
    const names = (await readdir(path.join(dataDir, 'inspections'))).filter(
      (n) => n.endsWith('.json') && !n.startsWith(SOURCE_ID),
    );
    expect(names).toHaveLength(1);
    const copy = (
      JSON.parse(await readFile(path.join(dataDir, 'inspections', names[0]!), 'utf8')) as {
        inspection: Inspection;
      }
    ).inspection;
    expect(copy.template).toEqual(pinOf(read('2026.2')));
    expect(copy.answers).toEqual(lastTerm(read('2026.1')).answers);
    // The source keeps its pin to 2026.1, byte for byte.
    const source = JSON.parse(
      await readFile(path.join(dataDir, 'inspections', `${SOURCE_ID}.json`), 'utf8'),
    ) as { inspection: Inspection };
    expect(source.inspection.template).toEqual(pinOf(read('2026.1')));

    await page.getByRole('navigation').getByRole('link', { name: '模板', exact: true }).click();
    const rows = page.getByRole('row', { name: /中小学校网络安全自查表/ });
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('2026.1');
    await expect(rows.nth(0)).toContainText('内置');
    await expect(rows.nth(0)).not.toContainText('新建检查默认使用');
    await expect(rows.nth(1)).toContainText('2026.2');
    await expect(rows.nth(1)).toContainText('内置');
    await expect(rows.nth(1)).toContainText('新建检查默认使用');
    await screenshot(page, 'templates-two-built-ins-zh', false);
  });
});
