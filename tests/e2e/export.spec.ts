import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Download, Page } from '@playwright/test';
import { readZip } from '../../electron/services/zip/zip-reader';
import { AxeLog } from './axe';
import { expect, screenshot, test } from './fixtures';
import { draft, reportSeed, signedOne, writeSignatureImage } from './report-seed';

/**
 * 导出报送文件: from the review and report pages, the bureau workbook and the submission package
 * of a signed inspection and of a draft, in both languages, caught as the harness's downloads
 * and checked as `qinglang verify` checks them. Screenshots of the panel and of the status line
 * after saving go to test-results/screens/.
 */
// No trace: the report page's frame may run no script, and tracing would put one in it.
test.use({ viewport: { width: 1366, height: 768 }, trace: 'off' });

const UI = {
  'zh-CN': {
    button: '导出报送文件',
    panel: '导出给区教育局',
    language: '文件语言',
    workbook: /^工作簿（\.xlsx）/,
    package: /^报送材料（\.zip）/,
    signedNote: /已由校长签字/,
    draftNote: /尚未签字.*草稿/,
    downloaded: '已下载',
    draftSuffix: '（草稿，不能作为报送材料）',
    workbookName: '检查工作簿',
    packageName: '报送材料',
  },
  'en-US': {
    button: 'Export for the bureau',
    panel: 'Export for the district bureau',
    language: 'Language of the files',
    workbook: /^Workbook \(\.xlsx\)/,
    package: /^Submission package \(\.zip\)/,
    signedNote: /Signed by the principal/,
    draftNote: /Not signed yet.*DRAFT/,
    downloaded: 'Downloaded',
    draftSuffix: ' (a draft: not for the bureau)',
    workbookName: 'inspection-workbook',
    packageName: 'submission',
  },
} as const;
type Language = keyof typeof UI;

const run = promisify(execFile);
const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(checkout, 'out/main/cli.js');

/** `qinglang verify FILE` (the built CLI), as the bureau checks what a school sent. */
async function verify(file: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [CLI, 'verify', file], { encoding: 'utf8' });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

/** The names of a workbook's sheets: the language it was written in shows in them. */
function sheetNames(bytes: Buffer): string[] {
  const zip = readZip(bytes);
  if (!zip.ok) throw new Error(zip.reason);
  const xml = Buffer.from(zip.entries.find((e) => e.name === 'xl/workbook.xml')!.data).toString();
  return [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]!);
}

const goTo = async (page: Page, hash: string) => {
  await page.goto(`${page.url().split('#')[0]}${hash}`);
};

/** Opens the panel with the keyboard, as the first choice takes the focus. */
async function openPanel(page: Page, language: Language) {
  const ui = UI[language];
  const button = page.getByRole('button', { name: ui.button });
  await button.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: ui.panel });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('button', { name: ui.workbook })).toBeFocused();
  return { button, panel };
}

/** Chooses a kind in the open panel and returns the download it becomes, saved to a file. */
async function exportAs(
  page: Page,
  language: Language,
  kind: 'workbook' | 'package',
  as: Language,
) {
  const ui = UI[language];
  const { panel } = await openPanel(page, language);
  await panel.getByRole('radio', { name: as === 'zh-CN' ? '中文' : 'English' }).check();
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: ui[kind] }).click();
  return bytesOf(await download);
}

async function bytesOf(download: Download): Promise<{ name: string; file: string; bytes: Buffer }> {
  const file = path.join(checkout, 'test-results', 'exports', download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), file, bytes: await readFile(file) };
}

const stem = (period: string) => `${signedOne.school.code}-${period}`;

/** The first sheet is the summary, named in the workbook's language. */
const SUMMARY: Record<Language, string> = { 'zh-CN': '汇总', 'en-US': 'Summary' };

