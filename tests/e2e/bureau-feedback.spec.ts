import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { privateKeyFromSeed, signerOf } from '../../electron/services/signing/ed25519';
import type { Feedback } from '../../shared/bureau/feedback';
import { FEEDBACK_FORMAT } from '../../shared/bureau/feedback';
import type { Inspection } from '../../shared/inspection/schema';
import { signInspection } from '../../shared/inspection/signing';
import { demoSamples } from '../../shared/samples/demo';
import type { SampleFile } from '../../shared/samples/demo';
import { templateJson } from '../../shared/template/canonical';
import { templateSchema } from '../../shared/template/schema';
import { settingsIn } from './app-ui';
import type { Language } from './app-ui';
import { AxeLog } from './axe';
import { expect, screenshot, test as base } from './fixtures';

/**
 * 教育局意见: the school imports the bureau's feedback on a signed inspection (by mouse and by
 * keyboard), sees the decision over the inspection and each comment beside its item in both
 * languages, reopens with the bureau's reason prefilled, archives it; files that are not for this
 * app's inspections, or not feedback at all, are refused with a message.
 */
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

/** One sample school's inspection, signed by its principal's key, and the files it points at. */
function signedSample(): { inspection: Inspection; files: readonly SampleFile[] } {
  const [{ inspection, signoff, files }] = demoSamples({
    count: 1,
    seed: 'bureau-feedback-e2e',
    asOf: '2026-11-30',
    template: TEMPLATE,
    templateHash: sha256(templateJson(TEMPLATE)),
    sha256,
    signing: 'all',
  }) as [ReturnType<typeof demoSamples>[number]];
  if (!signoff) throw new Error('the sample was not signed');
  const signer = signerOf(privateKeyFromSeed(signoff.keySeed));
  return {
    inspection: signInspection(inspection, signoff.request, signoff.at, signer).inspection,
    files,
  };
}

const SAMPLE = signedSample();
const SIGNED = SAMPLE.inspection;
const FIRST_ITEM = TEMPLATE.sections[0]!.items[0]!;
const LATER_SECTION = TEMPLATE.sections[2]!;
const LATER_ITEM = LATER_SECTION.items[0]!;
const OVERALL = '网络安全责任制落实情况说明不完整，请补充后重新报送。';

function feedback(overrides: Partial<Feedback['inspection']> = {}): Feedback {
  return {
    format: FEEDBACK_FORMAT,
    bureau: { name: '海淀区教育局', district: '海淀区' },
    inspection: {
      id: SIGNED.id,
      schoolCode: SIGNED.school.code,
      schoolName: SIGNED.school.name,
      period: SIGNED.period,
      contentHash: SIGNED.signoff!.contentHash,
      signedAt: SIGNED.signoff!.signedAt,
      ...overrides,
    },
    decision: 'returned',
    comment: OVERALL,
    items: [
      { itemId: FIRST_ITEM.id, comment: '请附上领导小组的任命文件。' },
      { itemId: LATER_ITEM.id, comment: '请说明检查的范围和日期。' },
    ],
    reviewer: '王科长',
    reviewedAt: '2026-12-02T02:00:00.000Z',
  };
}

const DIR = mkdtempSync(path.join(os.tmpdir(), 'qinglang-feedback-e2e-'));
function file(name: string, content: string): string {
  const where = path.join(DIR, name);
  writeFileSync(where, content);
  return where;
}
const FILES = {
  good: file('1101-2026-autumn-教育局意见.qinglang-feedback.json', JSON.stringify(feedback())),
  otherSchool: file(
    'other-school.json',
    JSON.stringify(feedback({ schoolCode: '3101010099', schoolName: '另一所学校' })),
  ),
  notHere: file(
    'not-here.json',
    JSON.stringify(feedback({ id: '0a0b0c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d' })),
  ),
  garbage: file('garbage.json', '{"format": "qinglang-feedback/1", "bureau": '),
  newer: file('newer.json', JSON.stringify({ ...feedback(), format: 'qinglang-feedback/2' })),
};

