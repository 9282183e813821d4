import type { Page } from '@playwright/test';
import { AxeLog } from './axe';
import type { Language } from './app-ui';
import { inspectionRows, LANGUAGES, openPage, sectionLinks, settingsIn, UI } from './app-ui';
import { longTrailSeed } from './audit-seed';
import { expect, test } from './fixtures';
import { blockers, drawWithMouse, SIGN_UI } from './signoff-helpers';
import { BLANK_ID, READY_ID, readySeed } from './signoff-seed';

/**
 * axe-core over every page a person reaches, in both languages, at the laptop size schools use.
 * A serious or critical violation (a control without a name, text a low-vision reader cannot
 * make out, a dialog a screen reader cannot leave) fails the page; each page is named in the
 * failure with a compact list of rule, impact and element.
 */
test.use({ viewport: { width: 1366, height: 768 } });

function report(log: AxeLog, language: Language): void {
  console.log(`axe (${language}): ${log.checked.length} pages checked: ${log.checked.join(' · ')}`);
}

/** The given sections (numbered from 1) of the open inspection, by the section navigation. */
async function checkSections(
  page: Page,
  language: Language,
  axe: AxeLog,
  sections: readonly number[],
): Promise<void> {
  const links = sectionLinks(page, language);
  await expect(links).toHaveCount(9);
  for (const n of sections) {
    await links.nth(n - 1).click();
    await expect(links.nth(n - 1)).toHaveAttribute('aria-current', 'page');
    await expect(
      page.getByRole('heading', { level: 2, name: new RegExp(`^${n}\\. `) }),
    ).toBeVisible();
    await expect(page.locator('.item-card').first()).toBeVisible();
    await axe.check(page, `walk section ${n} (${language})`);
  }
}

for (const language of LANGUAGES) {
  const ui = UI[language];

  test.describe(`in ${language}`, () => {
    test.describe('before the first run', () => {
      test.use({ seed: { 'settings.json': settingsIn(language, false) } });

      test('the first-run and new-inspection dialogs, and the walk-through', async ({ page }) => {
        test.setTimeout(90_000);
        const axe = new AxeLog();
        const welcome = page.getByRole('dialog', { name: ui.firstRun });
        await expect(welcome).toBeVisible();
        await axe.check(page, `first-run dialog (${language})`);
        await welcome.getByRole('button', { name: ui.sample }).click();
        await expect(welcome).toBeHidden();
        await expect(inspectionRows(page)).toHaveCount(2);

        await page.getByRole('button', { name: ui.newInspection, exact: true }).click();
        const dialog = page.getByRole('dialog', { name: ui.newInspection });
        await expect(dialog).toBeVisible();
        await axe.check(page, `new-inspection dialog (${language})`);
        await dialog.getByRole('button', { name: ui.cancel }).click();
        await expect(dialog).toBeHidden();

        // The later sample term: answered, with findings, corrective actions and full registers.
        await inspectionRows(page).first().getByRole('link').first().click();
        await checkSections(page, language, axe, [1, 2, 3, 6, 7, 9]);

        // Every corrective action of both terms, overdue ones first.
        await openPage(page, language, 'actions');
        await expect(page.locator('.actions-table tbody tr').first()).toBeVisible();
        await axe.check(page, `整改 / actions with sample data (${language})`);
        report(axe, language);
        expect(axe.checked).toHaveLength(9);
      });
    });

    test.describe('past the first run', () => {
      test.use({ seed: { 'settings.json': settingsIn(language) } });

      test('the empty lists, templates, settings with backups, and the page to come', async ({
        page,
      }) => {
        const axe = new AxeLog();
        await expect(page.getByText(ui.empty)).toBeVisible();
        await axe.check(page, `inspections list, empty (${language})`);

        await openPage(page, language, 'templates');
        await axe.check(page, `templates list (${language})`);
        await page
          .getByRole('row', { name: new RegExp(`${ui.builtIn} .* 2026\\.1 `) })
          .getByRole('button', { name: ui.view })
          .click();
        await expect(page.getByRole('region', { name: ui.builtIn })).toBeVisible();
        await axe.check(page, `template viewer (${language})`);

        await openPage(page, language, 'settings');
        await page.getByRole('button', { name: ui.backupNow }).click();
        await expect(page.getByRole('button', { name: ui.restore }).first()).toBeVisible();
        await axe.check(page, `settings with backups (${language})`);

        await openPage(page, language, 'actions');
        await expect(page.getByText(ui.noActions)).toBeVisible();
        await axe.check(page, `整改 / actions, none yet (${language})`);
        await openPage(page, language, 'bureau');
        await axe.check(page, `汇总 / bureau placeholder (${language})`);
        report(axe, language);
        expect(axe.checked).toHaveLength(6);
      });
    });
  });
}

