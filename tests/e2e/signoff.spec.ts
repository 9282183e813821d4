import { cp, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createInspection, inspectionRows, openPage } from './app-ui';
import { expect, screenshot, test } from './fixtures';
import { startHarnessProcess } from './harness-process';
import {
  blockers,
  drawWithMouse,
  drawWithTouch,
  fileOf,
  localDate,
  openReview,
  pngSize,
  resolveBlockers,
  SIGN_UI,
} from './signoff-helpers';
import { BLANK_ID, READY_ID, readySeed } from './signoff-seed';
import { waitSaved, walkEveryItem } from './walk-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

const zh = SIGN_UI['zh-CN'];

interface Stored {
  state: string;
  signoff?: {
    signer: string;
    title: string;
    method: string;
    comment?: string;
    image: { sha256: string; type: string };
  };
  reopened: { reason: string; signoff: { signer: string } }[];
  audit: { event: string; detail?: string }[];
}

async function stored(dataDir: string): Promise<Stored & { id: string }> {
  const files = (await readdir(path.join(dataDir, 'inspections'))).filter((f) =>
    f.endsWith('.json'),
  );
  expect(files).toHaveLength(1);
  return JSON.parse(await readFile(path.join(dataDir, 'inspections', files[0]!), 'utf8'))
    .inspection as Stored & { id: string };
}

/** What the Node side answers an edit sent straight through the API, past the UI. */
function sendThroughApi(page: Page, id: string, change: unknown) {
  return page.evaluate(
    ([inspectionId, edit]) =>
      (
        window as unknown as { api: { inspections: { update(i: unknown): Promise<unknown> } } }
      ).api.inspections.update({ id: inspectionId, changes: [edit] }),
    [id, change] as const,
  );
}

