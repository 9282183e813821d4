import { describe, expect, it } from 'vitest';
import { checkAgainstTemplate } from '../../../shared/inspection/check';
import type { DuplicateOptions } from '../../../shared/inspection/create';
import {
  createInspection,
  duplicateInspection,
  withAudit,
} from '../../../shared/inspection/create';
import type { AuditEntry, Inspection } from '../../../shared/inspection/schema';
import { inspectionSchema, LIMITS } from '../../../shared/inspection/schema';
import type { Template } from '../../../shared/template/schema';
import { item, template } from '../template/fixtures';
import {
  action,
  b,
  CREATED,
  deepFreeze,
  evidence,
  filledInspection,
  INSPECTION_ID,
  LATER,
  newInspection,
  NOW,
  OTHER_ID,
  PINNED,
  row,
  SCHOOL,
  TEMPLATE,
} from './fixtures';

describe('createInspection', () => {
  it('starts an empty draft, created and updated now, with one audit entry', () => {
    const inspection = createInspection({
      id: INSPECTION_ID,
      template: PINNED,
      school: SCHOOL,
      period: { year: 2027, term: 'spring' },
      inspector: '李老师',
      now: NOW,
    });
    expect(inspection).toEqual({
      format: 'qinglang-inspection/2',
      id: INSPECTION_ID,
      template: PINNED,
      school: SCHOOL,
      period: { year: 2027, term: 'spring' },
      inspector: '李老师',
      state: 'draft',
      createdAt: NOW,
      updatedAt: NOW,
      answers: {},
      registers: {},
      actions: [],
      reopened: [],
      audit: [{ at: NOW, event: 'created' }],
    });
    expect(inspectionSchema.parse(inspection)).toEqual(inspection);
  });

  it("writes its keys in the schema's order", () => {
    const inspection = newInspection();
    expect(Object.keys(inspection)).toEqual(Object.keys(inspectionSchema.parse(inspection)));
  });
});

