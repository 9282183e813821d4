import { describe, expect, it } from 'vitest';
import { APP_STORE_MIGRATIONS, APP_STORE_VERSION } from '../../../shared/migrations/app-store';
import {
  INSPECTION_FILE_MIGRATIONS,
  INSPECTION_FILE_VERSION,
} from '../../../shared/migrations/inspection-file';
import type { MigrationStep } from '../../../shared/migrations/migrate';
import { migrate } from '../../../shared/migrations/migrate';

/** Four steps, 1 → 5, each leaving a trace of the version it read. */
const STEPS: MigrationStep[] = [
  { from: 3, up: (doc) => ({ ...doc, trail: [...(doc.trail as number[]), 3] }) },
  { from: 1, up: (doc) => ({ ...doc, trail: [1] }) },
  {
    from: 2,
    up: (doc) => {
      const { oldName, ...rest } = doc;
      return { ...rest, newName: oldName, trail: [...(rest.trail as number[]), 2] };
    },
  },
  { from: 4, up: (doc) => ({ ...doc, trail: [...(doc.trail as number[]), 4] }) },
];

describe('migrate', () => {
  it('returns a document at the current version as it is', () => {
    const doc = { schemaVersion: 5, keep: 'me' };
    const outcome = migrate(doc, STEPS, 5);
    expect(outcome).toEqual({ kind: 'current', doc: { schemaVersion: 5, keep: 'me' } });
    expect(outcome.kind === 'current' && outcome.doc).toBe(doc);
  });

  it('chains every step from the version found, in version order, whatever the list order', () => {
    const doc = Object.freeze({ schemaVersion: 1, oldName: 'x', other: true });
    expect(migrate(doc, STEPS, 5)).toEqual({
      kind: 'migrated',
      from: 1,
      doc: { schemaVersion: 5, newName: 'x', other: true, trail: [1, 2, 3, 4] },
    });
    expect(doc).toEqual({ schemaVersion: 1, oldName: 'x', other: true });
  });

  it('starts from the middle of the chain and stops at the current version', () => {
    expect(migrate({ schemaVersion: 3, trail: [] }, STEPS, 5)).toEqual({
      kind: 'migrated',
      from: 3,
      doc: { schemaVersion: 5, trail: [3, 4] },
    });
    expect(migrate({ schemaVersion: 3, trail: [] }, STEPS, 4)).toEqual({
      kind: 'migrated',
      from: 3,
      doc: { schemaVersion: 4, trail: [3] },
    });
  });

  it('sets schemaVersion itself after each step, whatever the step wrote', () => {
    const steps: MigrationStep[] = [{ from: 1, up: (doc) => ({ ...doc, schemaVersion: 99 }) }];
    expect(migrate({ schemaVersion: 1 }, steps, 2)).toEqual({
      kind: 'migrated',
      from: 1,
      doc: { schemaVersion: 2 },
    });
  });

  it('never rewrites a document from a newer app', () => {
    expect(migrate({ schemaVersion: 6, more: 1 }, STEPS, 5)).toEqual({ kind: 'newer', found: 6 });
  });

  it('calls a missing step unversioned rather than skipping it', () => {
    const gap = STEPS.filter((s) => s.from !== 3);
    expect(migrate({ schemaVersion: 1, oldName: 'x' }, gap, 5)).toEqual({ kind: 'unversioned' });
    expect(migrate({ schemaVersion: 4, trail: [] }, gap, 5).kind).toBe('migrated');
  });

  it.each([
    ['null', null],
    ['a string', '{"schemaVersion":1}'],
    ['a number', 1],
    ['an array', [{ schemaVersion: 1 }]],
    ['undefined', undefined],
    ['an object without a version', { settings: {} }],
    ['version 0', { schemaVersion: 0 }],
    ['a negative version', { schemaVersion: -1 }],
    ['a fractional version', { schemaVersion: 1.5 }],
    ['a version as text', { schemaVersion: '1' }],
    ['NaN', { schemaVersion: Number.NaN }],
    ['Infinity', { schemaVersion: Number.POSITIVE_INFINITY }],
  ])('calls %s unversioned', (_name, doc) => {
    expect(migrate(doc, STEPS, 5)).toEqual({ kind: 'unversioned' });
  });
});

describe('APP_STORE_MIGRATIONS', () => {
  it('is at version 2 with one step from version 1', () => {
    expect(APP_STORE_VERSION).toBe(2);
    expect(APP_STORE_MIGRATIONS.map((s) => s.from)).toEqual([1]);
  });

  it('adds an empty inspection index to version 1 settings and keeps the rest', () => {
    const v1 = Object.freeze({
      schemaVersion: 1,
      settings: { locale: 'zh-CN', theme: 'system' },
      window: { width: 1200, height: 800 },
    });
    expect(migrate(v1, APP_STORE_MIGRATIONS, APP_STORE_VERSION)).toEqual({
      kind: 'migrated',
      from: 1,
      doc: {
        schemaVersion: 2,
        settings: { locale: 'zh-CN', theme: 'system' },
        window: { width: 1200, height: 800 },
        index: {},
      },
    });
  });

  it('leaves version 2 alone and refuses version 3', () => {
    const v2 = { schemaVersion: 2, index: { a: 1 } };
    expect(migrate(v2, APP_STORE_MIGRATIONS, APP_STORE_VERSION)).toEqual({
      kind: 'current',
      doc: v2,
    });
    expect(migrate({ schemaVersion: 3 }, APP_STORE_MIGRATIONS, APP_STORE_VERSION)).toEqual({
      kind: 'newer',
      found: 3,
    });
  });
});

describe('INSPECTION_FILE_MIGRATIONS', () => {
  const v1 = {
    format: 'qinglang-inspection/1',
    id: '0b9d2f4e-6a61-4c1a-9a5e-1f0e8c7d6b5a',
    state: 'draft',
    actions: [],
    audit: [{ at: '2026-11-29T08:30:00.000Z', event: 'created' }],
  };

  it('is at version 2: a version 1 file holds a qinglang-inspection/1', () => {
    expect(INSPECTION_FILE_VERSION).toBe(2);
    const outcome = migrate(
      { schemaVersion: 1, inspection: v1, trashedAt: '2026-11-30T00:00:00.000Z' },
      INSPECTION_FILE_MIGRATIONS,
      INSPECTION_FILE_VERSION,
    );
    expect(outcome).toEqual({
      kind: 'migrated',
      from: 1,
      doc: {
        schemaVersion: 2,
        inspection: { ...v1, format: 'qinglang-inspection/2', reopened: [] },
        trashedAt: '2026-11-30T00:00:00.000Z',
      },
    });
  });

  it('makes a stored "signed" a draft: nothing could be signed before version 2', () => {
    const outcome = migrate(
      { schemaVersion: 1, inspection: { ...v1, state: 'signed' } },
      INSPECTION_FILE_MIGRATIONS,
      INSPECTION_FILE_VERSION,
    );
    expect(outcome.kind === 'migrated' && outcome.doc.inspection).toMatchObject({
      state: 'draft',
      format: 'qinglang-inspection/2',
    });
  });

  it('leaves what is not a /1 inspection for the schema to judge', () => {
    const outcome = migrate(
      { schemaVersion: 1, inspection: 'not an inspection' },
      INSPECTION_FILE_MIGRATIONS,
      INSPECTION_FILE_VERSION,
    );
    expect(outcome.kind === 'migrated' && outcome.doc.inspection).toBe('not an inspection');
  });
});
