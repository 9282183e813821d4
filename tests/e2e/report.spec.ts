import { execFileSync } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { AxeLog } from './axe';
import { inspectionRows } from './app-ui';
import { expect, screenshot, test } from './fixtures';
import { draft, reportSeed, signedOne, writeSignatureImage } from './report-seed';

/**
 * The printable report: the view in both languages (the report in an iframe that may run
 * nothing, under the app's CSP), its PDF as pdftotext reads it, and its pages as pictures under
 * test-results/screens/ for people to look at.
 */
// No trace: tracing puts a snapshot script into every frame, and the report's frame, which may
// run no script, refuses it with a console error (an error the fixture rightly fails on).
test.use({ viewport: { width: 1366, height: 768 }, trace: 'off' });

const SCREENS = path.join('test-results', 'screens');

/** 第 n 页 共 N 页 as pdftotext gives it (it may drop the spaces of the footer). */
const pageOf = (n: number, of: number) => new RegExp(`第\\s*${n}\\s*页\\s*共\\s*${of}\\s*页`);

/** The report's document inside the view's iframe. */
const report = (page: Page) => page.frameLocator('iframe.report-frame');

/** axe over the report's own document, opened on its own (axe does not enter the frame). */
async function checkReportDocument(page: Page, axe: AxeLog, name: string): Promise<void> {
  const html = await page.locator('iframe.report-frame').getAttribute('srcdoc');
  const alone = await page.context().newPage();
  await alone.setContent(html!);
  await axe.check(alone, name);
  await alone.close();
}

/** Saves the download, renders its pages at 60 dpi for people to look at, returns its text. */
async function readPdf(download: Download, name: string): Promise<{ text: string; pages: number }> {
  await mkdir(SCREENS, { recursive: true });
  const file = path.join('test-results', `${name}.pdf`);
  await download.saveAs(file);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+595\.\d+ x 84\d\.\d+ pts \(A4\)/);
  execFileSync('pdftoppm', ['-r', '60', '-png', file, path.join(SCREENS, name)]);
  return {
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
  };
}

