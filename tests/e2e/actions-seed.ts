import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInspection } from '../../shared/inspection/create';
import { periodOf } from '../../shared/inspection/period';
import type { CorrectiveAction, Inspection, RegisterRow } from '../../shared/inspection/schema';
import { templateJson } from '../../shared/template/canonical';
import { templateSchema } from '../../shared/template/schema';
import { PROFILE, SETTINGS_WITH_PROFILE } from './fixtures';

/**
 * Two inspections with corrective actions dated from today, written into the data folder as the
 * app stores them, so the 整改 page has known things to show: a draft with an overdue action, two
 * open ones, a done one and a notified hazard overdue without an action; and last term's, signed,
 * with an action long overdue.
 */

const BUILT_IN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../resources/templates/school-security-2026.1.json',
);
const TEMPLATE = templateSchema.parse(JSON.parse(readFileSync(BUILT_IN, 'utf8')));
const PIN = {
  id: TEMPLATE.id,
  version: TEMPLATE.version,
  hash: createHash('sha256').update(templateJson(TEMPLATE), 'utf8').digest('hex'),
};

export const DRAFT_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
export const SIGNED_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** A date `days` from today on this machine's calendar. */
export function localDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const CREATED = new Date(Date.now() - 60 * 86_400_000).toISOString();

function action(
  id: string,
  itemId: string,
  description: string,
  owner: string,
  due: number,
  extra: Partial<CorrectiveAction> = {},
): CorrectiveAction {
  return {
    id,
    itemId,
    description,
    owner,
    due: localDate(due),
    state: 'open',
    createdAt: CREATED,
    ...extra,
  };
}

const hazard = (id: string, issue: string, deadline: number): RegisterRow => ({
  id,
  cells: { source: 'cac', notified: localDate(-40), issue, deadline: localDate(deadline) },
  evidence: [],
});

export const TEXT = {
  overdue: '修订网络安全管理制度并印发',
  soon: '关闭视频监控外网端口',
  later: '组织全体教职工学习新制度',
  done: '更换防火墙管理员口令',
  locked: '更新杀毒软件特征库',
  hazard: '校园网站存在弱口令',
  hazardWithAction: '视频监控端口暴露',
} as const;

function draft(): Inspection {
  const now = periodOf(localDate(0));
  return {
    ...createInspection({
      id: DRAFT_ID,
      template: PIN,
      school: PROFILE as Inspection['school'],
      period: now,
      inspector: '李明',
      now: CREATED,
    }),
    registers: {
      duty_hazards: [hazard('h1', TEXT.hazard, -10), hazard('h2', TEXT.hazardWithAction, -5)],
    },
    actions: [
      action('a1', 'org_policies', TEXT.overdue, '王主任', -3),
      action('a2', 'org_security_admin', TEXT.later, '陈老师', 20),
      action('a3', 'duty_hazards', TEXT.soon, '信息中心', 10, { rowId: 'h2' }),
      action('a4', 'org_leading_group', TEXT.done, '王主任', -8, {
        state: 'done',
        doneAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
        doneOn: localDate(-2),
        doneNote: '已更换并登记',
      }),
    ],
  };
}

function signed(): Inspection {
  const current = periodOf(localDate(0));
  const last =
    current.term === 'autumn'
      ? { year: current.year, term: 'spring' as const }
      : { year: current.year - 1, term: 'autumn' as const };
  return {
    ...createInspection({
      id: SIGNED_ID,
      template: PIN,
      school: PROFILE as Inspection['school'],
      period: last,
      inspector: '李明',
      now: CREATED,
    }),
    state: 'signed',
    actions: [action('b1', 'org_policies', TEXT.locked, '李明', -30)],
  };
}

const file = (inspection: Inspection) => JSON.stringify({ schemaVersion: 2, inspection });

/** The seed option of tests/e2e/fixtures.ts: settings in `language`, and the two inspections. */
export function actionsSeed(language: 'zh-CN' | 'en-US'): Record<string, string> {
  return {
    'settings.json': SETTINGS_WITH_PROFILE.replace(
      '"language":"zh-CN"',
      `"language":"${language}"`,
    ),
    [`inspections/${DRAFT_ID}.json`]: file(draft()),
    [`inspections/${SIGNED_ID}.json`]: file(signed()),
  };
}
