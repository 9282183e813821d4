import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { privateKeyFromSeed, signerOf } from '../../electron/services/signing/ed25519';
import { writeWorkbook } from '../../electron/services/workbook/workbook-write';
import type { Inspection } from '../../shared/inspection/schema';
import { signInspection } from '../../shared/inspection/signing';
import { demoSamples } from '../../shared/samples/demo';
import { templateJson } from '../../shared/template/canonical';
import { templateSchema } from '../../shared/template/schema';
import { workbookModel } from '../../shared/workbook/model';
import { AxeLog } from './axe';
import { expect, screenshot, test } from './fixtures';

/**
 * 打开工作簿: a bureau workbook opens read-only in the same views as an inspection, under a banner
 * saying what checking it found. The workbooks are made here by the app's own core (a signed
 * sample and a draft), one edited by openpyxl as a clerk's spreadsheet program would.
 */
// No trace: its snapshot script would be refused by the report's script-less frame.
test.use({ viewport: { width: 1366, height: 768 }, trace: 'off' });

const TEMPLATE = templateSchema.parse(
  JSON.parse(
    readFileSync(
      fileURLToPath(
        new URL('../../resources/templates/school-security-2026.1.json', import.meta.url),
      ),
      'utf8',
    ),
  ),
);
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** One sample school's inspection, signed by its principal's key as `qinglang demo` signs it. */
function sample(signing: 'all' | 'none'): Inspection {
  const [{ inspection, signoff }] = demoSamples({
    count: 1,
    seed: 'open-workbook-e2e',
    asOf: '2026-11-30',
    template: TEMPLATE,
    templateHash: sha256(templateJson(TEMPLATE)),
    sha256,
    signing,
  }) as [ReturnType<typeof demoSamples>[number]];
  if (!signoff) return inspection;
  const signer = signerOf(privateKeyFromSeed(signoff.keySeed));
  return signInspection(inspection, signoff.request, signoff.at, signer).inspection;
}

const DIR = mkdtempSync(path.join(os.tmpdir(), 'qinglang-open-wb-'));
const SIGNED = sample('all');
const DRAFT = sample('none');
const EDITED_VALUE = '改过的内容';

function writeWorkbookOf(inspection: Inspection, name: string): string {
  const file = path.join(DIR, name);
  writeFileSync(file, writeWorkbook(workbookModel(inspection, TEMPLATE, 'zh-CN', '0.1.0-e2e')));
  return file;
}

const FILES = {
  signed: writeWorkbookOf(SIGNED, '已签字.xlsx'),
  draft: writeWorkbookOf(DRAFT, '草稿.xlsx'),
  edited: path.join(DIR, '被改过.xlsx'),
  text: path.join(DIR, '其实是文本.xlsx'),
};
writeFileSync(FILES.text, '这只是一个改了扩展名的文本文件。\n');
/** The items sheet's (second sheet's) C3 changed and saved by openpyxl; returns its name. */
const EDITED_SHEET = execFileSync(
  '/usr/bin/python3',
  [
    '-c',
    `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[1]
ws['C3'] = sys.argv[3]
wb.save(sys.argv[2])
print(ws.title)`,
    FILES.signed,
    FILES.edited,
    EDITED_VALUE,
  ],
  { encoding: 'utf8' },
).trim();

const openButton = (page: Page, name = '打开工作簿…') =>
  page.getByRole('button', { name, exact: true });
const banner = (page: Page) => page.locator('.workbook-banner');

/** Opens a file through the button's file chooser, with the mouse or the keyboard. */
async function openWorkbook(page: Page, file: string, how: 'mouse' | 'keyboard', name?: string) {
  const chooser = page.waitForEvent('filechooser');
  if (how === 'mouse') await openButton(page, name).click();
  else {
    await openButton(page, name).focus();
    await page.keyboard.press('Enter');
  }
  await (await chooser).setFiles(file);
}

async function toEnglish(page: Page) {
  // The switch follows the saved setting, so it is clicked, not checked.
  const english = page.locator('.topbar').getByRole('radio', { name: 'English' });
  await english.click();
  await expect(english).toBeChecked();
}