test('review, hand over, sign drawn, the lock, reopen, and sign again on paper', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(240_000);
  await createInspection(page, 'zh-CN');
  await walkEveryItem(page);
  await waitSaved(page);
  const id = (await stored(dataDir)).id;
  await openReview(page, 'zh-CN');

  // Blockers: each one a link, and handing over waits for them, in the UI and at the door.
  await expect(blockers(page).first()).toBeVisible();
  const handOver = page.getByRole('button', { name: zh.handOver });
  await expect(handOver).toBeDisabled();
  await expect(page.getByText(/还有 \d+ 处问题需要先处理/)).toBeVisible();
  expect(await sendThroughApi(page, id, { kind: 'state', to: 'ready' })).toMatchObject({
    ok: false,
    error: { code: 'signoff-blocked' },
  });
  await expect(page.getByText('部分符合，还没有整改措施')).toBeVisible();
  await expect(page.getByText('不符合，还没有整改措施')).toBeVisible();
  await screenshot(page, 'review-blockers-zh');
  await resolveBlockers(page, 'zh-CN');

  await expect(page.getByText(zh.nothingBlocks)).toBeVisible();
  await handOver.click();
  await expect(page.locator('.review-header .state')).toHaveText(zh.states.ready);
  const form = page.getByRole('region', { name: '校长签字' });
  await expect(form).toBeVisible();

  // Bad input: nothing filled in, no signature, a date after today.
  await form.getByRole('button', { name: zh.submit }).click();
  await expect(form.getByText(zh.required)).toHaveCount(2);
  await expect(form.getByText(zh.padEmpty)).toBeVisible();
  await form.getByLabel(zh.signer).fill('王校长');
  await form.getByLabel(zh.title).fill('校长');
  await form.getByLabel(zh.date).fill(localDate(1));
  await form.getByLabel(zh.comment).fill('同意，按期整改。');
  await form.getByRole('button', { name: zh.submit }).click();
  await expect(form.getByText(zh.futureDate)).toBeVisible();
  await form.getByLabel(zh.date).fill(localDate(0));

  // Drawn with the mouse and with a finger; undo, redo and clear work by whole strokes.
  const undo = form.getByRole('button', { name: zh.undo });
  const redo = form.getByRole('button', { name: zh.redo });
  await expect(undo).toBeDisabled();
  await drawWithMouse(page, 'zh-CN');
  await expect(form.getByText(zh.padEmpty)).toHaveCount(0);
  await drawWithTouch(page, 'zh-CN');
  await undo.click();
  await undo.click();
  await expect(undo).toBeDisabled();
  await redo.click();
  await redo.click();
  await expect(redo).toBeDisabled();
  await form.getByRole('button', { name: zh.clear }).click();
  await expect(undo).toBeDisabled();
  await redo.click();
  await redo.click();
  await screenshot(page, 'signoff-drawn-zh');
  await form.getByRole('button', { name: zh.submit }).click();

  const signed = page.getByRole('region', { name: zh.signed });
  await expect(signed).toBeVisible();
  await expect(signed.getByRole('status')).toContainText(zh.valid);
  await expect(signed.getByRole('status')).toContainText(zh.ownKey);
  await expect(signed.getByRole('img', { name: '王校长 的手写签名' })).toBeVisible();
  let file = await stored(dataDir);
  expect(file.state).toBe('signed');
  expect(file.signoff).toMatchObject({ signer: '王校长', title: '校长', method: 'drawn' });
  expect(file.signoff!.comment).toBe('同意，按期整改。');
  const sha = file.signoff!.image.sha256;
  const png = pngSize(await readFile(path.join(dataDir, 'evidence', sha.slice(0, 2), sha)));
  // Cut to the ink: smaller than the whole pad at twice its size, never empty.
  expect(png.width).toBeGreaterThan(100);
  expect(png.width).toBeLessThan(1200);
  expect(png.height).toBeLessThan(400);
  await screenshot(page, 'review-signed-zh', false);

  await expectChangedElsewhere(page, dataDir, id);

  // The lock: no edit control anywhere in the walk-through, and an edit sent anyway is refused.
  await page.getByRole('link', { name: '← 返回填写' }).click();
  const banner = page.getByRole('region', { name: zh.banner });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('status')).toContainText(zh.valid);
  await expectLocked(page);
  expect(
    await sendThroughApi(page, id, { kind: 'note', itemId: 'org_leading_group', note: '改' }),
  ).toMatchObject({ ok: false, error: { code: 'inspection-signed' } });
  await screenshot(page, 'walk-locked-zh', false);
  await page.getByRole('navigation', { name: '章节' }).getByRole('link').nth(3).click();
  await expect(page.locator('.register').first()).toBeVisible();
  await expectLocked(page);
  await screenshot(page, 'walk-locked-register-zh', false);

  // Reopen: a reason is required; the signature is voided and kept.
  await banner.getByRole('button', { name: zh.reopen }).click();
  const dialog = page.getByRole('dialog', { name: '重新打开已签字的检查' });
  await dialog.getByRole('button', { name: zh.reopenConfirm }).click();
  await expect(dialog.getByText(zh.required)).toBeVisible();
  await dialog.getByLabel(zh.reopenReason).fill('补充第 3 章的佐证材料');
  await dialog.getByRole('button', { name: zh.reopenConfirm }).click();
  await expect(dialog).toBeHidden();
  await expect(banner).toBeHidden();
  await expect(page.getByRole('button', { name: /\+ 添加一行/ }).first()).toBeEnabled();
  file = await stored(dataDir);
  expect(file.state).toBe('draft');
  expect(file.reopened).toMatchObject([
    { reason: '补充第 3 章的佐证材料', signoff: { signer: '王校长' } },
  ]);

  // Again, on paper, with this computer's key gone meanwhile: a new one only when asked.
  await openReview(page, 'zh-CN');
  await expect(page.getByRole('region', { name: '作废的签字（1）' })).toContainText(
    '补充第 3 章的佐证材料',
  );
  await page.getByRole('button', { name: zh.handOver }).click();
  await form.getByLabel(zh.signer).fill('王校长');
  await form.getByLabel(zh.title).fill('校长');
  await form.getByText(zh.paper).click();
  await form.getByRole('button', { name: zh.submit }).click();
  await expect(form.getByText('请选择签字盖章页的扫描件。')).toBeVisible();
  let chooser = page.waitForEvent('filechooser');
  await form.getByRole('button', { name: zh.chooseScan }).click();
  await (await chooser).setFiles(fileOf('说明.txt', 'text/plain', '不是扫描件'));
  await expect(form.getByRole('alert').filter({ hasText: /不是 PDF、PNG 或 JPEG/ })).toBeVisible();
  chooser = page.waitForEvent('filechooser');
  await form.getByRole('button', { name: zh.chooseScan }).click();
  await (await chooser).setFiles(fileOf('签字页.pdf', 'application/pdf', '%PDF-1.4\n%%EOF\n'));
  await expect(form.getByText('签字页.pdf')).toBeVisible();
  await unlink(path.join(dataDir, 'keys', 'signing-key.pem'));
  await form.getByRole('button', { name: zh.submit }).click();
  await expect(form.getByRole('alert').filter({ hasText: '签名密钥不见了' })).toBeVisible();
  page.once('dialog', (d) => {
    expect(d.message()).toContain('以前签字的检查仍可用旧公钥验证');
    void d.accept();
  });
  await form.getByRole('button', { name: '生成新密钥并签字' }).click();
  await expect(signed).toBeVisible();
  await expect(signed).toContainText('纸质签字');
  file = await stored(dataDir);
  expect(file.signoff).toMatchObject({ method: 'paper', image: { type: 'application/pdf' } });
  expect(file.audit.map((e) => e.event)).toEqual(
    expect.arrayContaining(['state', 'signed', 'reopened']),
  );

  // The list: signed, and opened to be read, not to edit.
  await openPage(page, 'zh-CN', 'inspections');
  const row = inspectionRows(page).first();
  await expect(row).toContainText(zh.states.signed);
  await expect(row.getByRole('link', { name: /^查看 .+（已签字，只读）$/ })).toBeVisible();
  await expect(row.getByRole('link', { name: /^打开/ })).toHaveCount(0);

  // Settings: the new key, and the lost one in the history.
  await openPage(page, 'zh-CN', 'settings');
  const key = page.getByRole('region', { name: '签名密钥' });
  await expect(key.getByText('指纹').first()).toBeVisible();
  await expect(key.getByRole('table')).toContainText('密钥丢失');
  await key.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-key-zh', false);
});

