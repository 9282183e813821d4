import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import builtIn from '../../../resources/templates/school-security-2026.1.json';
import { inspectionJson } from '../../../shared/inspection/canonical';
import type { DemoOptions } from '../../../shared/samples/demo';
import {
  DEMO_AS_OF,
  DEMO_MAX_COUNT,
  DEMO_SEED,
  demoInspections,
} from '../../../shared/samples/demo';
import { periodOf } from '../../../shared/inspection/period';
import type { Inspection } from '../../../shared/inspection/schema';
import {
  INSPECTION_ID_PATTERN,
  inspectionSchema,
  ROW_ID_PATTERN,
} from '../../../shared/inspection/schema';
import {
  engineAnswers,
  evaluateInspection,
  inspectionFigures,
  isOverdue,
} from '../../../shared/inspection/summary';
import { templateJson } from '../../../shared/template/canonical';
import { allItems } from '../../../shared/template/items';
import type { Template } from '../../../shared/template/schema';
import { templateSchema } from '../../../shared/template/schema';
import { checkTemplate } from '../../../shared/template/validate';
import { REQUIRED_MESSAGE } from '../../../shared/template/values';
import { item, template as makeTemplate } from '../template/fixtures';

const TEMPLATE = templateSchema.parse(builtIn);
const hashOf = (t: Template) => createHash('sha256').update(templateJson(t), 'utf8').digest('hex');
const HASH = hashOf(TEMPLATE);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const demo = (overrides: Partial<DemoOptions> = {}) =>
  demoInspections({
    count: 200,
    seed: DEMO_SEED,
    asOf: DEMO_AS_OF,
    template: TEMPLATE,
    templateHash: HASH,
    sha256,
    ...overrides,
  });
const texts = (inspections: readonly Inspection[]) => inspections.map(inspectionJson);

const SAMPLES = demo();

/**
 * Every visible item is either fine or simply not filled in yet: a value that is there is never
 * of the wrong type, out of range, or a register with a bad cell.
 */
function valueProblems(t: Template, inspection: Inspection, asOf: string): string[] {
  const evaluation = evaluateInspection(t, inspection, asOf);
  const answered = engineAnswers(t, inspection);
  return Object.values(evaluation.items)
    .filter((r) => r.visible && r.problems.length > 0)
    .filter(
      (r) =>
        Object.hasOwn(answered, r.id) ||
        r.problems.some((p) => p.message['en-US'] !== REQUIRED_MESSAGE['en-US']),
    )
    .map((r) => `${inspection.school.code} ${r.id}: ${JSON.stringify(r.problems)}`);
}

function hiddenAnswers(t: Template, inspection: Inspection, asOf: string): string[] {
  const evaluation = evaluateInspection(t, inspection, asOf);
  return [...Object.keys(inspection.answers), ...Object.keys(inspection.registers)].filter(
    (id) => evaluation.items[id]?.visible !== true,
  );
}

