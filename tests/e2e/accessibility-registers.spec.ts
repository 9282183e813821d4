import { AxeLog } from './axe';
import { inspectionRows, LANGUAGES, sectionLinks, settingsIn, UI } from './app-ui';
import { expect, test } from './fixtures';

/**
 * The list with sample data and the sections with full registers: each row action and each
 * register row's attach button is named starting with what it shows (WCAG 2.5.3), which these
 * pages are where axe finds them.
 */
test.use({ viewport: { width: 1366, height: 768 } });

for (const language of LANGUAGES) {
  const ui = UI[language];
  test.describe(`in ${language}`, () => {
    test.use({ seed: { 'settings.json': settingsIn(language, false) } });

    test('the list with sample data, and the sections with full registers', async ({ page }) => {
      const axe = new AxeLog();
      await page
        .getByRole('dialog', { name: ui.firstRun })
        .getByRole('button', { name: ui.sample })
        .click();
      await expect(inspectionRows(page)).toHaveCount(2);
      await axe.check(page, `inspections list with sample data (${language})`);
      await inspectionRows(page).first().getByRole('link').first().click();
      const links = sectionLinks(page, language);
      for (const n of [4, 5, 8]) {
        await links.nth(n - 1).click();
        await expect(
          page.getByRole('heading', { level: 2, name: new RegExp(`^${n}\\. `) }),
        ).toBeVisible();
        // Samples are made-up schools, different each time: the device and channel registers
        // always have rows (they need at least one), the notified hazards may have none.
        const rows = page.locator('.register tbody tr[data-row-id]');
        if (n !== 8) await expect(rows.first()).toBeVisible();
        else await expect(page.locator('.register').first()).toBeVisible();
        await axe.check(page, `walk section ${n} (${language})`);
      }
    });
  });
}