/** Nothing in the open section can be changed: no edit button, every field read-only. */
async function expectLocked(page: Page): Promise<void> {
  const section = page.locator('.walk-section');
  await expect(section.locator('.item-card').first()).toBeVisible();
  for (const name of [/附加文件/, /添加一行/, /\+ 添加整改措施/, /^删除/, /^移除/, /本学期没有/]) {
    await expect(section.getByRole('button', { name })).toHaveCount(0);
  }
  await expect(
    section.locator(
      'input:not([disabled]):not([readonly]):not([type=checkbox]), select:not([disabled]), textarea:not([readonly])',
    ),
  ).toHaveCount(0);
  await expect(section.locator('.item-field input[type=checkbox]:not([disabled])')).toHaveCount(0);
}

/**
 * The stored file edited after signing, opened by another app over a copy of the folder: the
 * review says so, loudly, and offers reopening; nothing is signed again.
 */
async function expectChangedElsewhere(page: Page, dataDir: string, id: string): Promise<void> {
  const copy = await mkdtemp(path.join(os.tmpdir(), 'qinglang-e2e-changed-'));
  await cp(dataDir, copy, {
    recursive: true,
    filter: (source) => path.basename(source) !== 'qinglang.lock',
  });
  const target = path.join(copy, 'inspections', `${id}.json`);
  const content = JSON.parse(await readFile(target, 'utf8'));
  content.inspection.inspector = '另一个人';
  await writeFile(target, JSON.stringify(content));
  const other = await startHarnessProcess(copy);
  const tab = await page.context().newPage();
  try {
    await tab.goto(`${other.url}#/inspections/${id}/@review`);
    const alert = tab.getByRole('alert').filter({ hasText: '签字后被改动' });
    await expect(alert).toBeVisible();
    await expect(tab.getByRole('button', { name: zh.reopen })).toBeVisible();
    await screenshot(tab, 'review-changed-zh', false);
  } finally {
    await tab.close();
    expect(await other.stop()).toBe(0);
    await rm(copy, { recursive: true, force: true });
  }
}

