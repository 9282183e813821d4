import type { Page } from '@playwright/test';
import { expect, FIRST_RUN_ON_2026_1, screenshot, SETTINGS_WITH_PROFILE, test } from './fixtures';
import { sectionLinks } from './walk-helpers';

async function openSection(page: Page, number: number) {
  await page.getByRole('button', { name: /^(新建检查|New inspection)$/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /创建并开始填写|Create and start/ })
    .click();
  await sectionLinks(page)
    .nth(number - 1)
    .click();
  await expect(
    page.getByRole('heading', { level: 2, name: new RegExp(`^${number}\\. `) }),
  ).toBeVisible();
}

test.describe('pasting from a spreadsheet', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('says in its message which cells were not pasted and why', async ({ page }) => {
    await openSection(page, 4);
    await page.getByRole('button', { name: '+ 添加一行' }).click();
    const type = page.getByRole('combobox', { name: '第 1 行 类型' });
    await type.selectOption({ label: '防火墙' });
    await page.evaluate(
      (text) => navigator.clipboard.writeText(text),
      [
        '路由器\t华为 USG6525E\tV600R007\t2026.11.01\t上周',
        '防病毒网关\t奇安信\tV1\t3.1\t2026-11-20\t多出来的一列',
      ].join('\n'),
    );
    await type.focus();
    await page.keyboard.press('Control+V');
    const message = page.getByRole('status').filter({ hasText: '已粘贴' });
    await expect(message).toContainText(
      '已粘贴 8 个单元格，新增 1 行；3 个单元格未粘贴：第 1 行“类型”：“路由器”不是可选项；' +
        '第 1 行“特征库更新日期”：“上周”不是日期；第 2 行“多出来的一列”超出了登记表的最后一列。',
    );
    // What was there stays; what fitted went in.
    await expect(type).toHaveValue('firewall');
    await expect(page.getByRole('textbox', { name: '第 1 行 厂商型号' })).toHaveValue(
      '华为 USG6525E',
    );
    await expect(page.getByRole('textbox', { name: '第 2 行 厂商型号' })).toHaveValue('奇安信');
    await screenshot(page, 'paste-refused-zh', false);
  });
});

/** Whether the page itself scrolls sideways (a register may scroll inside its own box). */
const pageScrollsSideways = (page: Page) =>
  page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth);

/**
 * Where a register's last row's buttons and its first row message are, seen through the table's
 * own scrolling box, with the box scrolled all the way left and then all the way right.
 */
function registerReach(page: Page, prompt: string) {
  return page.evaluate((name) => {
    const table = document.querySelector<HTMLTableElement>(`table[aria-label="${name}"]`)!;
    const box = table.closest<HTMLElement>('.register-scroll')!;
    const rows = table.querySelectorAll('tbody tr[data-row-id]');
    const last = rows[rows.length - 1];
    if (!last) return null;
    window.scrollTo(0, last.getBoundingClientRect().top + window.scrollY - 300);
    const seen = () => {
      const frame = box.getBoundingClientRect();
      const inside = (el: Element | null) => {
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return r.left >= frame.left - 1 && r.right <= frame.right + 1;
      };
      const message = table.querySelector('.row-findings .finding');
      return {
        buttons: [...last.querySelectorAll('button')].slice(-2).map(inside),
        message: inside(message) ?? true,
        messageStart: message ? message.getBoundingClientRect().left >= frame.left - 1 : true,
      };
    };
    box.scrollLeft = 0;
    const left = seen();
    box.scrollLeft = box.scrollWidth;
    const right = seen();
    box.scrollLeft = 0;
    return { left, right, scrolls: box.scrollWidth > box.clientWidth };
  }, prompt);
}

