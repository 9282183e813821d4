import type { Locator, Page } from '@playwright/test';
import type { Language } from './app-ui';
import {
  createInspection,
  inspectionRows,
  itemCard,
  LANGUAGES,
  openPage,
  settingsIn,
  UI,
  waitSaved,
} from './app-ui';
import { expect, screenshot, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

/** The rows of the backups table in Settings. */
function backupRows(page: Page): Locator {
  return page.locator('section[aria-labelledby="settings-backups"] tbody tr');
}

/** Answers the first item of the open inspection and notes something on it. */
async function answerFirst(page: Page, language: Language, answer: string, note: string) {
  const ui = UI[language];
  const first = itemCard(page, ui.firstItem);
  await first.getByText(answer, { exact: true }).click();
  await first.getByLabel(ui.note).fill(note);
  await waitSaved(page);
}

/**
 * Restores the backup in `row` as a person does: the pointer on 恢复到此备份, a click, the
 * browser's confirmation (which names the backup's time) accepted; the status line confirms.
 */
async function restoreWithMouse(page: Page, language: Language, row: Locator): Promise<void> {
  const ui = UI[language];
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.accept();
  });
  const when = (await row.locator('td').first().textContent()) ?? '';
  expect(when).not.toBe('');
  const restore = row.getByRole('button', { name: ui.restore });
  await restore.scrollIntoViewIfNeeded();
  const box = (await restore.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => asked).toHaveLength(1);
  expect(asked[0]).toMatch(/^confirm: /);
  expect(asked[0]).toContain(when);
  await expect(page.getByRole('status')).toContainText(ui.restored);
  await expect(page.getByRole('status')).toContainText(when);
}

for (const language of LANGUAGES) {
  const ui = UI[language];

  test.describe(`in ${language}`, () => {
    test.use({ seed: { 'settings.json': settingsIn(language) } });

    test('a backup made by hand is restored with the mouse, and what it replaced is kept', async ({
      page,
    }) => {
      // What the backup will hold: one inspection, its first item compliant, with a note.
      await createInspection(page, language);
      await answerFirst(page, language, ui.compliant, 'backed up');
      await page.getByRole('link', { name: ui.backToList }).click();
      await expect(inspectionRows(page)).toHaveCount(1);

      await openPage(page, language, 'settings');
      await page.getByRole('button', { name: ui.backupNow }).click();
      await expect(page.getByRole('status')).toContainText(ui.backupCreated);
      const manual = backupRows(page).filter({ hasText: ui.reasons.manual });
      await expect(manual).toHaveCount(1);
      await expect(manual.locator('td').nth(2)).toHaveText('1');

      // Then the data changes: the answer and the note, and a second inspection.
      await openPage(page, language, 'inspections');
      await inspectionRows(page).first().getByRole('link').first().click();
      await answerFirst(page, language, ui.nonCompliant, 'changed after the backup');
      await page.getByRole('link', { name: ui.backToList }).click();
      await createInspection(page, language);
      await page.getByRole('link', { name: ui.backToList }).click();
      await expect(inspectionRows(page)).toHaveCount(2);

      // Restored with the mouse; the browser's confirmation says which backup, and is accepted.
      await openPage(page, language, 'settings');
      await restoreWithMouse(page, language, manual);

      // What the restore replaced is a backup of its own, listed, holding both inspections.
      const before = backupRows(page).filter({ hasText: ui.reasons.beforeRestore });
      await expect(before).toHaveCount(1);
      await expect(before.locator('td').nth(2)).toHaveText('2');
      await screenshot(page, `backups-restored-${language}`, false);

      await openPage(page, language, 'inspections');
      await expect(inspectionRows(page)).toHaveCount(1);
      await inspectionRows(page).first().getByRole('link').first().click();
      const first = itemCard(page, ui.firstItem);
      await expect(first.getByRole('radio', { name: ui.compliant, exact: true })).toBeChecked();
      await expect(first.getByLabel(ui.note)).toHaveValue('backed up');

      // And the data survives a reload as restored: it is on disk, not only on screen.
      await page.reload();
      await expect(
        itemCard(page, ui.firstItem).getByRole('radio', { name: ui.compliant, exact: true }),
      ).toBeChecked();

      // Nothing was lost: going back to the before-restore backup brings the changes back.
      await openPage(page, language, 'settings');
      await restoreWithMouse(page, language, before);
      await expect(backupRows(page).filter({ hasText: ui.reasons.beforeRestore })).toHaveCount(2);
      await openPage(page, language, 'inspections');
      await expect(inspectionRows(page)).toHaveCount(2);
      const changed = inspectionRows(page).filter({ hasText: ui.findings(1) });
      await expect(changed).toHaveCount(1);
      await changed.getByRole('link').first().click();
      const again = itemCard(page, ui.firstItem);
      await expect(again.getByRole('radio', { name: ui.nonCompliant, exact: true })).toBeChecked();
      await expect(again.getByLabel(ui.note)).toHaveValue('changed after the backup');
    });
  });
}