test('a signed workbook opens read-only in the walk-through, review, audit trail and report, in both languages', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const axe = new AxeLog();
  await openWorkbook(page, FILES.signed, 'mouse');
  await expect(page).toHaveURL(/#\/workbooks\/[0-9a-f-]+$/);
  await expect(banner(page)).toHaveAttribute('data-status', 'signed');
  await expect(banner(page)).toContainText('签字有效：与校长签字时完全一致');
  await expect(banner(page)).toContainText(`签字人 ${SIGNED.signoff!.signer}`);
  await expect(banner(page)).toContainText('密钥指纹');
  await expect(banner(page)).toContainText('文件：已签字.xlsx');
  // The walk-through, as for a signed inspection: nothing to change, no save state, no reopen.
  await expect(page.getByRole('heading', { level: 1 })).toContainText(SIGNED.school.name);
  await expect(page.locator('.walk-section .item-card').first()).toBeVisible();
  await expect(page.locator('.walk-section input[type=radio]:not([disabled])')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /附加文件|附件/ })).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '撤销签字并重新打开' })).toHaveCount(0);
  await axe.check(page, 'opened workbook, walk-through (zh-CN)');
  await screenshot(page, 'open-workbook-walk-zh', false);

  // The sections move within the workbook.
  const sections = page.getByRole('navigation', { name: '章节', exact: true }).getByRole('link');
  await sections.nth(2).click();
  await expect(page).toHaveURL(/#\/workbooks\/[0-9a-f-]+\/[A-Za-z0-9_-]+$/);
  await expect(banner(page)).toBeVisible();

  await page.getByRole('link', { name: '审阅与签字', exact: true }).click();
  await expect(page).toHaveURL(/#\/workbooks\/[0-9a-f-]+\/@review$/);
  await expect(page.getByRole('heading', { level: 1, name: '审阅与签字' })).toBeVisible();
  await expect(page.locator('.signed-panel')).toContainText(SIGNED.signoff!.signer);
  await expect(page.getByRole('button', { name: /重新打开/ })).toHaveCount(0);
  // Nothing to export from a copy: the school exports its own inspection.
  await expect(page.getByRole('button', { name: /导出/ })).toHaveCount(0);
  await expect(banner(page)).toHaveAttribute('data-status', 'signed');
  await axe.check(page, 'opened workbook, review (zh-CN)');
  await screenshot(page, 'open-workbook-review-zh', false);

  await page.getByRole('link', { name: /报告/ }).first().click();
  await expect(page).toHaveURL(/#\/workbooks\/[0-9a-f-]+\/@report$/);
  const report = page.frameLocator('iframe.report-frame');
  await expect(report.locator('body')).toContainText('有效：内容与签字时完全一致');
  await expect(page.getByRole('button', { name: /导出/ })).toHaveCount(0);
  await expect(banner(page)).toBeVisible();
  await screenshot(page, 'open-workbook-report-zh', false);

  await page.goto(page.url().replace('@report', '@audit'));
  await expect(page.getByRole('heading', { level: 1, name: '经过记录' })).toBeVisible();
  await expect(page.locator('.audit-list li').first()).toBeVisible();
  await expect(banner(page)).toBeVisible();
  await axe.check(page, 'opened workbook, audit trail (zh-CN)');
  await screenshot(page, 'open-workbook-audit-zh', false);

  await toEnglish(page);
  await expect(banner(page)).toContainText('Signature valid: exactly as the principal signed it');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await page
    .getByRole('link', { name: /Back to/ })
    .first()
    .click();
  await expect(page).toHaveURL(/#\/workbooks\/[0-9a-f-]+$/);
  await expect(banner(page)).toContainText(`signed by ${SIGNED.signoff!.signer}`);
  await expect(banner(page)).toContainText('key fingerprint');
  await axe.check(page, 'opened workbook, walk-through (en-US)');
  await screenshot(page, 'open-workbook-walk-en', false);
  await page.getByRole('link', { name: 'Review and sign-off', exact: true }).click();
  await expect(page.locator('.signed-panel')).toBeVisible();
  await expect(banner(page)).toBeVisible();
  await screenshot(page, 'open-workbook-review-en', false);

  // Closing goes back to the list; the workbook is forgotten.
  const address = page.url();
  await banner(page).getByRole('button', { name: 'Close workbook' }).click();
  await expect(page).toHaveURL(/#\/inspections$/);
  await page.goto(address);
  await expect(page.getByRole('alert')).toContainText('no longer open');
  expect(axe.checked).toHaveLength(4);
});

test('an evidence file is named, and opening it says it is not in the workbook', async ({
  page,
}) => {
  await openWorkbook(page, FILES.signed, 'mouse');
  await expect(banner(page)).toBeVisible();
  const sections = page.getByRole('navigation', { name: '章节', exact: true }).getByRole('link');
  const files = page.locator('.walk-section .evidence-file button.link');
  for (let i = 0; (await files.count()) === 0; i += 1) {
    expect(i, 'a section with evidence').toBeLessThan(await sections.count());
    await sections.nth(i).click();
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  }
  await expect(page.locator('.walk-section img.evidence-thumb')).toHaveCount(0);
  const name = (await files.first().textContent())!;
  await files.first().click();
  await expect(page.locator('.status-line')).toContainText(`附件“${name}”不在工作簿中`);
});

test('a workbook with an edited cell opens by keyboard under a red banner naming the cell', async ({
  page,
}) => {
  const axe = new AxeLog();
  await openWorkbook(page, FILES.edited, 'keyboard');
  await expect(banner(page)).toHaveAttribute('data-status', 'cells-differ');
  await expect(banner(page)).toContainText('已被改动：工作簿中的单元格与签字内容不符');
  const row = banner(page).locator('tbody tr').first();
  await expect(row).toContainText(EDITED_SHEET);
  await expect(row).toContainText('C3');
  await expect(row).toContainText(EDITED_VALUE);
  await axe.check(page, 'opened workbook, cells differ (zh-CN)');
  await screenshot(page, 'open-workbook-edited-zh', false);

  // Its report never shows the signature as valid.
  await page.getByRole('link', { name: '报告', exact: true }).click();
  const report = page.frameLocator('iframe.report-frame');
  await expect(report.locator('body')).toContainText('不成立：签字之后内容被改动过');
  await expect(report.locator('body')).not.toContainText('有效：内容与签字时完全一致');

  await toEnglish(page);
  await page
    .getByRole('link', { name: /Back to/ })
    .first()
    .click();
  await expect(banner(page)).toContainText('Altered: cells in the workbook differ');
  await expect(banner(page).locator('thead')).toContainText('Signed');
  await screenshot(page, 'open-workbook-edited-en', false);
});

test('a draft opens under an amber banner; a text file renamed .xlsx says why and opens nothing', async ({
  page,
}) => {
  await openWorkbook(page, FILES.text, 'mouse');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('无法打开“其实是文本.xlsx”');
  await expect(alert).toContainText('不是 Excel 工作簿（.xlsx）');
  await expect(page).toHaveURL(/#\/inspections$|\/$/);
  await expect(banner(page)).toHaveCount(0);
  await screenshot(page, 'open-workbook-refused-zh', false);
  await alert.getByRole('button').click();
  await expect(alert).toHaveCount(0);

  await openWorkbook(page, FILES.draft, 'keyboard');
  await expect(banner(page)).toHaveAttribute('data-status', 'draft');
  await expect(banner(page)).toContainText('草稿：未签字');
  await page.getByRole('link', { name: '审阅与签字', exact: true }).click();
  await expect(page).toHaveURL(/@review$/);
  await expect(page.getByRole('heading', { level: 1, name: '审阅与签字' })).toBeVisible();
  await expect(banner(page)).toHaveAttribute('data-status', 'draft');
  // Nothing to hand over or sign in a workbook.
  await expect(page.getByRole('button', { name: /交给校长|签字/ })).toHaveCount(0);
  await screenshot(page, 'open-workbook-draft-review-zh', false);

  await toEnglish(page);
  await page.getByRole('button', { name: 'Close workbook' }).click();
  await openWorkbook(page, FILES.text, 'mouse', 'Open workbook…');
  await expect(page.getByRole('alert')).toContainText('“其实是文本.xlsx” cannot be opened');
  await expect(page.getByRole('alert')).toContainText('Not an Excel workbook (.xlsx)');
  await screenshot(page, 'open-workbook-refused-en', false);
});
