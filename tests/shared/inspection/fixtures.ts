import builtIn from '../../../resources/templates/school-security-2026.1.json';
import type { Change, ChangeResult } from '../../../shared/inspection/changes';
import { applyChanges } from '../../../shared/inspection/changes';
import { canonicalText } from '../../../shared/inspection/canonical';
import { createInspection } from '../../../shared/inspection/create';
import type {
  CellValue,
  CorrectiveAction,
  EvidenceRef,
  Inspection,
  RegisterRow,
  SchoolProfile,
} from '../../../shared/inspection/schema';
import type { RegisterItem, Template } from '../../../shared/template/schema';
import { templateSchema } from '../../../shared/template/schema';
import { item, template } from '../template/fixtures';

export const b = (zh: string, en: string = zh) => ({ 'zh-CN': zh, 'en-US': en });

/** Instants used as "now" by the tests, in order. */
export const CREATED = '2026-11-01T08:00:00.000Z';
export const NOW = '2026-11-29T08:30:00.000Z';
export const LATER = '2026-11-30T09:15:00.000Z';

export const INSPECTION_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
export const OTHER_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
export const TEMPLATE_HASH = 'ab'.repeat(32);

/** A valid SHA-256 (64 lowercase hex digits) that differs for each n. */
export const sha = (n: number): string => n.toString(16).padStart(64, '0');

export const SCHOOL: SchoolProfile = {
  name: '清朗市第一中学',
  code: '3101010001',
  district: '清朗区',
  stage: 'junior',
  address: '清朗区育才路 1 号',
  contactName: '王老师',
  contactPhone: '021-12345678',
};

const CHOICES = [
  { value: 'router', label: b('路由器', 'Router') },
  { value: 'firewall', label: b('防火墙', 'Firewall') },
];

/** The register every test pastes into and edits: one column of each kind. */
export const DEVICES: RegisterItem = item('register', 'devices', {
  columns: [
    { id: 'name', kind: 'text', label: b('名称', 'Name'), required: true },
    { id: 'count', kind: 'number', label: b('数量', 'Count'), required: false },
    { id: 'bought', kind: 'date', label: b('购置日期', 'Bought on'), required: false },
    { id: 'type', kind: 'choice', label: b('类型', 'Type'), required: false, choices: CHOICES },
    { id: 'ok', kind: 'yesno', label: b('正常', 'Working'), required: false },
    { id: 'scan', kind: 'file', label: b('扫描件', 'Scan'), required: false },
  ],
});

/** A small template: a check, a yes/no, a number with a rule, a choice and one register. */
export const TEMPLATE: Template = template(
  [
    item('check', 'leading_group', { required: true }),
    item('yesno', 'has_budget', {
      rules: [{ kind: 'equals', value: 'no', effect: 'partial' }],
    }),
    item('number', 'log_days', {
      rules: [{ kind: 'at-least', value: 180, effect: 'non-compliant' }],
    }),
  ],
  [item('choice', 'backup', { choices: CHOICES }), DEVICES],
);

/** The built-in 62-item checklist, as the app loads it. */
export const BUILT_IN: Template = templateSchema.parse(builtIn);

export const PINNED = { id: TEMPLATE.id, version: TEMPLATE.version, hash: TEMPLATE_HASH };

export function newInspection(overrides: Partial<Inspection> = {}): Inspection {
  return {
    ...createInspection({
      id: INSPECTION_ID,
      template: PINNED,
      school: SCHOOL,
      period: { year: 2026, term: 'autumn' },
      inspector: '李老师',
      now: CREATED,
    }),
    ...overrides,
  };
}

export function evidence(n: number, name = `photo-${n}.jpg`): EvidenceRef {
  return { sha256: sha(n), name, size: 1000 + n, type: 'image/jpeg', addedAt: CREATED };
}

export function row(
  id: string,
  cells: Record<string, CellValue> = {},
  refs: EvidenceRef[] = [],
): RegisterRow {
  return { id, cells, evidence: refs };
}

export function action(
  id: string,
  itemId: string,
  extra: Partial<CorrectiveAction> = {},
): CorrectiveAction {
  return {
    id,
    itemId,
    description: '更新防火墙策略',
    owner: '张老师',
    due: '2026-12-31',
    state: 'open',
    createdAt: CREATED,
    ...extra,
  };
}

/** An inspection with a little of everything, still valid against TEMPLATE. */
export function filledInspection(): Inspection {
  return newInspection({
    answers: {
      leading_group: {
        value: 'compliant',
        note: '已成立',
        evidence: [evidence(1)],
        updatedAt: NOW,
      },
      has_budget: { value: 'no', evidence: [], updatedAt: NOW },
    },
    registers: {
      devices: [
        row('r1', { name: '核心交换机', count: 2 }),
        row('r2', { name: '防火墙', type: 'firewall' }, [evidence(2)]),
      ],
    },
    actions: [action('a1', 'has_budget')],
  });
}

/** Freezes a value and everything in it, without recursion. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current !== 'object' || current === null || Object.isFrozen(current)) continue;
    Object.freeze(current);
    for (const child of Object.values(current)) stack.push(child);
  }
  return value;
}

/** An array nested `depth` levels deep, built without recursion. */
export function nestedArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

/** Applies changes that must apply; fails the test with the refusal otherwise. */
export function applied(inspection: Inspection, changes: readonly Change[], now = NOW): Inspection {
  const result: ChangeResult = applyChanges(inspection, changes, now);
  if (!result.ok) throw new Error(`refused: ${result.message['en-US']}`);
  return result.inspection;
}

/** The refusal of changes that must not apply. */
export function refused(inspection: Inspection, changes: readonly Change[], now = NOW) {
  const result = applyChanges(inspection, changes, now);
  if (result.ok) throw new Error('the changes applied');
  return result.message;
}

/** What a change naming a row that is not there is refused with. */
export const ROW_GONE = {
  'zh-CN': '这一行已不存在，可能已被删除。',
  'en-US': 'This row no longer exists; it may have been deleted.',
};

/** A frozen copy of the fixture, and its text, to prove nothing was written into it. */
export function frozen(inspection: Inspection = filledInspection()) {
  const before = canonicalText(inspection);
  return { inspection: deepFreeze(inspection), before };
}