test.describe('registers at 1366 × 768', () => {
  test.use({
    seed: { 'settings.json': FIRST_RUN_ON_2026_1 },
    viewport: { width: 1366, height: 768 },
  });

  test('scroll inside their own box, keep their row buttons and messages in view, in both languages', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.getByRole('button', { name: '载入示例数据' }).click();
    await page.getByRole('link', { name: /^2026 秋季学期$/ }).click();
    const links = sectionLinks(page);
    await expect(links).toHaveCount(9);
    // Rows everywhere, each with a message: a biometric system held by a third party without an
    // agreement, and a notified hazard past its deadline.
    await links.nth(6).click();
    await page
      .getByRole('radiogroup', { name: '学校采集或使用人脸、指纹等生物识别信息' })
      .getByRole('radio', { name: '是' })
      .check();
    // The register appears once the question is answered 是: count its rows only once it is there
    // (a sample may carry rows over from last term).
    const bio = page.getByRole('table', { name: '生物识别系统登记表' });
    await expect(bio).toBeVisible();
    const bioRow = (await bio.locator('tbody tr[data-row-id]').count()) + 1;
    await page.getByRole('button', { name: '+ 添加一行' }).click();
    const bioCell = (column: string) => `第 ${bioRow} 行 ${column}`;
    await page
      .getByRole('textbox', { name: bioCell('系统') })
      .fill('校门人脸识别闸机系统（含访客登记）');
    await page.getByRole('combobox', { name: bioCell('信息类型') }).selectOption({ index: 1 });
    await page.getByRole('textbox', { name: bioCell('涉及人数') }).fill('1200');
    await page
      .getByRole('combobox', { name: bioCell('由第三方保管') })
      .selectOption({ label: '是' });
    await page
      .getByRole('combobox', { name: bioCell('已做影响评估') })
      .selectOption({ label: '是' });
    await expect(bio).toContainText('由第三方保管但没有保密协议');

    await links.nth(7).click();
    const hazards = page.getByRole('table', { name: /^通报隐患登记表/ });
    await expect(hazards).toBeVisible();
    const hazardRow = (await hazards.locator('tbody tr[data-row-id]').count()) + 1;
    await page.getByRole('button', { name: '+ 添加一行' }).click();
    const hazardCell = (column: string) => `第 ${hazardRow} 行 ${column}`;
    await page.getByRole('combobox', { name: hazardCell('通报部门') }).selectOption({ index: 1 });
    await page.getByRole('textbox', { name: hazardCell('通报日期') }).fill('2025-12-20');
    await page
      .getByRole('textbox', { name: hazardCell('问题') })
      .fill('学校官网后台存在弱口令，管理员账号使用默认密码，已被网信部门通报要求限期整改');
    await page.getByRole('textbox', { name: hazardCell('整改期限') }).fill('2026-01-10');
    await expect(hazards).toContainText('已逾期未整改');

    const registers: Record<number, string[]> = {
      4: ['安全设备登记表', 'Register of security devices'],
      5: [
        '宣传渠道登记表（网站、公众号、视频号、抖音、快手等）',
        'Register of publicity channels (website, official accounts, video accounts, Douyin, Kuaishou…)',
      ],
      7: ['生物识别系统登记表', 'Register of biometric systems'],
      8: [
        '通报隐患登记表（网信、网安等部门通报）',
        'Register of hazards notified by the authorities',
      ],
    };
    for (const [language, index] of [
      ['zh', 0],
      ['en', 1],
    ] as const) {
      if (language === 'en') await page.getByRole('radio', { name: 'English' }).first().click();
      for (let s = 1; s <= 9; s++) {
        await links.nth(s - 1).click();
        await expect(links.nth(s - 1)).toHaveAttribute('aria-current', 'page');
        expect(
          await pageScrollsSideways(page),
          `section ${s} (${language}) scrolls the page sideways`,
        ).toBe(false);
        const prompt = registers[s]?.[index];
        if (!prompt) continue;
        // The link is marked current before the section's content has rendered.
        await expect(page.getByRole('table', { name: prompt, exact: true })).toBeVisible();
        const reach = await registerReach(page, prompt);
        expect(reach, `section ${s} (${language}): the register has rows`).not.toBeNull();
        if (!reach) continue;
        for (const side of ['left', 'right'] as const) {
          expect(
            reach[side].buttons,
            `section ${s} (${language}): row buttons, scrolled ${side}`,
          ).toEqual([true, true]);
          expect(
            reach[side].messageStart,
            `section ${s} (${language}): a row message's start, scrolled ${side}`,
          ).toBe(true);
        }
        // The register in view (the page scrolled down to it, the table not sideways), then the
        // table scrolled to its end.
        await page.evaluate((name) => {
          const table = document.querySelector(`table[aria-label="${name}"]`)!;
          window.scrollTo(0, table.getBoundingClientRect().top + window.scrollY - 260);
        }, prompt);
        await screenshot(page, `register-s${s}-${language}-1366`, false);
        await page.evaluate((name) => {
          const box = document.querySelector(`table[aria-label="${name}"]`)!.parentElement!;
          box.scrollLeft = box.scrollWidth;
        }, prompt);
        await screenshot(page, `register-s${s}-${language}-1366-end`, false);
      }
    }
  });
});

test.describe('the walk-through at 1366 × 768 in English', () => {
  test.use({
    viewport: { width: 1366, height: 768 },
    seed: {
      'settings.json': JSON.stringify({
        ...(JSON.parse(SETTINGS_WITH_PROFILE) as object),
        language: 'en-US',
        inspector: 'Shangguan Wanrong-Ouyang',
      }),
    },
  });

  test('keeps the inspector on one line, hides what scrolls under its header, and says ranges plainly', async ({
    page,
  }) => {
    await page.getByRole('button', { name: 'New inspection' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Create and start' }).click();
    await expect(page.getByText('Inspector: Shangguan Wanrong-Ouyang')).toBeVisible();
    const lines = await page.evaluate(() => {
      const header = document.querySelector('.walk-header')!;
      const walker = document.createTreeWalker(header, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('Inspector:');
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, node.textContent!.length);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }
      return 0;
    });
    expect(lines, 'lines the inspector takes').toBe(1);

    // The header stays at the top over the items scrolled under it, and nothing shows through.
    await page.mouse.wheel(0, 600);
    const header = page.locator('header', { has: page.getByRole('link', { name: /Back to/ }) });
    const background = await header.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toMatch(/^rgb\(\d+, \d+, \d+\)$/);
    await screenshot(page, 'walk-header-scrolled-en', false);

    await sectionLinks(page).nth(1).click();
    const open = page.getByRole('article', { name: /High-risk vulnerabilities still open/ });
    await expect(open).toContainText('Range: at least 0');
    await expect(open).not.toContainText('—');
    await sectionLinks(page).nth(3).click();
    await expect(
      page.getByRole('article', { name: /Share of terminals with antivirus/ }),
    ).toContainText('Range: 0 – 100');
  });
});