describe('duplicateInspection', () => {
  const source = (): Inspection =>
    deepFreeze(
      newInspection({
        state: 'signed',
        answers: {
          leading_group: {
            value: 'compliant',
            note: '已成立',
            evidence: [evidence(1)],
            updatedAt: NOW,
          },
          log_days: { value: 90, evidence: [], updatedAt: NOW },
          retired: { value: 'yes', evidence: [], updatedAt: NOW },
          devices: { note: '见附件', evidence: [], updatedAt: NOW },
        },
        registers: {
          devices: [row('r1', { name: '核心交换机', count: 2 }, [evidence(2)]), row('r2')],
        },
        actions: [
          action('a1', 'log_days'),
          action('a2', 'has_budget', { state: 'done', doneAt: NOW }),
          action('a3', 'retired'),
          action('a4', 'devices', { rowId: 'r1' }),
        ],
        audit: [
          { at: CREATED, event: 'created' },
          { at: NOW, event: 'imported' },
        ],
      }),
    );
  const options = (extra: Partial<DuplicateOptions> = {}): DuplicateOptions => ({
    id: OTHER_ID,
    template: PINNED,
    templateContent: TEMPLATE,
    period: { year: 2027, term: 'spring' },
    inspector: '赵老师',
    now: LATER,
    withAnswers: false,
    ...extra,
  });

  it('starts a new draft for the new term, keeping the school', () => {
    const copy = duplicateInspection(source(), options());
    expect(copy.id).toBe(OTHER_ID);
    expect(copy.state).toBe('draft');
    expect(copy.school).toEqual(SCHOOL);
    expect(copy.period).toEqual({ year: 2027, term: 'spring' });
    expect(copy.inspector).toBe('赵老师');
    expect(copy.createdAt).toBe(LATER);
    expect(copy.updatedAt).toBe(LATER);
    expect(copy.template).toEqual(PINNED);
  });

  it('records that it was duplicated, and from which inspection', () => {
    expect(duplicateInspection(source(), options()).audit).toEqual([
      { at: LATER, event: 'duplicated', detail: INSPECTION_ID },
    ]);
  });

  it('always carries the registers, rows and their evidence', () => {
    const copy = duplicateInspection(source(), options());
    expect(copy.registers).toEqual({
      devices: [row('r1', { name: '核心交换机', count: 2 }, [evidence(2)]), row('r2')],
    });
  });

  it('carries answers only when asked, and only for items the template has', () => {
    expect(duplicateInspection(source(), options()).answers).toEqual({});
    const copy = duplicateInspection(source(), options({ withAnswers: true }));
    expect(copy.answers).toEqual({
      leading_group: {
        value: 'compliant',
        note: '已成立',
        evidence: [evidence(1)],
        updatedAt: NOW,
      },
      log_days: { value: 90, evidence: [], updatedAt: NOW },
      devices: { note: '见附件', evidence: [], updatedAt: NOW },
    });
  });

  it('carries only open actions on items the template has', () => {
    const copy = duplicateInspection(source(), options());
    expect(copy.actions.map((a) => a.id)).toEqual(['a1', 'a4']);
    expect(copy.actions[1]).toEqual(action('a4', 'devices', { rowId: 'r1' }));
  });

  it('drops what the target template no longer has, and registers now of another kind', () => {
    const next: Template = template([
      item('check', 'leading_group'),
      item('text', 'devices', { multiline: false }),
    ]);
    const copy = duplicateInspection(
      source(),
      options({ templateContent: next, withAnswers: true }),
    );
    expect(Object.keys(copy.answers).sort()).toEqual(['devices', 'leading_group']);
    expect(copy.registers).toEqual({});
    expect(copy.actions.map((a) => a.id)).toEqual(['a4']);
    expect(checkAgainstTemplate(next, copy)).toEqual([]);
  });

  it('does not carry an empty register', () => {
    const empty = newInspection({ registers: { devices: [] } });
    expect(duplicateInspection(empty, options()).registers).toEqual({});
  });

  it('gives a valid inspection that fits its template', () => {
    const copy = duplicateInspection(source(), options({ withAnswers: true }));
    expect(inspectionSchema.safeParse(copy).success).toBe(true);
    expect(checkAgainstTemplate(TEMPLATE, copy)).toEqual([]);
  });

  it('drops cells of register columns the target template no longer has', () => {
    const next: Template = template([
      item('register', 'devices', {
        columns: [{ id: 'name', kind: 'text', label: b('名称', 'Name'), required: true }],
      }),
    ]);
    const old = newInspection({
      registers: { devices: [row('r1', { name: '交换机', serial: 'SN1' })] },
    });
    const copy = duplicateInspection(old, options({ templateContent: next }));
    expect(checkAgainstTemplate(next, copy)).toEqual([]);
  });

  it('does not touch its source', () => {
    const frozen = source();
    const text = JSON.stringify(frozen);
    duplicateInspection(frozen, options({ withAnswers: true }));
    expect(JSON.stringify(frozen)).toBe(text);
  });

  it('reads item ids as own keys only', () => {
    const hostile: Template = template([item('check', 'constructor'), item('check', 'tostring')]);
    const copy = duplicateInspection(filledInspection(), {
      ...options({ templateContent: hostile, withAnswers: true }),
    });
    expect(copy.answers).toEqual({});
    expect(copy.registers).toEqual({});
  });
});

describe('withAudit', () => {
  const entry = (i: number): AuditEntry => ({
    at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    event: i % 2 === 0 ? 'trashed' : 'restored',
  });

  it('adds an entry at the end and leaves the rest of the inspection alone', () => {
    const inspection = deepFreeze(filledInspection());
    const next = withAudit(inspection, { at: LATER, event: 'imported', detail: OTHER_ID });
    expect(next.audit).toEqual([
      { at: CREATED, event: 'created' },
      { at: LATER, event: 'imported', detail: OTHER_ID },
    ]);
    expect(inspection.audit).toHaveLength(1);
    expect(next.updatedAt).toBe(inspection.updatedAt);
    expect({ ...next, audit: inspection.audit }).toEqual(inspection);
  });

  it('never drops an entry: the trail is whole however long it grows', () => {
    const created: AuditEntry = { at: CREATED, event: 'created' };
    const long = newInspection({
      audit: [created, ...Array.from({ length: 4999 }, (_, i) => entry(i + 1))],
    });
    const next = withAudit(long, entry(5000));
    expect(next.audit).toHaveLength(5001);
    expect(next.audit[0]).toEqual(created);
    expect(next.audit[1]).toEqual(entry(1));
    expect(next.audit.at(-1)).toEqual(entry(5000));
    expect(inspectionSchema.safeParse(next).success).toBe(true);
  });

  it('does not trim below the limit', () => {
    const inspection = newInspection({
      audit: Array.from({ length: LIMITS.audit - 1 }, (_, i) => entry(i)),
    });
    const next = withAudit(inspection, entry(9999));
    expect(next.audit).toHaveLength(LIMITS.audit);
    expect(next.audit[1]).toEqual(entry(1));
  });
});