test.describe('in Chinese', () => {
  test.use({ seed: reportSeed('zh-CN') });

  test('a draft: from the list to the report, in both languages, and its PDF', async ({ page }) => {
    test.setTimeout(90_000);
    const axe = new AxeLog();
    await expect(inspectionRows(page)).toHaveCount(2);
    await screenshot(page, 'report-link-list-zh', false);
    await inspectionRows(page)
      .getByRole('link', { name: '查看 2026 秋季学期 的检查报告', exact: true })
      .click();
    await expect(page).toHaveURL(new RegExp(`#/inspections/${draft.id}/@report$`));
    await expect(page.getByRole('heading', { level: 1, name: '检查报告' })).toBeVisible();
    const doc = report(page);
    await expect(doc.getByRole('heading', { level: 1 })).toContainText('网络安全自查报告');
    await expect(doc.getByText(draft.school.name).first()).toBeVisible();
    await expect(doc.locator('.watermark')).toHaveAttribute('data-text', '草稿');
    await expect(doc.getByRole('heading', { name: '三、存在的问题' })).toBeVisible();
    await expect(doc.getByRole('heading', { name: '六、审核签字' })).toBeAttached();
    // The report's own stylesheet applied inside the frame (the CSP allows it by its hash).
    await expect(doc.locator('h1')).toHaveCSS('text-align', 'center');
    await axe.check(page, 'report view, draft (zh-CN)');
    await checkReportDocument(page, axe, 'report document, draft (zh-CN)');
    await screenshot(page, 'report-view-zh', false);

    await page
      .getByRole('group', { name: '报告语言' })
      .getByRole('radio', { name: 'English' })
      .check();
    await expect(doc.getByRole('heading', { level: 1 })).toContainText(
      'Network Security Self-Inspection Report',
    );
    await expect(doc.locator('.watermark')).toHaveAttribute('data-text', 'DRAFT');
    // The app itself stays in Chinese.
    await expect(page.getByRole('heading', { level: 1, name: '检查报告' })).toBeVisible();
    await screenshot(page, 'report-view-zh-ui-en-report', false);

    await page
      .getByRole('group', { name: '报告语言' })
      .getByRole('radio', { name: '中文' })
      .check();
    await expect(doc.locator('.watermark')).toHaveAttribute('data-text', '草稿');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`检查报告-${draft.school.code}-2026-autumn.pdf`);
    await expect(page.getByRole('status').filter({ hasText: '已导出' })).toBeVisible();
    const { text, pages } = await readPdf(file, 'report-pdf-zh-draft');
    expect(text).toContain(draft.school.name);
    expect(text).toContain('网络安全自查报告');
    expect(text).toMatch(/共发现问题 \d+ 项；整改措施 \d+ 项/);
    expect(text).toContain('内容散列：未签字');
    for (let n = 1; n <= pages; n++) expect(text).toMatch(pageOf(n, pages));
  });

  test('a signed one: the drawn signature, the content hash, and no DRAFT', async ({
    page,
    dataDir,
  }) => {
    test.setTimeout(90_000);
    await writeSignatureImage(dataDir);
    await page.goto(`${page.url().split('#')[0]}#/inspections/${signedOne.id}`);
    await expect(page.getByRole('link', { name: '报告', exact: true })).toBeVisible();
    await screenshot(page, 'report-link-walk-header-zh', false);
    await page.getByRole('link', { name: '报告', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/inspections/${signedOne.id}/@report$`));
    const doc = report(page);
    await expect(doc.locator('img.sign-image')).toBeVisible();
    await expect(doc.locator('.watermark')).toHaveCount(0);
    await expect(doc.getByText(signedOne.signoff!.contentHash)).toBeVisible();
    await expect(doc.getByText('有效：内容与签字时完全一致')).toBeVisible();
    await doc.getByRole('heading', { name: '六、审核签字' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'report-view-zh-signed', false);

    // 打印 prints the report itself (the frame's document), not the app around it.
    await page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe.report-frame')!;
      (frame.contentWindow as Window & { printed?: boolean }).print = () => {
        (frame.contentWindow as Window & { printed?: boolean }).printed = true;
      };
    });
    await page.getByRole('button', { name: '打印' }).click();
    expect(
      await page.evaluate(
        () =>
          (
            document.querySelector<HTMLIFrameElement>('iframe.report-frame')!
              .contentWindow as Window & { printed?: boolean }
          ).printed,
      ),
    ).toBe(true);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 PDF' }).click();
    const { text, pages } = await readPdf(await download, 'report-pdf-zh-signed');
    expect(text).toContain(signedOne.school.name);
    expect(text).toContain('2026 春季学期');
    expect(text).toContain(signedOne.signoff!.contentHash);
    expect(text).not.toContain('草稿');
    expect(text).toMatch(pageOf(pages, pages));
  });
});

test.describe('in English', () => {
  test.use({ seed: reportSeed('en-US') });

  test('the report starts in the UI language; its PDF reads well in English', async ({
    page,
    dataDir,
  }) => {
    test.setTimeout(90_000);
    await writeSignatureImage(dataDir);
    const axe = new AxeLog();
    await page.goto(`${page.url().split('#')[0]}#/inspections/${signedOne.id}/@report`);
    await expect(page.getByRole('heading', { level: 1, name: 'Inspection report' })).toBeVisible();
    const doc = report(page);
    await expect(doc.getByRole('heading', { level: 1 })).toContainText(
      'Network Security Self-Inspection Report',
    );
    await expect(doc.getByText('Spring term 2026').first()).toBeVisible();
    await axe.check(page, 'report view, signed (en-US)');
    await checkReportDocument(page, axe, 'report document, signed (en-US)');
    await screenshot(page, 'report-view-en', false);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(
      `inspection-report-${signedOne.school.code}-2026-spring.pdf`,
    );
    const { text, pages } = await readPdf(file, 'report-pdf-en-signed');
    expect(text).toContain('1. Summary');
    expect(text).toContain('6. Sign-off');
    expect(text).toContain(signedOne.signoff!.contentHash);
    expect(text).toMatch(new RegExp(`Page\\s*${pages}\\s*of\\s*${pages}`));

    // A draft's PDF in English says DRAFT on every page.
    await page.goto(`${page.url().split('#')[0]}#/inspections/${draft.id}/@report`);
    await expect(report(page).locator('.watermark')).toHaveAttribute('data-text', 'DRAFT');
    const second = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PDF' }).click();
    const { pages: draftPages } = await readPdf(await second, 'report-pdf-en-draft');
    expect(draftPages).toBeGreaterThan(1);
    expect((await readdir(SCREENS)).filter((f) => f.startsWith('report-pdf-en-draft')).length).toBe(
      draftPages,
    );
  });
});