test.describe('in English, from an inspection handed over', () => {
  test.use({ seed: readySeed('en-US') });

  test('blockers, the sign-off screen, the lock and the key, in English', async ({
    page,
    harness,
  }) => {
    test.setTimeout(90_000);
    const en = SIGN_UI['en-US'];
    await page.goto(`${harness.url}#/inspections/${BLANK_ID}/@review`);
    await expect(page.getByRole('heading', { level: 1, name: en.heading })).toBeVisible();
    await expect(blockers(page).first()).toContainText('Required, not answered yet');
    await expect(page.getByRole('button', { name: en.handOver })).toBeDisabled();
    await screenshot(page, 'review-blockers-en', false);

    await page.goto(`${harness.url}#/inspections/${READY_ID}/@review`);
    await expect(page.getByRole('link', { name: 'Report', exact: true })).toHaveAttribute(
      'href',
      `#/inspections/${READY_ID}/@report`,
    );
    const form = page.getByRole('region', { name: "Principal's sign-off" });
    await expect(form).toBeVisible();
    // Taken back to change, then handed over again.
    await page.getByRole('button', { name: en.takeBack }).click();
    await expect(page.locator('.review-header .state')).toHaveText(en.states.draft);
    await expect(form).toHaveCount(0);
    await page.getByRole('button', { name: en.handOver }).click();
    await expect(page.locator('.review-header .state')).toHaveText(en.states.ready);
    await form.getByRole('button', { name: en.submit }).click();
    await expect(form.getByText(en.padEmpty)).toBeVisible();
    await form.getByLabel(en.signer).fill('Principal Wang');
    await form.getByLabel(en.title).fill('Principal');
    await drawWithMouse(page, 'en-US');
    await drawWithTouch(page, 'en-US');
    await screenshot(page, 'signoff-drawn-en');
    await form.getByRole('button', { name: en.submit }).click();
    const signed = page.getByRole('region', { name: en.signed });
    await expect(signed.getByRole('status')).toContainText(en.valid);
    await screenshot(page, 'review-signed-en', false);

    await page.getByRole('link', { name: '← Back to the walk-through' }).click();
    const banner = page.getByRole('region', { name: en.banner });
    await expect(banner).toBeVisible();
    await expect(page.locator('.walk-section input[type=radio]:not([disabled])')).toHaveCount(0);
    await screenshot(page, 'walk-locked-en', false);

    await openPage(page, 'en-US', 'settings');
    const key = page.getByRole('region', { name: 'Signing key' });
    await expect(key.getByText('Fingerprint', { exact: true })).toBeVisible();
    await key.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-key-en', false);
  });
});

test.describe('before the first sign-off', () => {
  test.use({ seed: readySeed('zh-CN') });

  test('Settings says the key is made at the first sign-off', async ({ page }) => {
    await openPage(page, 'zh-CN', 'settings');
    await expect(page.getByRole('region', { name: '签名密钥' })).toContainText(
      '还没有签名密钥：第一次签字时会自动生成。',
    );
  });
});
