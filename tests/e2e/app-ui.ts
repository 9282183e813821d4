import type { Locator, Page } from '@playwright/test';
import { expect, ON_2026_1, PROFILE } from './fixtures';

export type Language = 'zh-CN' | 'en-US';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en-US'];

/** The words a person reads on the controls these specs use, in each language. */
export const UI = {
  'zh-CN': {
    nav: {
      inspections: '检查',
      actions: '整改',
      bureau: '汇总',
      templates: '模板',
      settings: '设置',
    },
    firstRun: '欢迎使用清朗校园网络安全检查',
    sample: '载入示例数据',
    empty: '还没有检查记录。',
    noActions: '还没有整改措施。',
    newInspection: '新建检查',
    create: '创建并开始填写',
    cancel: '取消',
    sections: '章节',
    view: '查看',
    builtIn: '中小学校网络安全自查表',
    backupNow: '立即备份',
    backupCreated: '已创建备份。',
    restore: '恢复到此备份',
    backToList: '← 返回检查列表',
    reasons: { manual: '手动', beforeRestore: '恢复前' },
    restored: /已恢复到 .+ 的备份。/,
    compliant: '符合',
    nonCompliant: '不符合',
    note: '备注',
    firstItem: /成立由校长任组长/,
    findings: (n: number) => `问题 ${n} 项`,
    overdue: (n: number) => `逾期整改 ${n} 项`,
  },
  'en-US': {
    nav: {
      inspections: 'Inspections',
      actions: 'Actions',
      bureau: 'Bureau',
      templates: 'Templates',
      settings: 'Settings',
    },
    firstRun: 'Welcome to Qinglang Inspector',
    sample: 'Load sample data',
    empty: 'No inspections yet.',
    noActions: 'No corrective actions yet.',
    newInspection: 'New inspection',
    create: 'Create and start',
    cancel: 'Cancel',
    sections: 'Sections',
    view: 'View',
    builtIn: 'School network-security self-inspection checklist',
    backupNow: 'Back up now',
    backupCreated: 'Backup created.',
    restore: 'Restore this backup',
    backToList: '← Back to inspections',
    reasons: { manual: 'By hand', beforeRestore: 'Before a restore' },
    restored: /Restored the backup of .+\./,
    compliant: 'Compliant',
    nonCompliant: 'Non-compliant',
    note: 'Note',
    firstItem: /A cybersecurity and IT leading group/,
    findings: (n: number) => `Findings: ${n}`,
    overdue: (n: number) => `Overdue actions: ${n}`,
  },
} as const;

/** settings.json for an installation past its first run, in the given language. */
export function settingsIn(language: Language, withProfile = true): string {
  return JSON.stringify({
    schemaVersion: 2,
    language,
    ...(withProfile ? { profile: PROFILE, inspector: '李明' } : {}),
    ...ON_2026_1,
    index: {},
  });
}

/** Goes to a page by the main navigation and waits for its heading. */
export async function openPage(
  page: Page,
  language: Language,
  route: keyof (typeof UI)['zh-CN']['nav'],
): Promise<void> {
  const label = UI[language].nav[route];
  await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

/** The links of the walk-through's section navigation, in order. */
export function sectionLinks(page: Page, language: Language): Locator {
  return page
    .getByRole('navigation', { name: UI[language].sections, exact: true })
    .getByRole('link');
}

/** The rows of the inspections list. */
export function inspectionRows(page: Page): Locator {
  return page.locator('.inspections-table tbody tr');
}

/** Creates a blank inspection from the list with the dialog's defaults; the walk-through opens. */
export async function createInspection(page: Page, language: Language): Promise<void> {
  await page.getByRole('button', { name: UI[language].newInspection, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: UI[language].newInspection });
  await dialog.getByRole('button', { name: UI[language].create }).click();
  await expect(sectionLinks(page, language).first()).toHaveAttribute('aria-current', 'page');
}

/** Waits until the walk-through says every edit is on disk. */
export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveText(/已自动保存|Saved automatically/, {
    timeout: 10_000,
  });
}

/** An item card of the open section, by its prompt. */
export function itemCard(page: Page, prompt: RegExp): Locator {
  return page.getByRole('article', { name: prompt });
}
