import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createInspection, inspectionRows, itemCard, UI, waitSaved } from './app-ui';
import { expect, screenshot, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const ui = UI['zh-CN'];
const POLICIES = /制定网络安全管理制度/;

/** A date `days` from today on this machine's calendar, as a date input takes it. */
function localDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Opens the form in the item's 整改措施 box, fills who, what and by when, and adds it. */
async function addAction(card: Locator, what: string, who: string, due: string): Promise<void> {
  const box = card.getByRole('region', { name: /^整改措施（/ });
  await box.getByRole('button', { name: '+ 添加整改措施' }).click();
  await box.getByLabel('整改内容').fill(what);
  await box.getByLabel('责任人').fill(who);
  await box.getByLabel('整改期限').fill(due);
  await box.getByRole('button', { name: '添加', exact: true }).click();
  await expect(box.getByRole('listitem').filter({ hasText: what })).toBeVisible();
}

/** One corrective action in the item's list, by what it says. */
function action(card: Locator, what: string): Locator {
  return card
    .getByRole('region', { name: /^整改措施（/ })
    .getByRole('listitem')
    .filter({ hasText: what });
}

/** The list's figures for the one inspection, after leaving the walk-through. */
async function listRow(page: Page): Promise<Locator> {
  await waitSaved(page);
  await page.getByRole('link', { name: ui.backToList }).click();
  await expect(inspectionRows(page)).toHaveCount(1);
  return inspectionRows(page).first();
}

async function reopen(page: Page): Promise<Locator> {
  await inspectionRows(page).first().getByRole('link').first().click();
  return itemCard(page, POLICIES);
}

test('corrective actions on a 不符合 item: added, done, deleted; the list counts the overdue ones', async ({
  page,
  dataDir,
}) => {
  await createInspection(page, 'zh-CN');
  let card = itemCard(page, POLICIES);
  // No box for a compliant or unanswered item; 不符合 opens it.
  await expect(card.getByRole('region', { name: /^整改措施（/ })).toHaveCount(0);
  await card.getByText('不符合', { exact: true }).click();

  await addAction(card, '修订网络安全管理制度并印发', '王主任', localDate(-1));
  await addAction(card, '组织全体教职工学习新制度', '陈老师', localDate(30));
  await expect(action(card, '修订网络安全管理制度')).toContainText('王主任');
  await expect(action(card, '修订网络安全管理制度').getByText('已逾期')).toBeVisible();
  await expect(action(card, '组织全体教职工学习')).toContainText('陈老师');
  await expect(action(card, '组织全体教职工学习').getByText('已逾期')).toHaveCount(0);
  await screenshot(page, 'actions-walk-zh', false);

  let row = await listRow(page);
  await expect(row).toContainText(ui.overdue(1));
  await expect(row).toContainText(ui.findings(1));

  card = await reopen(page);
  await addAction(card, '补充应急处置流程', '李明', localDate(-3));
  row = await listRow(page);
  await expect(row).toContainText(ui.overdue(2));

  // Done asks what was done and when, is not overdue, and shows its record; a deleted one is gone.
  card = await reopen(page);
  await action(card, '修订网络安全管理制度')
    .getByRole('button', { name: '标记完成：修订网络安全管理制度并印发' })
    .click();
  const dialog = page.getByRole('dialog', { name: '标记整改完成' });
  await dialog.getByRole('button', { name: '标记为已完成' }).click();
  await expect(dialog.getByText('必填项，请填写')).toBeVisible();
  await dialog.getByLabel('整改情况').fill('已修订并经校务会通过后印发');
  await dialog.getByLabel('完成日期').fill(localDate(-1));
  await dialog.getByRole('button', { name: '标记为已完成' }).click();
  await expect(dialog).toBeHidden();
  await expect(action(card, '修订网络安全管理制度').getByText('已逾期')).toHaveCount(0);
  await expect(action(card, '修订网络安全管理制度')).toContainText('已修订并经校务会通过后印发');
  await screenshot(page, 'actions-walk-done-zh', false);
  await card.getByRole('button', { name: '删除整改措施：补充应急处置流程' }).click();
  await expect(action(card, '补充应急处置流程')).toHaveCount(0);
  row = await listRow(page);
  await expect(row.locator('.overdue')).toHaveCount(0);
  await screenshot(page, 'actions-list-zh', false);

  // It all survives a reload, and is what the file on disk says.
  card = await reopen(page);
  await page.reload();
  await expect(
    action(card, '修订网络安全管理制度').getByText('已完成', { exact: true }),
  ).toBeVisible();
  await expect(
    action(card, '组织全体教职工学习').getByRole('button', { name: /^标记完成/ }),
  ).toBeVisible();
  await expect(action(card, '补充应急处置流程')).toHaveCount(0);
  const files = (await readdir(path.join(dataDir, 'inspections'))).filter((f) =>
    f.endsWith('.json'),
  );
  const stored = JSON.parse(await readFile(path.join(dataDir, 'inspections', files[0]!), 'utf8'))
    .inspection as {
    actions: {
      description: string;
      owner: string;
      due: string;
      state: string;
      doneAt?: string;
      doneOn?: string;
      doneNote?: string;
    }[];
  };
  expect(
    stored.actions.map(({ description, owner, due, state }) => ({
      description,
      owner,
      due,
      state,
    })),
  ).toEqual([
    {
      description: '修订网络安全管理制度并印发',
      owner: '王主任',
      due: localDate(-1),
      state: 'done',
    },
    { description: '组织全体教职工学习新制度', owner: '陈老师', due: localDate(30), state: 'open' },
  ]);
  expect(stored.actions[0]!.doneAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(stored.actions[0]).toMatchObject({
    doneOn: localDate(-1),
    doneNote: '已修订并经校务会通过后印发',
  });

  // Open again, it is overdue again, without its record; the English list says so too.
  await action(card, '修订网络安全管理制度')
    .getByRole('button', { name: '改回未完成：修订网络安全管理制度并印发' })
    .click();
  await expect(action(card, '修订网络安全管理制度')).not.toContainText(
    '已修订并经校务会通过后印发',
  );
  await expect(action(card, '修订网络安全管理制度').getByText('已逾期')).toBeVisible();
  row = await listRow(page);
  await expect(row).toContainText(ui.overdue(1));
  await page.getByRole('radio', { name: 'English' }).first().click();
  await expect(row).toContainText(UI['en-US'].overdue(1));
});
