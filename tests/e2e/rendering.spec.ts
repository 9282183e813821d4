import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createInspection, inspectionRows, sectionLinks, waitSaved } from './app-ui';
import { expect, FIRST_RUN_ON_2026_1, screenshot, test } from './fixtures';
import { graphemes, systemHasGlyph, tofuIn } from './glyphs';

/**
 * Text a school really writes: Chinese, a rare hanzi outside the Basic Multilingual Plane
 * (𠀀 U+20000, two UTF-16 units, as in some people's and places' names), and emoji, one of them
 * a ZWJ sequence (👩‍🏫, three code points joined by U+200D). Typed through the UI, it must come
 * back from the disk unchanged, and the screen must draw it rather than boxes.
 */
const NAME = '北京市𠀀溪示范中学🏫✅';
const NOTE = '已整改✅ 见𠀀号文件，👩‍🏫 负责';
const CELL = '机房🏫防火墙𠀀';
const RARE = '𠀀';
const EMOJI = '🏫✅👩‍🏫';

test.use({
  seed: { 'settings.json': FIRST_RUN_ON_2026_1 },
  viewport: { width: 1366, height: 768 },
});

/** First run with the school's name; a new inspection; a note and a register cell typed. */
async function typeEverything(page: Page): Promise<void> {
  const welcome = page.getByRole('dialog', { name: '欢迎使用清朗校园网络安全检查' });
  await welcome.getByLabel('学校名称').fill(NAME);
  await welcome.getByLabel('学校标识码').fill('1101020003');
  await welcome.getByLabel('所属区县').fill('西城区');
  await welcome.getByLabel('检查人（默认）').fill('陈静');
  await welcome.getByRole('button', { name: '保存并开始' }).click();
  await expect(welcome).toBeHidden();

  await createInspection(page, 'zh-CN');
  await page.locator('.item-card').first().getByLabel('备注').fill(NOTE);
  await sectionLinks(page, 'zh-CN').nth(3).click();
  const register = page.locator('.register').first();
  await register.getByRole('button', { name: '添加一行' }).click();
  await register.locator('tbody tr[data-row-id] input[type=text]').first().fill(CELL);
  await waitSaved(page);
}

test('Chinese, a rare hanzi and emoji typed in the UI come back unchanged from the disk', async ({
  page,
  dataDir,
}) => {
  await typeEverything(page);
  await page.reload();
  await expect(
    page.locator('.register tbody tr[data-row-id] input[type=text]').first(),
  ).toHaveValue(CELL);
  await sectionLinks(page, 'zh-CN').first().click();
  await expect(page.locator('.item-card').first().getByLabel('备注')).toHaveValue(NOTE);
  await page.getByRole('link', { name: '← 返回检查列表' }).click();
  await expect(inspectionRows(page).first().getByRole('cell', { name: NAME })).toBeVisible();

  const files = (await readdir(path.join(dataDir, 'inspections'))).filter((f) =>
    f.endsWith('.json'),
  );
  expect(files).toHaveLength(1);
  const text = await readFile(path.join(dataDir, 'inspections', files[0]!), 'utf8');
  for (const typed of [NAME, NOTE, CELL]) expect(text).toContain(typed);
  const settings = await readFile(path.join(dataDir, 'settings.json'), 'utf8');
  expect(settings).toContain(NAME);
});

type Check = (where: string, element: Locator, text: string) => Promise<void>;

/**
 * Goes to each place the typed text is shown, screenshots it, and checks it there: the
 * register cell, the note, and the school's name in the list.
 */
async function visitEach(page: Page, check: Check): Promise<void> {
  const cell = page.locator('.register tbody tr[data-row-id] input[type=text]').first();
  await expect(cell).toHaveValue(CELL);
  await screenshot(page, 'rendering-register-zh', false);
  await check('register cell', cell, CELL);

  await sectionLinks(page, 'zh-CN').first().click();
  const note = page.locator('.item-card').first().getByLabel('备注');
  await expect(note).toHaveValue(NOTE);
  await screenshot(page, 'rendering-note-zh', false);
  await check('note', note, NOTE);

  await page.getByRole('link', { name: '← 返回检查列表' }).click();
  const school = inspectionRows(page).first().getByRole('cell', { name: NAME });
  await expect(school).toBeVisible();
  await screenshot(page, 'rendering-list-zh', false);
  await check('school in the list', school, NAME);
}

const han = (text: string) => text.replace(/[^\u4e00-\u9fff]/gu, '');

test('draws every Chinese character as a glyph, not a box', async ({ page }) => {
  await typeEverything(page);
  await visitEach(page, async (where, element, text) => {
    // The detector sees a box where there is one: U+FFFF is no character at all.
    expect(await tofuIn(element, '\uFFFF')).toEqual(['\uFFFF']);
    expect(await tofuIn(element, han(text)), `boxes in the ${where}`).toEqual([]);
  });
});

test('draws the rare hanzi and the emoji as glyphs, not boxes', async ({ page }) => {
  const missing = [RARE, ...graphemes(EMOJI)].filter((g) => !systemHasGlyph(g.codePointAt(0)!));
  test.skip(
    missing.length > 0,
    `no installed font draws ${missing.join(' ')}: Debian's fonts-noto-color-emoji has the emoji, ` +
      `fonts-hanazono (HanaMinB) CJK Extension B such as ${RARE}`,
  );
  await typeEverything(page);
  await visitEach(page, async (where, element, text) => {
    expect(await tofuIn(element, text), `boxes in the ${where}`).toEqual([]);
  });
});