describe('demoInspections', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('is reproducible: the same options give the same file texts', () => {
    expect(texts(demo())).toEqual(texts(SAMPLES));
  });

  it('reads neither the clock nor Math.random', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random');
    });
    vi.useFakeTimers({ now: new Date('2031-05-05T05:05:05Z') });
    const later = texts(demo({ count: 20 }));
    vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
    expect(texts(demo({ count: 20 }))).toEqual(later);
    expect(later).toEqual(texts(SAMPLES.slice(0, 20)));
  });

  it('gives different samples for a different seed', () => {
    const other = demo({ count: 20, seed: 'another' });
    const mine = SAMPLES.slice(0, 20);
    other.forEach((inspection, i) => expect(inspectionJson(inspection)).not.toBe(texts(mine)[i]));
    expect(other.map((s) => s.school.name)).not.toEqual(mine.map((s) => s.school.name));
  });

  it('keeps the first schools when asked for more', () => {
    expect(texts(demo({ count: 7 }))).toEqual(texts(SAMPLES.slice(0, 7)));
    expect(demo({ count: 0 })).toEqual([]);
  });

  it('writes valid qinglang-inspection/2, in the order of the schema', () => {
    for (const inspection of SAMPLES) {
      const text = inspectionJson(inspection);
      expect(inspectionJson(inspectionSchema.parse(JSON.parse(text)))).toBe(text);
      expect(inspection.id).toMatch(INSPECTION_ID_PATTERN);
      expect(inspection.id[14]).toBe('4');
      expect(inspection.template).toEqual({
        id: TEMPLATE.id,
        version: TEMPLATE.version,
        hash: HASH,
      });
      for (const rows of Object.values(inspection.registers)) {
        for (const row of rows) expect(row.id).toMatch(ROW_ID_PATTERN);
      }
      for (const action of inspection.actions) expect(action.id).toMatch(ROW_ID_PATTERN);
    }
    expect(new Set(SAMPLES.map((s) => s.id)).size).toBe(SAMPLES.length);
  });

  // A thousand whole samples take a few seconds.
  it('names as many different schools, with different 10-digit codes', { timeout: 30_000 }, () => {
    const all = demo({ count: DEMO_MAX_COUNT });
    expect(new Set(all.map((s) => s.school.name)).size).toBe(DEMO_MAX_COUNT);
    expect(new Set(all.map((s) => s.school.code)).size).toBe(DEMO_MAX_COUNT);
    for (const { school } of all) {
      expect(school.code).toMatch(/^\d{10}$/);
      expect(school.name.startsWith(school.district)).toBe(true);
      expect(school.address.startsWith(school.district)).toBe(true);
      expect(school.contactName).not.toBe('');
      expect(school.contactPhone).toMatch(/^(1\d{10}|0\d{2,3}-\d{8})$/);
    }
    expect(new Set(all.map((s) => s.school.district)).size).toBeGreaterThan(20);
    expect(new Set(all.map((s) => s.school.stage)).size).toBeGreaterThanOrEqual(6);
    expect(() => demo({ count: DEMO_MAX_COUNT + 1 })).toThrow(RangeError);
    expect(() => demo({ count: 1.5 })).toThrow(RangeError);
  });

  it('dates everything from asOf: the term, and instants in order, none after asOf', () => {
    const end = Date.parse(`${DEMO_AS_OF}T23:59:59.999Z`);
    for (const s of SAMPLES) {
      expect(s.period).toEqual(periodOf(DEMO_AS_OF));
      expect(s.period).toEqual({ year: 2026, term: 'autumn' });
      const created = Date.parse(s.createdAt);
      const updated = Date.parse(s.updatedAt);
      expect(created).toBeLessThan(updated);
      expect(updated).toBeLessThanOrEqual(end);
      expect(s.audit[0]).toEqual({ at: s.createdAt, event: 'created' });
      expect(s.audit.at(-1)?.at).toBe(s.updatedAt);
      for (const answer of Object.values(s.answers)) {
        const at = Date.parse(answer.updatedAt);
        expect(at >= created && at <= updated).toBe(true);
      }
      for (const action of s.actions) {
        const at = Date.parse(action.createdAt);
        expect(at >= created && at <= updated).toBe(true);
        if (action.doneAt) {
          expect(Date.parse(action.doneAt)).toBeGreaterThanOrEqual(at);
          expect(action.doneOn).toBe(action.doneAt.slice(0, 10));
          expect(action.doneNote).toMatch(/^已/);
        }
      }
    }
    const shifted = demo({ count: 5, asOf: '2027-03-15' });
    for (const s of shifted) {
      expect(s.period).toEqual({ year: 2027, term: 'spring' });
      expect(Date.parse(s.updatedAt)).toBeLessThanOrEqual(Date.parse('2027-03-15T23:59:59Z'));
    }
    expect(() => demo({ asOf: '2026-02-30' })).toThrow(RangeError);
  });

  it('answers only visible items, and no value has a problem', () => {
    for (const s of SAMPLES) {
      expect(hiddenAnswers(TEMPLATE, s, DEMO_AS_OF)).toEqual([]);
      expect(valueProblems(TEMPLATE, s, DEMO_AS_OF)).toEqual([]);
    }
    const noBiometrics = SAMPLES.filter((s) => s.answers.bio_uses?.value === 'no');
    expect(noBiometrics.length).toBeGreaterThan(10);
    for (const s of noBiometrics) {
      expect(s.registers.bio_register).toBeUndefined();
      expect(s.answers.bio_local_storage).toBeUndefined();
    }
  });

  it('has registers of realistic size', () => {
    const sizes = (id: string) =>
      SAMPLES.flatMap((s) => (s.registers[id] ? [s.registers[id].length] : []));
    const inRange = (id: string, min: number, max: number) => {
      const list = sizes(id);
      expect(Math.min(...list)).toBeGreaterThanOrEqual(min);
      expect(Math.max(...list)).toBeLessThanOrEqual(max);
      expect(new Set(list).size).toBeGreaterThan(Math.min(5, max - min));
    };
    inRange('dev_register', 5, 30);
    inRange('media_register', 3, 12);
    inRange('bio_register', 1, 4);
    inRange('duty_hazards', 0, 6);
    expect(sizes('dev_register')).toHaveLength(SAMPLES.length);
    // Schools that use no biometrics have no register at all: 0–4 systems overall.
    const bio = SAMPLES.map((s) => s.registers.bio_register?.length ?? 0);
    expect(bio).toContain(0);
    expect(bio).toContain(4);
  });

  it('varies: answers, progress, compliance, findings, notes and actions', () => {
    const figures = SAMPLES.map((s) =>
      inspectionFigures(evaluateInspection(TEMPLATE, s, DEMO_AS_OF), s, DEMO_AS_OF),
    );
    // Fewer than the generator means to finish: a register with no rows (no notified hazards)
    // reads as unanswered (engineAnswers passes no empty list on to the engine).
    const complete = figures.filter((f) => f.progress === 1).length;
    expect(complete).toBeGreaterThan(SAMPLES.length * 0.4);
    expect(complete).toBeLessThan(SAMPLES.length);
    expect(new Set(figures.map((f) => f.complianceRate)).size).toBeGreaterThan(50);
    expect(figures.filter((f) => f.findings > 0).length).toBeGreaterThan(SAMPLES.length * 0.8);
    expect(figures.filter((f) => f.findings === 0).length).toBeGreaterThan(0);
    expect(figures.filter((f) => f.counts.nonCompliant > 0).length).toBeGreaterThan(50);
    expect(figures.reduce((n, f) => n + f.overdueActions, 0)).toBeGreaterThan(50);
    expect(figures.filter((f) => f.overdueActions > 0).length).toBeGreaterThan(20);

    const values = (id: string) => new Set(SAMPLES.map((s) => s.answers[id]?.value));
    expect(values('org_leading_group')).toEqual(
      new Set(['compliant', 'partial', 'non-compliant', 'na', undefined]),
    );
    expect([...values('assets_backup_cycle')]).toEqual(
      expect.arrayContaining(['daily', 'weekly', 'monthly', 'none']),
    );
    // Some dates trip their rules: a stale signature library, an old policy review.
    const evaluations = SAMPLES.map((s) => evaluateInspection(TEMPLATE, s, DEMO_AS_OF));
    const fired = (itemId: string) =>
      evaluations.filter((e) => e.findings.some((f) => f.itemId === itemId)).length;
    for (const id of [
      'dev_register',
      'dev_av_signature_date',
      'org_policy_review_date',
      'media_register',
      'bio_register',
      'duty_hazards',
      'fw_log_days',
    ]) {
      expect(fired(id), id).toBeGreaterThan(0);
    }
    expect(SAMPLES.some((s) => Object.values(s.answers).some((a) => a.note))).toBe(true);

    const actions = SAMPLES.flatMap((s) => s.actions);
    expect(actions.some((a) => a.state === 'done' && a.doneAt)).toBe(true);
    expect(actions.some((a) => a.state === 'open' && !isOverdue(a, DEMO_AS_OF))).toBe(true);
    expect(actions.some((a) => a.rowId)).toBe(true);
  });

  it('opens actions on items of the template, rows that exist, findings that are there', () => {
    for (const s of SAMPLES) {
      const evaluation = evaluateInspection(TEMPLATE, s, DEMO_AS_OF);
      for (const action of s.actions) {
        const result = evaluation.items[action.itemId];
        expect(result?.visible).toBe(true);
        if (action.state === 'open') {
          expect(['partial', 'non-compliant']).toContain(result?.status);
        }
        if (action.rowId) {
          expect(s.registers[action.itemId]?.some((r) => r.id === action.rowId)).toBe(true);
        }
      }
      expect(new Set(s.actions.map((a) => a.id)).size).toBe(s.actions.length);
    }
  });
});

