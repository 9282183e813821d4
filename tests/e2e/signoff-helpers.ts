import type { Locator, Page } from '@playwright/test';
import type { Language } from './app-ui';
import { expect } from './fixtures';
import { waitSaved } from './walk-helpers';

/** The words of the review and sign-off screens, in each language. */
export const SIGN_UI = {
  'zh-CN': {
    reviewLink: '审阅与签字',
    heading: '审阅与签字',
    back: '← 返回填写',
    handOver: '交给校长签字',
    takeBack: '退回修改',
    nothingBlocks: '没有阻碍签字的问题。',
    signer: '签字人姓名',
    title: '职务',
    date: '签字日期',
    comment: '意见（可不填）',
    pad: '签名区',
    undo: '撤销',
    redo: '重做',
    clear: '清除',
    paper: /纸质签字/,
    drawn: '在屏幕上手写签名',
    chooseScan: '选择扫描件…',
    submit: '签字并锁定',
    signed: '已签字',
    valid: '签名有效',
    ownKey: '（本机的密钥）',
    reopen: '重新打开',
    reopenReason: '重新打开的原因',
    reopenConfirm: '作废签字并重新打开',
    states: { draft: '填写中', ready: '待签字', signed: '已签字' },
    required: '必填项，请填写',
    padEmpty: '请先在签名区签名。',
    futureDate: '签字日期不能晚于今天。',
    attach: /附加文件/,
    addAction: '+ 添加整改措施',
    actionWhat: '整改内容',
    actionOwner: '责任人',
    actionDue: '整改期限',
    actionAdd: '添加',
    evidenceBlocker: /佐证材料/,
    banner: /已由 王校长（校长）于 .+ 签字，内容已锁定/,
  },
  'en-US': {
    reviewLink: 'Review and sign-off',
    heading: 'Review and sign-off',
    back: '← Back to the walk-through',
    handOver: 'Hand over for sign-off',
    takeBack: 'Take back to change',
    nothingBlocks: 'Nothing stops sign-off.',
    signer: 'Name',
    title: 'Title',
    date: 'Date',
    comment: 'Comment (optional)',
    pad: 'Signature area',
    undo: 'Undo',
    redo: 'Redo',
    clear: 'Clear',
    paper: /Signed on paper/,
    drawn: 'Sign on screen',
    chooseScan: 'Choose the scan…',
    submit: 'Sign and lock',
    signed: 'Signed',
    valid: 'Signature valid',
    ownKey: "(this computer's key)",
    reopen: 'Reopen',
    reopenReason: 'Reason for reopening',
    reopenConfirm: 'Void the signature and reopen',
    states: { draft: 'Draft', ready: 'Ready to sign', signed: 'Signed' },
    required: 'Required',
    padEmpty: 'Sign in the signature area first.',
    futureDate: 'The date cannot be after today.',
    attach: /Attach files/,
    addAction: '+ Add a corrective action',
    actionWhat: 'What will be done',
    actionOwner: 'Owner',
    actionDue: 'Due by',
    actionAdd: 'Add',
    evidenceBlocker: /Evidence/,
    banner: /Signed by Principal Wang \(Principal\) on .+; the content is locked/,
  },
} as const;

/** A date `days` from today on this machine's calendar, as ISO text. */
export function localDate(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Goes from the walk-through to the review page by its header link. */
export async function openReview(page: Page, language: Language): Promise<void> {
  await page.getByRole('link', { name: SIGN_UI[language].reviewLink, exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: SIGN_UI[language].heading }),
  ).toBeVisible();
}

/** The blockers listed on the review page. */
export function blockers(page: Page): Locator {
  return page.locator('.blocker-list > li');
}

/** A small file of the given kind, as a file chooser takes it. */
export function fileOf(name: string, mimeType: string, text: string) {
  return { name, mimeType, buffer: Buffer.from(text) };
}

const PDF = fileOf('证明材料.pdf', 'application/pdf', '%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');

/**
 * Clears every blocker the review page lists, the way an inspector does: each link opens the
 * walk-through with the focus on the item, where a file is attached or an action added.
 */
export async function resolveBlockers(page: Page, language: Language): Promise<void> {
  const ui = SIGN_UI[language];
  for (let guard = 0; guard < 40; guard++) {
    const list = blockers(page);
    if ((await list.count()) === 0) return;
    const first = list.first();
    const why = await first.locator('.blocker-why').innerText();
    const link = first.getByRole('link');
    const prompt = (await link.innerText()).replace(/^\d+\.\d+\s+/, '');
    await link.click();
    // The walk-through opens with the focus in the item the link named.
    const focused = page.locator('.item-card:focus-within');
    await expect(focused).toHaveCount(1);
    // Pinned by its id: the focus leaves it once a button there opens a file chooser.
    const card = page.locator(
      `.item-card[data-item-id="${await focused.getAttribute('data-item-id')}"]`,
    );
    await expect(card.locator('.item-prompt')).toContainText(prompt.slice(0, 12));
    if (ui.evidenceBlocker.test(why)) {
      const chooser = page.waitForEvent('filechooser');
      await card.getByRole('button', { name: ui.attach }).first().click();
      await (await chooser).setFiles(PDF);
      await expect(card.locator('.evidence-file')).not.toHaveCount(0);
    } else {
      await addAction(card, language, '按制度要求整改并留存记录');
    }
    await waitSaved(page);
    await openReview(page, language);
  }
  throw new Error('blockers did not clear');
}

/** Adds a corrective action in the item's 整改措施 box. */
export async function addAction(card: Locator, language: Language, what: string): Promise<void> {
  const ui = SIGN_UI[language];
  await card.getByRole('button', { name: ui.addAction }).click();
  await card.getByLabel(ui.actionWhat).fill(what);
  await card.getByLabel(ui.actionOwner).fill('王主任');
  await card.getByLabel(ui.actionDue).fill(localDate(30));
  await card.getByRole('button', { name: ui.actionAdd, exact: true }).click();
  await expect(card.getByText(what)).toBeVisible();
}

/** Draws a signature with the mouse: real pointer events, down, a wavy line, up. */
export async function drawWithMouse(page: Page, language: Language): Promise<void> {
  const pad = page.getByRole('img', { name: SIGN_UI[language].pad });
  // The mouse draws only where the page shows the pad.
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const y = box.y + box.height * 0.6;
  await page.mouse.move(box.x + box.width * 0.15, y);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) {
    await page.mouse.move(
      box.x + box.width * (0.15 + i * 0.022),
      y - Math.sin(i / 2.5) * box.height * 0.2,
      { steps: 2 },
    );
  }
  await page.mouse.up();
}

/** Draws a stroke as a finger would: pointer events of type touch, sent to the pad. */
export async function drawWithTouch(page: Page, language: Language): Promise<void> {
  const pad = page.getByRole('img', { name: SIGN_UI[language].pad });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const at = (fx: number, fy: number) => ({
    pointerId: 7,
    pointerType: 'touch',
    isPrimary: true,
    button: 0,
    buttons: 1,
    pressure: 0.7,
    bubbles: true,
    cancelable: true,
    clientX: box.x + box.width * fx,
    clientY: box.y + box.height * fy,
  });
  await pad.dispatchEvent('pointerdown', at(0.7, 0.3));
  for (let i = 1; i <= 8; i++)
    await pad.dispatchEvent('pointermove', at(0.7 + i * 0.02, 0.3 + i * 0.05));
  await pad.dispatchEvent('pointerup', { ...at(0.86, 0.7), buttons: 0, pressure: 0 });
}

/** Width and height of a PNG, from its header. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
