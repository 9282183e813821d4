import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { periodOf } from '../../shared/inspection/period';
import { actionsSeed, DRAFT_ID, localDate, SIGNED_ID, TEXT } from './actions-seed';
import { AxeLog } from './axe';
import { openPage, settingsIn, UI } from './app-ui';
import { expect, screenshot, test } from './fixtures';

/**
 * The 整改 page over two seeded inspections (tests/e2e/actions-seed.ts): overdue first, the
 * filters, marking done with a record (mouse and keyboard), a flagged row given an action, the
 * way to the walk-through, and changing an inspection's inspector and term there.
 */
test.use({ viewport: { width: 1366, height: 768 } });

/** The rows of the actions list, in the order shown. */
function listRows(page: Page, name: string | RegExp = '整改措施'): Locator {
  return page.getByRole('region', { name, exact: true }).locator('tbody tr');
}

/** The four figures above the list, by label. */
async function counts(page: Page): Promise<Record<string, string>> {
  const figures = page.locator('.action-counts > div');
  const out: Record<string, string> = {};
  for (const figure of await figures.all())
    out[(await figure.locator('dt').innerText()).trim()] = (
      await figure.locator('dd').innerText()
    ).trim();
  return out;
}

/** The stored action, as the file on disk has it. */
async function storedAction(dataDir: string, inspectionId: string, text: string) {
  const file = path.join(dataDir, 'inspections', `${inspectionId}.json`);
  const { inspection } = JSON.parse(await readFile(file, 'utf8')) as {
    inspection: { actions: Record<string, string>[] };
  };
  return inspection.actions.find((a) => a.description === text);
}

