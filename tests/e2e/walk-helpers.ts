import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

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
    for (const input of await row.locator('input[type=date]').all()) await input.fill(today());
    for (const input of await row.locator('input[type=text]').all()) {
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
  const date = card.locator('.item-field input[type=date]');
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

/** The header's "answered/applicable" figure. */
export async function progressOf(page: Page): Promise<[number, number]> {
  const text = (await page.locator('.walk-figures dd').first().textContent()) ?? '';
  const [answered, applicable] = text.split('/').map(Number);
  return [answered!, applicable!];
}

export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveText(/已自动保存|Saved automatically/, {
    timeout: 10_000,
  });
}