for (const language of ['zh-CN', 'en-US'] as const) {
  const ui = UI[language];
  const other: Language = language === 'zh-CN' ? 'en-US' : 'zh-CN';
  const tag = language === 'zh-CN' ? 'zh' : 'en';

  test.describe(`in ${language}`, () => {
    test.use({ seed: reportSeed(language) });

    test('a signed inspection: its workbook and its package, from the review page, verify as signed', async ({
      page,
      dataDir,
    }) => {
      test.setTimeout(120_000);
      const axe = new AxeLog();
      await writeSignatureImage(dataDir);
      await goTo(page, `#/inspections/${signedOne.id}/@review`);

      // The panel: keyboard in, Escape out with the focus back on its button.
      const { button, panel } = await openPanel(page, language);
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      await expect(panel).toHaveAccessibleDescription(ui.signedNote);
      await axe.check(page, `export panel, signed (${language})`);
      await screenshot(page, `export-panel-signed-${tag}`, false);
      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();
      await expect(button).toBeFocused();

      const workbook = await exportAs(page, language, 'workbook', language);
      expect(workbook.name).toBe(`${ui.workbookName}-${stem('2026-spring')}.xlsx`);
      expect(sheetNames(workbook.bytes)[0]).toBe(SUMMARY[language]);
      const verified = await verify(workbook.file);
      expect(verified.code, verified.out).toBe(0);
      const status = page.getByRole('status').filter({ hasText: ui.downloaded });
      await expect(status).toHaveText(new RegExp(`${ui.downloaded} ${workbook.name}`));
      await expect(button).toBeFocused();
      await screenshot(page, `export-status-signed-${tag}`, false);

      // The package, its files in the other language.
      const pack = await exportAs(page, language, 'package', other);
      expect(pack.name).toBe(`${UI[other].packageName}-${stem('2026-spring')}.zip`);
      const packed = await verify(pack.file);
      expect(packed.code, packed.out).toBe(0);
      const inside = readZip(pack.bytes);
      if (!inside.ok) throw new Error(inside.reason);
      const names = inside.entries.map((e) => e.name);
      expect(names).toContain('manifest.json');
      expect(names).toContain(`${UI[other].workbookName}-${stem('2026-spring')}.xlsx`);
      await expect(page.getByRole('status').filter({ hasText: pack.name })).toBeVisible();
      expect(axe.checked).toHaveLength(1);
    });

    test("a draft: exported from the report page in the report's language, and said to be a draft", async ({
      page,
    }) => {
      test.setTimeout(90_000);
      const axe = new AxeLog();
      await goTo(page, `#/inspections/${draft.id}/@report`);
      await expect(page.locator('iframe.report-frame')).toBeVisible();
      // The report shown in the other language: the files start in it too.
      await page
        .getByRole('group', { name: language === 'zh-CN' ? '报告语言' : 'Report language' })
        .getByRole('radio', { name: other === 'zh-CN' ? '中文' : 'English' })
        .check();
      const { panel } = await openPanel(page, language);
      await expect(panel).toHaveAccessibleDescription(ui.draftNote);
      await expect(
        panel.getByRole('radio', { name: other === 'zh-CN' ? '中文' : 'English' }),
      ).toBeChecked();
      await axe.check(page, `export panel, draft (${language})`);
      await screenshot(page, `export-panel-draft-${tag}`, false);
      const download = page.waitForEvent('download');
      await panel.getByRole('button', { name: ui.workbook }).click();
      const workbook = await bytesOf(await download);
      expect(workbook.name).toBe(`${UI[other].workbookName}-${draft.school.code}-2026-autumn.xlsx`);
      expect(sheetNames(workbook.bytes)[0]).toBe(SUMMARY[other]);
      const verified = await verify(workbook.file);
      expect(verified.code, verified.out).toBe(1);
      expect(verified.out).toMatch(/草稿|draft/i);
      await expect(
        page.getByRole('status').filter({ hasText: `${workbook.name}${ui.draftSuffix}` }),
      ).toBeVisible();
      await screenshot(page, `export-status-draft-${tag}`, false);
    });
  });
}