test.describe('in Chinese', () => {
  test.use({ seed: actionsSeed('zh-CN') });

  test('overdue first, filters, done with a record, a flagged row given an action', async ({
    page,
    dataDir,
  }) => {
    await openPage(page, 'zh-CN', 'actions');
    const rows = listRows(page);
    await expect(rows).toHaveCount(5);
    expect(await counts(page)).toEqual({ 全部: '5', 未完成: '4', 已逾期: '2', 已完成: '1' });
    // The longest overdue on top, then the other overdue one, open by due date, done last.
    await expect(rows.nth(0)).toContainText(TEXT.locked);
    await expect(rows.nth(0)).toContainText('已逾期');
    await expect(rows.nth(0)).toContainText('已签字，重新打开后才能修改');
    await expect(rows.nth(0).getByRole('button')).toHaveCount(0);
    await expect(rows.nth(1)).toContainText(TEXT.overdue);
    await expect(rows.nth(2)).toContainText(TEXT.soon);
    await expect(rows.nth(2)).toContainText('第 2 行：视频监控端口暴露');
    await expect(rows.nth(3)).toContainText(TEXT.later);
    await expect(rows.nth(4)).toContainText(TEXT.done);
    await expect(rows.nth(4)).toContainText('已更换并登记');
    await expect(rows.nth(4)).toContainText('完成于');
    await screenshot(page, 'actions-page-zh', false);

    await page.getByRole('combobox', { name: /^状态/ }).selectOption('done');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(TEXT.done);
    await page.getByRole('combobox', { name: /^状态/ }).selectOption('all');
    await page.getByLabel('只看已逾期').check();
    await expect(rows).toHaveCount(2);
    await page.getByLabel('只看已逾期').uncheck();
    await page.getByRole('searchbox', { name: /^责任人/ }).fill('陈');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('陈老师');
    expect(await counts(page)).toEqual({ 全部: '1', 未完成: '1', 已逾期: '0', 已完成: '0' });
    await page.getByRole('searchbox', { name: /^责任人/ }).fill('');
    await page.getByRole('combobox', { name: /^检查/ }).selectOption(SIGNED_ID);
    await expect(rows).toHaveCount(1);
    await page.getByRole('combobox', { name: /^检查/ }).selectOption('');
    await expect(rows).toHaveCount(5);

    // Done asks what was done and when; neither can be left out, nor the day be in the future.
    await page.getByRole('button', { name: `标记完成：${TEXT.overdue}` }).click();
    const dialog = page.getByRole('dialog', { name: '标记整改完成' });
    await expect(dialog).toContainText(TEXT.overdue);
    await expect(dialog.getByLabel('整改情况')).toBeFocused();
    await dialog.getByLabel('完成日期').fill(localDate(1));
    await dialog.getByRole('button', { name: '标记为已完成' }).click();
    await expect(dialog.getByText('必填项，请填写')).toBeVisible();
    await expect(dialog.getByText('完成日期不能晚于今天')).toBeVisible();
    await dialog.getByLabel('整改情况').fill('已修订制度并于校务会通过后印发');
    await dialog.getByLabel('完成日期').fill(localDate(-1));
    await screenshot(page, 'actions-done-dialog-zh', false);
    await dialog.getByRole('button', { name: '标记为已完成' }).click();
    await expect(dialog).toBeHidden();
    // It moves down among the done ones, with its record; one overdue fewer.
    await expect(rows.nth(1)).toContainText(TEXT.soon);
    await expect(rows.nth(3)).toContainText(TEXT.overdue);
    await expect(rows.nth(3)).toContainText('已修订制度并于校务会通过后印发');
    expect(await counts(page)).toEqual({ 全部: '5', 未完成: '3', 已逾期: '1', 已完成: '2' });
    await expect(page.getByRole('status')).toContainText(`已标记为完成：${TEXT.overdue}`);
    expect(await storedAction(dataDir, DRAFT_ID, TEXT.overdue)).toMatchObject({
      state: 'done',
      doneOn: localDate(-1),
      doneNote: '已修订制度并于校务会通过后印发',
    });

    // The notified hazard past its deadline with no action gets one from its own group.
    const flagged = listRows(page, /^登记表中待整改的行/);
    await expect(flagged).toHaveCount(1);
    await expect(flagged.first()).toContainText(`第 1 行：${TEXT.hazard}`);
    await expect(flagged.first()).toContainText('已逾期未整改');
    await flagged
      .first()
      .getByRole('button', { name: /添加整改措施/ })
      .click();
    const add = page.getByRole('dialog', { name: '添加整改措施' });
    await expect(add.getByLabel('整改内容')).toHaveValue(`已逾期未整改：${TEXT.hazard}`);
    await add.getByLabel('责任人').fill('信息中心');
    await add.getByLabel('整改期限').fill(localDate(7));
    await screenshot(page, 'actions-new-dialog-zh', false);
    await add.getByRole('button', { name: '添加', exact: true }).click();
    await expect(add).toBeHidden();
    await expect(flagged).toHaveCount(0);
    await expect(rows).toHaveCount(6);
    await expect(rows.filter({ hasText: TEXT.hazard })).toContainText('信息中心');
    expect(await storedAction(dataDir, DRAFT_ID, `已逾期未整改：${TEXT.hazard}`)).toMatchObject({
      itemId: 'duty_hazards',
      rowId: 'h1',
      state: 'open',
      due: localDate(7),
    });
  });

  test('from an action to its item in the walk-through; the inspector and term changed there', async ({
    page,
  }) => {
    await openPage(page, 'zh-CN', 'actions');
    const row = listRows(page).filter({ hasText: TEXT.later });
    await row.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`#/inspections/${DRAFT_ID}/organisation$`));
    // The walk-through lands on the item, not on its section's heading.
    const card = page.locator('#item-org_security_admin');
    await expect(card).toBeInViewport();
    await expect(card.locator(':focus')).toHaveCount(1);

    await page.getByRole('button', { name: '编辑检查人和学期' }).click();
    const dialog = page.getByRole('dialog', { name: '修改检查信息' });
    await expect(dialog.getByLabel('检查人')).toHaveValue('李明');
    await expect(dialog.getByLabel('学期')).toHaveValue(periodOf(localDate(0)).term);
    await dialog.getByLabel('检查人').fill('');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog.getByText('必填项，请填写')).toBeVisible();
    await dialog.getByLabel('检查人').fill('赵老师');
    await dialog.getByLabel('学年（年份）').fill('2031');
    await dialog.getByLabel('学期').selectOption('spring');
    await screenshot(page, 'walk-details-dialog-zh', false);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2031 春季学期');
    await expect(page.getByText('检查人：赵老师')).toBeVisible();
    await expect(page.getByTestId('save-status')).toHaveText(/已自动保存/, { timeout: 10_000 });
    await page.reload();
    await expect(page.getByText('检查人：赵老师')).toBeVisible();
    await openPage(page, 'zh-CN', 'actions');
    await expect(listRows(page).filter({ hasText: TEXT.later })).toContainText('2031 春季学期');

    // The signed one is locked: no edit offered.
    await page.goto(`${page.url().split('#')[0]}#/inspections/${SIGNED_ID}`);
    await expect(page.getByText('检查人：李明')).toBeVisible();
    await expect(page.getByRole('button', { name: '编辑检查人和学期' })).toHaveCount(0);
  });

  test('marking done by keyboard alone', async ({ page, dataDir }) => {
    await openPage(page, 'zh-CN', 'actions');
    const button = page.getByRole('button', { name: `标记完成：${TEXT.soon}` });
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await button.evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'Tab reaches the button').toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '标记整改完成' });
    await expect(dialog.getByLabel('整改情况')).toBeFocused();
    await page.keyboard.type('已关闭外网端口并复测');
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('完成日期')).toBeFocused();
    // Today is offered; a day earlier is one ↓ away.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: '整改措施', exact: true })).toBeFocused();
    expect(await storedAction(dataDir, DRAFT_ID, TEXT.soon)).toMatchObject({
      state: 'done',
      doneOn: localDate(-1),
      doneNote: '已关闭外网端口并复测',
    });
    // Escape closes the dialog without saving anything.
    await page.getByRole('button', { name: `标记完成：${TEXT.later}` }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await storedAction(dataDir, DRAFT_ID, TEXT.later)).toMatchObject({ state: 'open' });
  });
});

