import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../shared/inspection/changes';
import type { Change } from '../../../shared/inspection/changes';
import type { EvidenceRef, Inspection } from '../../../shared/inspection/schema';
import {
  AUTUMN_2026,
  INSPECTOR,
  NOW,
  openWorld,
  readStored,
  SPRING_2027,
  useStoreTempDir,
} from './inspection-fixtures';

const ref = (n: number): EvidenceRef => ({
  sha256: n.toString(16).padStart(64, '0'),
  name: `证明-${n}.pdf`,
  size: 100 + n,
  type: 'application/pdf',
  addedAt: NOW.toISOString(),
});

/**
 * Every kind of change, each one followed by a restart: what a run removed (an answer, a note,
 * evidence, rows, an action, the trash mark) must stay removed in the next, and what it set must
 * stay set. Each step's expected inspection comes from the same pure applyChanges the store uses.
 */
const STEPS: { readonly name: string; readonly changes: Change[] }[] = [
  { name: 'answer', changes: [{ kind: 'answer', itemId: 'org_leading_group', value: 'partial' }] },
  { name: 'note', changes: [{ kind: 'note', itemId: 'org_leading_group', note: '名单待更新' }] },
  {
    name: 'evidence-add',
    changes: [{ kind: 'evidence-add', itemId: 'org_leading_group', refs: [ref(1), ref(2)] }],
  },
  {
    name: 'rows-insert',
    changes: [
      {
        kind: 'rows-insert',
        itemId: 'dev_register',
        index: 0,
        rows: [
          { id: 'r1', cells: { type: 'firewall', vendor_model: '华为 USG6000' }, evidence: [] },
          { id: 'r2', cells: { type: 'ips', vendor_model: '深信服 NGAF' }, evidence: [ref(3)] },
        ],
      },
    ],
  },
  {
    name: 'cell',
    changes: [
      { kind: 'cell', itemId: 'dev_register', rowId: 'r1', columnId: 'firmware', value: 'V5.0' },
    ],
  },
  {
    name: 'cells',
    changes: [
      {
        kind: 'cells',
        itemId: 'dev_register',
        values: [
          { rowId: 'r1', columnId: 'signature_updated', value: '2026-11-20' },
          { rowId: 'r2', columnId: 'firmware', value: 'V8.0.85' },
        ],
      },
    ],
  },
  {
    name: 'action-put',
    changes: [
      {
        kind: 'action-put',
        action: {
          id: 'a1',
          itemId: 'org_leading_group',
          description: '补充领导小组成员名单',
          owner: '王老师',
          due: '2026-12-31',
          state: 'open',
          createdAt: NOW.toISOString(),
        },
      },
    ],
  },
  { name: 'register-none', changes: [{ kind: 'register-none', itemId: 'duty_hazards' }] },
  { name: 'details', changes: [{ kind: 'details', inspector: '陈静', period: SPRING_2027 }] },
  // Ready needs an inspection with nothing blocking sign-off; taking it back to draft is a no-op
  // here, but its kind is one the store must keep like any other.
  { name: 'state', changes: [{ kind: 'state', to: 'draft' }] },
  // And now the removals.
  {
    name: 'cell removed',
    changes: [
      { kind: 'cell', itemId: 'dev_register', rowId: 'r1', columnId: 'firmware', value: null },
    ],
  },
  {
    name: 'evidence-remove (item and row)',
    changes: [
      { kind: 'evidence-remove', itemId: 'org_leading_group', sha256: ref(1).sha256 },
      { kind: 'evidence-remove', itemId: 'dev_register', rowId: 'r2', sha256: ref(3).sha256 },
    ],
  },
  { name: 'note cleared', changes: [{ kind: 'note', itemId: 'org_leading_group', note: '' }] },
  {
    name: 'rows-delete',
    changes: [{ kind: 'rows-delete', itemId: 'dev_register', rowIds: ['r2'] }],
  },
  { name: 'action-delete', changes: [{ kind: 'action-delete', actionId: 'a1' }] },
  {
    name: 'answer cleared',
    changes: [{ kind: 'answer', itemId: 'org_leading_group', value: null }],
  },
];

describe('the inspection store across restarts', () => {
  const tempDir = useStoreTempDir();

  it('keeps exactly what each kind of change left, set or removed, after every restart', () => {
    const dataDir = tempDir();
    const { id } = openWorld(dataDir).store.create({ period: AUTUMN_2026, inspector: INSPECTOR });
    let expected: Inspection = openWorld(dataDir).store.get(id);
    const kinds = new Set<string>();
    for (const step of STEPS) {
      const result = applyChanges(expected, step.changes, NOW.toISOString());
      if (!result.ok) throw new Error(`${step.name}: ${result.message['en-US']}`);
      expected = result.inspection;
      openWorld(dataDir).store.update(id, step.changes);
      step.changes.forEach((c) => kinds.add(c.kind));

      const after = openWorld(dataDir).store;
      expect(after.get(id), step.name).toEqual(expected);
      expect(readStored(dataDir, id), step.name).toEqual({
        schemaVersion: 2,
        inspection: expected,
      });
    }
    // Every kind of change the format has was exercised.
    expect([...kinds].sort()).toEqual(
      [
        'action-delete',
        'action-put',
        'answer',
        'cell',
        'cells',
        'details',
        'evidence-add',
        'evidence-remove',
        'note',
        'register-none',
        'rows-delete',
        'rows-insert',
        'state',
      ].sort(),
    );
  });

  it('keeps the trash mark removed after a restore, through later runs and edits', () => {
    const dataDir = tempDir();
    const { id } = openWorld(dataDir).store.create({ period: AUTUMN_2026, inspector: INSPECTOR });
    for (let round = 0; round < 3; round++) {
      openWorld(dataDir).store.trash(id);
      expect(openWorld(dataDir).store.list()[0]!.trashedAt).toBeDefined();
      openWorld(dataDir).store.restore(id);
      const next = openWorld(dataDir).store;
      expect(next.list()[0]!.trashedAt).toBeUndefined();
      next.update(id, [{ kind: 'note', itemId: 'org_budget', note: `第 ${round} 轮` }]);
      expect(readStored(dataDir, id)).not.toHaveProperty('trashedAt');
      expect(openWorld(dataDir).store.get(id).answers['org_budget']?.note).toBe(`第 ${round} 轮`);
    }
  });
});
