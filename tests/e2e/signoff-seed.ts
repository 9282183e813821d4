import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createInspection } from '../../shared/inspection/create';
import { periodOf } from '../../shared/inspection/period';
import { reviewInspection } from '../../shared/inspection/review';
import type {
  Answer,
  CellValue,
  EvidenceRef,
  Inspection,
  RegisterRow,
} from '../../shared/inspection/schema';
import { inspectionSchema } from '../../shared/inspection/schema';
import { allItems } from '../../shared/template/items';
import { templateJson } from '../../shared/template/canonical';
import type { Column, Item } from '../../shared/template/schema';
import { templateSchema } from '../../shared/template/schema';
import { PROFILE, SETTINGS_WITH_PROFILE } from './fixtures';

/**
 * One inspection handed to the principal with nothing blocking sign-off, written into the data
 * folder as the app stores it: every item answered, every required file attached, an action
 * against each finding. The sign-off screen opens on it without walking the checklist first.
 */

const TEMPLATE = templateSchema.parse(
  JSON.parse(
    readFileSync(
      new URL('../../resources/templates/school-security-2026.1.json', import.meta.url),
      'utf8',
    ),
  ),
);
const PIN = {
  id: TEMPLATE.id,
  version: TEMPLATE.version,
  hash: createHash('sha256').update(templateJson(TEMPLATE), 'utf8').digest('hex'),
};

export const READY_ID = '3f1e2d4c-5b6a-4978-8c1d-2e3f4a5b6c7d';
/** Beside it, last term's, never filled in: every required item blocks its sign-off. */
export const BLANK_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const EVIDENCE_TEXT = '任命文件及成员名单（示例）';
const NOW = new Date().toISOString();

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const FILE: EvidenceRef = {
  sha256: sha256(EVIDENCE_TEXT),
  name: '任命文件.txt',
  size: Buffer.byteLength(EVIDENCE_TEXT),
  type: 'text/plain',
  addedAt: NOW,
};

function cell(column: Column): CellValue | null {
  if (column.kind === 'choice') return column.choices?.[0]?.value ?? null;
  if (column.kind === 'yesno') return 'yes';
  if (column.kind === 'date') return today();
  if (column.kind === 'number') return column.min ?? 1;
  if (column.kind === 'file') return null;
  return '示例';
}

function answer(item: Exclude<Item, { kind: 'register' }>): Answer {
  const value =
    item.kind === 'check'
      ? 'compliant'
      : item.kind === 'yesno'
        ? 'yes'
        : item.kind === 'date'
          ? today()
          : item.kind === 'number'
            ? (item.min ?? 0)
            : item.kind === 'choice'
              ? item.choices[0]!.value
              : item.kind === 'multi'
                ? [item.choices[0]!.value]
                : '已落实，见制度文件';
  return { value, evidence: item.evidence === 'none' ? [] : [FILE], updatedAt: NOW };
}

function ready(): Inspection {
  const base = createInspection({
    id: READY_ID,
    template: PIN,
    school: PROFILE as Inspection['school'],
    period: periodOf(today()),
    inspector: '李明',
    now: NOW,
  });
  const answers: Record<string, Answer> = {};
  const registers: Record<string, RegisterRow[]> = {};
  for (const item of allItems(TEMPLATE)) {
    if (item.kind !== 'register') {
      answers[item.id] = answer(item);
      continue;
    }
    const rows = Math.max(1, item.minRows);
    registers[item.id] = Array.from({ length: rows }, (_, i) => ({
      id: `${item.id}-${i + 1}`,
      cells: Object.fromEntries(
        item.columns.flatMap((c) => {
          const value = cell(c);
          return value === null ? [] : [[c.id, value]];
        }),
      ),
      evidence: item.evidence === 'none' ? [] : [FILE],
    }));
  }
  const answered: Inspection = { ...base, answers, registers };
  // Whatever the answers still leave open gets its corrective action, so nothing blocks.
  const { blockers } = reviewInspection(TEMPLATE, answered, today());
  const actions = blockers.map((b, i) => ({
    id: `seed-action-${i + 1}`,
    itemId: b.itemId,
    ...(b.kind === 'row-without-action' && { rowId: b.rowId }),
    description: '按要求整改并留存记录',
    owner: '王主任',
    due: today(),
    state: 'open' as const,
    createdAt: NOW,
  }));
  const inspection: Inspection = { ...answered, actions, state: 'ready' };
  const left = reviewInspection(TEMPLATE, inspection, today()).blockers;
  if (left.length > 0) throw new Error(`the seed still has blockers: ${JSON.stringify(left)}`);
  return inspectionSchema.parse(inspection);
}

function blank(): Inspection {
  const current = periodOf(today());
  const last =
    current.term === 'autumn'
      ? { year: current.year, term: 'spring' as const }
      : { year: current.year - 1, term: 'autumn' as const };
  return createInspection({
    id: BLANK_ID,
    template: PIN,
    school: PROFILE as Inspection['school'],
    period: last,
    inspector: '李明',
    now: NOW,
  });
}

/** The seed option of tests/e2e/fixtures.ts: settings in `language`, the inspections, a file. */
export function readySeed(language: 'zh-CN' | 'en-US'): Record<string, string> {
  return {
    'settings.json': SETTINGS_WITH_PROFILE.replace(
      '"language":"zh-CN"',
      `"language":"${language}"`,
    ),
    [`inspections/${READY_ID}.json`]: JSON.stringify({ schemaVersion: 2, inspection: ready() }),
    [`inspections/${BLANK_ID}.json`]: JSON.stringify({ schemaVersion: 2, inspection: blank() }),
    [`evidence/${FILE.sha256.slice(0, 2)}/${FILE.sha256}`]: EVIDENCE_TEXT,
  };
}