/** The audit trail of a signed inspection of 5,000 entries, with two after the signing. */
const TRAIL = { 'zh-CN': '经过记录', 'en-US': 'Audit trail' } as const;
const RESTORE = { 'zh-CN': /^恢复/, 'en-US': /^Restore/ } as const;
const TRASH = { 'zh-CN': /（移入回收站）$/, 'en-US': /\(move to the trash\)$/ } as const;
const STATE = { 'zh-CN': '状态', 'en-US': 'State' } as const;

for (const language of LANGUAGES) {
  test.describe(`the audit trail in ${language}`, () => {
    test.use({ seed: longTrailSeed(language) });

    test('a signed inspection: its trail, and what came after the signing', async ({ page }) => {
      const axe = new AxeLog();
      await inspectionRows(page).first().getByRole('button', { name: TRASH[language] }).click();
      await page.getByLabel(STATE[language]).selectOption('trash');
      await inspectionRows(page).first().getByRole('button', { name: RESTORE[language] }).click();
      await page.getByLabel(STATE[language]).selectOption('all');
      await inspectionRows(page).first().getByRole('link').first().click();
      await page.getByRole('link', { name: TRAIL[language], exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: TRAIL[language] })).toBeVisible();
      await expect(page.locator('.audit-after-badge')).toHaveCount(2);
      await axe.check(page, `audit trail (${language})`);
      report(axe, language);
      expect(axe.checked).toHaveLength(1);
    });
  });
}

/** The review and sign-off screens: blockers, the form and its messages, signed, the lock. */
for (const language of LANGUAGES) {
  test.describe(`review and sign-off in ${language}`, () => {
    test.use({ seed: readySeed(language) });

    test('the review page with blockers, the sign-off form, a signed inspection and reopening', async ({
      page,
      harness,
    }) => {
      test.setTimeout(90_000);
      const axe = new AxeLog();
      const words = SIGN_UI[language];
      await page.goto(`${harness.url}#/inspections/${BLANK_ID}/@review`);
      await expect(blockers(page).first()).toBeVisible();
      await axe.check(page, `review with blockers (${language})`);

      await page.goto(`${harness.url}#/inspections/${READY_ID}/@review`);
      await page.getByRole('button', { name: words.submit }).click();
      await expect(page.getByText(words.padEmpty)).toBeVisible();
      await axe.check(page, `sign-off form with its messages (${language})`);
      await page.getByLabel(words.signer).fill(language === 'zh-CN' ? '王校长' : 'Principal Wang');
      await page.getByLabel(words.title).fill(language === 'zh-CN' ? '校长' : 'Principal');
      await drawWithMouse(page, language);
      await page.getByRole('button', { name: words.submit }).click();
      await expect(
        page.getByRole('region', { name: words.signed }).getByRole('status'),
      ).toContainText(words.valid);
      await axe.check(page, `signed, verified (${language})`);

      await page.getByRole('link', { name: words.back }).click();
      const banner = page.getByRole('region', { name: words.banner });
      await expect(banner.getByRole('status')).toContainText(words.valid);
      await axe.check(page, `locked walk-through (${language})`);
      await banner.getByRole('button', { name: words.reopen }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await axe.check(page, `reopen dialog (${language})`);
      report(axe, language);
      expect(axe.checked).toHaveLength(5);
    });
  });
}