const TEXT = {
  'zh-CN': {
    import: '导入教育局意见…',
    imported: /已导入教育局意见/,
    badge: '教育局退回',
    banner: /教育局退回：海淀区教育局/,
    comment: '教育局意见',
    goTo: `转到第 3.1 项`,
    reopen: '重新打开以修改',
    reopenDialog: '重新打开已签字的检查',
    reason: '重新打开的原因',
    confirm: '作废签字并重新打开',
    earlier: /此前签字的版本/,
    dismiss: '已阅，归档',
    archived: /已归档的意见（1）/,
    otherSchool: /这份意见是给学校 另一所学校（3101010099）的/,
    notHere: /这份意见针对的检查不在本程序中/,
    garbage: /不是有效的 JSON/,
    newer: /请更新程序后再导入/,
  },
  'en-US': {
    import: 'Import bureau feedback…',
    imported: /Bureau feedback imported/,
    badge: 'Returned by bureau',
    banner: /Returned by 海淀区教育局/,
    comment: 'Bureau comment',
    goTo: 'Go to item 3.1',
    reopen: 'Reopen to make changes',
    reopenDialog: 'Reopen a signed inspection',
    reason: 'Reason for reopening',
    confirm: 'Void the signature and reopen',
    earlier: /an earlier signed version/,
    dismiss: 'Mark read and archive',
    archived: /Archived feedback \(1\)/,
    otherSchool: /This feedback is for school 另一所学校 \(3101010099\)/,
    notHere: /This feedback is for an inspection not in this app/,
    garbage: /not valid JSON/,
    newer: /update the app to import it/,
  },
} as const;

/** The data folder, with the sample's files (binary) written before the harness starts. */
const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qinglang-e2e-'));
    for (const f of SAMPLE.files) {
      mkdirSync(path.join(dir, 'evidence', f.sha256.slice(0, 2)), { recursive: true });
      writeFileSync(path.join(dir, 'evidence', f.sha256.slice(0, 2), f.sha256), f.bytes);
    }
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

test.use({ viewport: { width: 1366, height: 768 } });

function seedIn(language: Language): Record<string, string> {
  return {
    'settings.json': settingsIn(language),
    [`inspections/${SIGNED.id}.json`]: JSON.stringify({ schemaVersion: 2, inspection: SIGNED }),
  };
}

async function importByMouse(page: Page, language: Language, which: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: TEXT[language].import }).click();
  await (await chooser).setFiles(which);
}

async function importByKeyboard(page: Page, language: Language, which: string): Promise<void> {
  // The list is there first: nothing re-renders under the keyboard while it presses Enter.
  await expect(page.locator('.inspections-table tbody tr').first()).toBeVisible();
  const button = page.getByRole('button', { name: TEXT[language].import });
  await button.focus();
  await expect(button).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(which);
}

const outcome = (page: Page) => page.getByTestId('bureau-feedback-outcome');