describe('demoInspections on another template', () => {
  const b = (zh: string, en = zh) => ({ 'zh-CN': zh, 'en-US': en });
  const choices = [
    { value: 'x', label: b('甲') },
    { value: 'y', label: b('乙') },
    { value: 'z', label: b('丙') },
  ];
  const other = makeTemplate(
    [
      item('check', 'c1', { required: true }),
      item('yesno', 'uses', {
        required: true,
        rules: [{ kind: 'equals', value: 'no', effect: 'partial' }],
      }),
      item('date', 'reviewed', {
        visibleIf: { ref: 'uses', op: 'eq', value: 'yes' },
        rules: [{ kind: 'older-than', days: 10, effect: 'non-compliant' }],
      }),
      item('date', 'expires', {
        visibleIf: { ref: 'reviewed', op: 'filled' },
        rules: [{ kind: 'expires-within', days: 60, effect: 'warning' }],
      }),
      item('number', 'score', {
        min: 0.5,
        max: 9.5,
        rules: [
          { kind: 'at-least', value: 3, effect: 'partial' },
          { kind: 'at-most', value: 8, effect: 'warning' },
        ],
      }),
      item('number', 'tiny', { min: 0.2, max: 0.8 }),
    ],
    [
      item('text', 'who', { required: true }),
      item('text', 'story', { multiline: true }),
      item('choice', 'pick', {
        choices,
        rules: [{ kind: 'equals', value: 'z', effect: 'non-compliant' }],
      }),
      item('multi', 'many', {
        choices,
        rules: [{ kind: 'equals', value: 'y', effect: 'partial' }],
      }),
      item('register', 'things', {
        required: true,
        minRows: 2,
        visibleIf: { ref: 'pick', op: 'ne', value: 'x' },
        columns: [
          { id: 'name', kind: 'text', label: b('名称'), required: true },
          { id: 'n', kind: 'number', label: b('数量'), required: true },
          { id: 'd', kind: 'date', label: b('日期'), required: false },
          { id: 'k', kind: 'choice', label: b('类型'), required: true, choices },
          { id: 'ok', kind: 'yesno', label: b('正常'), required: false },
          { id: 'scan', kind: 'file', label: b('扫描件'), required: false },
        ],
        rowRules: [
          {
            id: 'broken',
            when: { ref: 'ok', op: 'eq', value: 'no' },
            effect: 'non-compliant',
            message: b('不正常', 'broken'),
          },
        ],
      }),
    ],
  );

  it('is a valid template to start from', () => {
    const checked = checkTemplate(other);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });

  it('fills any template by its kinds, respecting visibility, min/max and choices', () => {
    const asOf = '2027-09-01';
    const samples = demoInspections({
      count: 60,
      seed: 'other',
      asOf,
      template: other,
      templateHash: hashOf(other),
      sha256,
    });
    const ids = new Set(allItems(other).map((i) => i.id));
    for (const s of samples) {
      inspectionSchema.parse(s);
      expect(s.period).toEqual({ year: 2027, term: 'autumn' });
      expect(Object.keys(s.answers).every((id) => ids.has(id))).toBe(true);
      expect(hiddenAnswers(other, s, asOf)).toEqual([]);
      expect(valueProblems(other, s, asOf)).toEqual([]);
      for (const row of s.registers.things ?? []) expect(row.cells.scan).toBeUndefined();
      if (s.answers.uses?.value === 'no') expect(s.answers.reviewed).toBeUndefined();
    }
    const registers = samples.flatMap((s) => s.registers.things ?? []);
    expect(registers.length).toBeGreaterThan(0);
    expect(samples.some((s) => s.answers.tiny?.value === 0.2)).toBe(true);
    const evaluations = samples.map((s) => evaluateInspection(other, s, asOf));
    expect(evaluations.some((e) => e.findings.length > 0)).toBe(true);
    expect(evaluations.some((e) => e.items.things?.visible === false)).toBe(true);
  });
});