test.describe('in English', () => {
  test.use({ seed: actionsSeed('en-US') });

  test('the same page and dialog, in English, pass axe', async ({ page }) => {
    const axe = new AxeLog();
    await openPage(page, 'en-US', 'actions');
    const rows = listRows(page, 'Corrective actions');
    await expect(rows).toHaveCount(5);
    expect(await counts(page)).toEqual({ All: '5', Open: '4', Overdue: '2', Done: '1' });
    await expect(rows.first()).toContainText('Signed: reopen it to make changes');
    await expect(rows.nth(2)).toContainText('Row 2: 视频监控端口暴露');
    await expect(page.getByRole('region', { name: /^Register rows waiting/ })).toContainText(
      'overdue and not fixed',
    );
    await screenshot(page, 'actions-page-en', false);
    await axe.check(page, 'actions page (en-US)');

    await page.getByRole('button', { name: `Mark done: ${TEXT.overdue}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark an action done' });
    await dialog.getByRole('button', { name: 'Mark as done' }).click();
    await expect(dialog.getByText('Required: please fill this in')).toBeVisible();
    await screenshot(page, 'actions-done-dialog-en', false);
    await axe.check(page, 'mark-done dialog (en-US)');
    await dialog.getByLabel('What was done').fill('Policy revised and issued');
    await dialog.getByRole('button', { name: 'Mark as done' }).click();
    await expect(dialog).toBeHidden();
    await expect(rows.filter({ hasText: TEXT.overdue })).toContainText('Finished');

    await page
      .getByRole('region', { name: /^Register rows waiting/ })
      .getByRole('button', { name: /Add a corrective action/ })
      .click();
    await expect(page.getByRole('dialog', { name: 'Add a corrective action' })).toBeVisible();
    await axe.check(page, 'new-action dialog (en-US)');
    expect(axe.checked).toHaveLength(3);
  });
});

test.describe('with sample data', () => {
  test.use({ seed: { 'settings.json': settingsIn('zh-CN', false) } });

  test('lists every action of both sample terms, counting those carried over once', async ({
    page,
  }) => {
    const welcome = page.getByRole('dialog', { name: UI['zh-CN'].firstRun });
    await welcome.getByRole('button', { name: UI['zh-CN'].sample }).click();
    await expect(welcome).toBeHidden();
    await openPage(page, 'zh-CN', 'actions');
    await expect(page.locator('.action-counts')).toBeVisible();
    const figures = await counts(page);
    // A different school each time: the figures agree with the list, whatever they are.
    expect(Number(figures['全部'])).toBe(Number(figures['未完成']) + Number(figures['已完成']));
    const total = Number(figures['全部']);
    // Last term's open actions came along into this term: listed in both, counted in this one.
    const carried = await listRows(page).filter({ hasText: '已转入下学期' }).count();
    expect(carried).toBeLessThanOrEqual(Number(figures['未完成']));
    if (total > 0) await expect(listRows(page)).toHaveCount(total + carried);
    else await expect(page.getByText('还没有整改措施。')).toBeVisible();
    await screenshot(page, 'actions-sample-zh', true);
  });
});