test.describe('中文', () => {
  test.use({ seed: seedIn('zh-CN') });

  test('imported by mouse, shown beside the items, reopened with the bureau reason, archived', async ({
    page,
  }) => {
    const ui = TEXT['zh-CN'];
    const axe = new AxeLog();
    await importByMouse(page, 'zh-CN', FILES.good);
    await expect(outcome(page)).toContainText(ui.imported);
    const row = page.locator('.inspections-table tbody tr').first();
    await expect(row.getByRole('link', { name: ui.badge })).toBeVisible();
    await axe.check(page, 'list with feedback');
    await screenshot(page, 'bureau-feedback-list-zh', false);

    await row.getByRole('link').first().click();
    const banner = page.getByTestId('bureau-review');
    await expect(banner).toContainText(ui.banner);
    await expect(banner).toContainText(OVERALL);
    const first = page.getByTestId(`bureau-comment-${FIRST_ITEM.id}`);
    await expect(first).toContainText(ui.comment);
    await expect(first).toContainText('请附上领导小组的任命文件。');
    await expect(first).toContainText('海淀区教育局');
    await axe.check(page, 'walk-through with feedback');
    await screenshot(page, 'bureau-feedback-walk-zh', false);

    // The banner's list goes to an item in another section, and brings its comment into view.
    await banner.getByRole('link', { name: ui.goTo }).click();
    const later = page.getByTestId(`bureau-comment-${LATER_ITEM.id}`);
    await expect(later).toBeFocused();
    await expect(later).toBeInViewport();
    await screenshot(page, 'bureau-feedback-item-zh', false);

    await banner.getByRole('button', { name: ui.reopen }).click();
    const dialog = page.getByRole('dialog', { name: ui.reopenDialog });
    const reason = dialog.getByRole('textbox', { name: ui.reason });
    await expect(reason).toHaveValue(`教育局退回：${OVERALL}`);
    await reason.press('End');
    await reason.pressSequentially('（已补充）');
    await screenshot(page, 'bureau-feedback-reopen-zh', false);
    await dialog.getByRole('button', { name: ui.confirm }).click();
    await expect(dialog).toBeHidden();
    await expect(banner).toContainText(ui.earlier);
    await expect(page.getByTestId(`bureau-comment-${LATER_ITEM.id}`)).toBeVisible();

    await banner.getByRole('button', { name: ui.dismiss }).click();
    await expect(page.getByTestId('bureau-review')).toHaveCount(0);
    await expect(page.getByText(ui.archived)).toBeVisible();
    await expect(page.getByTestId(`bureau-comment-${LATER_ITEM.id}`)).toHaveCount(0);
    expect(axe.checked).toHaveLength(2);
  });

  test('refuses feedback for another school, another inspection, garbage and a newer format', async ({
    page,
  }) => {
    const ui = TEXT['zh-CN'];
    for (const [which, message] of [
      [FILES.otherSchool, ui.otherSchool],
      [FILES.notHere, ui.notHere],
      [FILES.garbage, ui.garbage],
      [FILES.newer, ui.newer],
    ] as const) {
      await importByMouse(page, 'zh-CN', which);
      await expect(outcome(page)).toHaveAttribute('role', 'alert');
      await expect(outcome(page)).toContainText(message);
    }
    await importByMouse(page, 'zh-CN', FILES.otherSchool);
    await screenshot(page, 'bureau-feedback-refused-zh', false);
    await expect(page.locator('.bureau-row-badge')).toHaveCount(0);
  });
});

test.describe('English', () => {
  test.use({ seed: seedIn('en-US') });

  test('imported by keyboard, shown on the review page and beside the items', async ({ page }) => {
    const ui = TEXT['en-US'];
    const axe = new AxeLog();
    await importByKeyboard(page, 'en-US', FILES.notHere);
    await expect(outcome(page)).toContainText(ui.notHere);
    await importByKeyboard(page, 'en-US', FILES.good);
    await expect(outcome(page)).toContainText(ui.imported);
    await outcome(page).getByRole('link').click();
    const banner = page.getByTestId('bureau-review');
    await expect(banner).toContainText(ui.banner);
    await axe.check(page, 'review page with feedback');
    await screenshot(page, 'bureau-feedback-review-en', false);

    await banner.getByRole('link', { name: ui.goTo }).click();
    const later = page.getByTestId(`bureau-comment-${LATER_ITEM.id}`);
    await expect(later).toBeFocused();
    await expect(later).toContainText(ui.comment);
    await expect(later).toContainText('请说明检查的范围和日期。');
    await axe.check(page, 'walk-through with feedback');
    await screenshot(page, 'bureau-feedback-item-en', false);

    await banner.getByRole('button', { name: ui.reopen }).click();
    const dialog = page.getByRole('dialog', { name: ui.reopenDialog });
    await expect(dialog.getByRole('textbox', { name: ui.reason })).toHaveValue(
      `Returned by the bureau: ${OVERALL}`,
    );
    await dialog.getByRole('button', { name: ui.confirm }).click();
    await expect(banner).toContainText(ui.earlier);
    await screenshot(page, 'bureau-feedback-reopened-en', false);
    expect(axe.checked).toHaveLength(2);
  });
});
