import type { Locator, Page } from '@playwright/test';
import { expect, screenshot } from './fixtures';

const today = () => new Date().toISOString().slice(0, 10);

/** Answers one item card the way a careful inspector would: compliant, current, complete. */
async function answerCard(card: Locator): Promise<void> {
  const register = card.locator('.register');
  if ((await register.count()) > 0) {
    const none = register.getByRole('button', {
      name: /本学期没有需要登记的内容|Nothing to register/,
    });
    if ((await none.count()) > 0) {
      await none.click();
      return;
    }
    if ((await register.locator('tbody tr[data-row-id]').count()) === 0) {
      await register.getByRole('button', { name: /添加一行|Add a row/ }).click();
    }
    const row = register.locator('tbody tr[data-row-id]').last();
    for (const select of await row.locator('select').all()) await select.selectOption({ index: 1 });
    for (const input of await row.locator('.date-field-input').all()) await input.fill(today());
    for (const input of await row.locator('input[type=text]:not(.date-field-input)').all()) {
      if ((await input.inputValue()) === '') {
        await input.fill((await input.getAttribute('inputmode')) === 'decimal' ? '1' : '示例');
      }
    }
    return;
  }
  const radios = card.locator('.item-field input[type=radio]');
  if ((await radios.count()) > 0) {
    await radios.first().check();
    return;
  }
  const checkboxes = card.locator('.item-field input[type=checkbox]');
  if ((await checkboxes.count()) > 0) {
    await checkboxes.first().check();
    return;
  }
  const date = card.locator('.item-field .date-field-input');
  if ((await date.count()) > 0) {
    await date.fill(today());
    return;
  }
  const select = card.locator('.item-field select');
  if ((await select.count()) > 0) {
    await select.selectOption({ index: 1 });
    return;
  }
  const number = card.locator('.item-field input[inputmode=decimal]');
  if ((await number.count()) > 0) {
    const range = (await card.locator('.number-field .hint').textContent()) ?? '';
    const max = /–\s*(\d+)/.exec(range)?.[1];
    await number.fill(max ?? '365');
    return;
  }
  await card.locator('.item-field input, .item-field textarea').first().fill('已落实，见制度文件');
}

/** Answers every visible item of the open section, again for items that appear on the way. */
export async function answerSection(page: Page): Promise<void> {
  for (let pass = 0; pass < 4; pass++) {
    const open = page.locator('.walk-section .item-card:has(.item-head .status-unanswered)');
    if ((await open.count()) === 0) return;
    // Each card is pinned by its item id: once answered it leaves the "unanswered" list.
    const ids = await open.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-item-id')));
    for (const id of ids) await answerCard(page.locator(`.item-card[data-item-id="${id}"]`));
  }
  await expect(page.locator('.walk-section .item-head .status-unanswered')).toHaveCount(0);
}

/** One of the walk-through header's figures (进度, 符合率, 问题 / Progress, Compliance, Findings). */
export function figure(page: Page, name: string): Locator {
  return page
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .locator('xpath=following-sibling::*[@role="definition" or self::dd][1]');
}

/** An item card, by its prompt. */
export function item(page: Page, prompt: RegExp): Locator {
  return page.getByRole('article', { name: prompt });
}

/** The links of the section navigation, in order. */
export function sectionLinks(page: Page): Locator {
  return page.getByRole('navigation', { name: /^(章节|Sections)$/ }).getByRole('link');
}

/**
 * Answers every item of a fresh inspection of the built-in checklist, by keyboard and by mouse,
 * with every status once: 1.1 符合 (Space), 1.2 部分符合 (→), 1.3 不符合 and 2.2 不适用 (mouse); the
 * rest as a careful inspector would. 8.6, the notified hazards, has nothing to register.
 */
export async function walkEveryItem(page: Page): Promise<void> {
  // A section opens with the focus on its heading; wait for it, or it takes the focus back later.
  const heading = page.getByRole('heading', { level: 2 });
  await expect(heading).toBeFocused();
  const first = item(page, /成立由校长任组长/);
  await first.getByRole('radio', { name: '符合', exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(first.getByRole('radio', { name: '符合', exact: true })).toBeChecked();
  // Enter moves the focus into the next item; → there chooses the next answer.
  await page.keyboard.press('Enter');
  const second = item(page, /责任书已逐级签订/);
  await expect(second.getByRole('radio', { name: '符合', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(second.getByRole('radio', { name: '部分符合' })).toBeChecked();
  await item(page, /制定网络安全管理制度/)
    .getByText('不符合', { exact: true })
    .click();

  const links = sectionLinks(page);
  const sections = await links.count();
  for (let s = 0; s < sections; s++) {
    if (s === 1) {
      await item(page, /等级保护定级和公安备案/)
        .getByText('不适用', { exact: true })
        .click();
      // Typed: no high-risk vulnerability is left open.
      const open = page.getByRole('textbox', { name: /高危漏洞数量/ });
      await open.click();
      await expect(open).toBeFocused();
      await page.keyboard.type('0');
      await expect(open).toHaveValue('0');
    }
    if (s === 7) {
      const hazards = item(page, /通报隐患登记表/);
      await hazards.getByRole('button', { name: '本学期没有需要登记的内容' }).click();
      await expect(hazards.getByText(/已确认：本学期没有需要登记的内容/)).toBeVisible();
    }
    await answerSection(page);
    if (s === 3) await screenshot(page, 'walk-registers-zh', false);
    // Alt+PageDown: the next section, without the mouse.
    if (s < sections - 1) {
      await page.keyboard.press('Alt+PageDown');
      await expect(links.nth(s + 1)).toHaveAttribute('aria-current', 'page');
      await expect(heading).toBeFocused();
    }
  }
}

export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveText(/已自动保存|Saved automatically/, {
    timeout: 10_000,
  });
}
