import { describe, expect, it } from 'vitest';
import type { Inspection } from '../../../shared/inspection/schema';
import {
  engineAnswers,
  evaluateInspection,
  inspectionFigures,
  isOverdue,
} from '../../../shared/inspection/summary';
import type { Template } from '../../../shared/template/schema';
import { item, template } from '../template/fixtures';
import {
  action,
  b,
  BUILT_IN,
  evidence,
  filledInspection,
  newInspection,
  NOW,
  row,
  TEMPLATE,
} from './fixtures';

const TODAY = '2026-11-29';
const answer = (value: string | number | string[] | undefined, note?: string) => ({
  ...(value !== undefined && { value }),
  ...(note !== undefined && { note }),
  evidence: [],
  updatedAt: NOW,
});

describe('engineAnswers', () => {
  it("gives item values and each register's rows as their cells", () => {
    expect(engineAnswers(TEMPLATE, filledInspection())).toEqual({
      leading_group: 'compliant',
      has_budget: 'no',
      devices: [
        { name: '核心交换机', count: 2 },
        { name: '防火墙', type: 'firewall' },
      ],
    });
  });

  it('leaves out answers holding only a note or evidence, and items the template lacks', () => {
    const inspection = newInspection({
      answers: {
        log_days: { note: '未统计', evidence: [evidence(1)], updatedAt: NOW },
        retired: answer('yes'),
        constructor: answer('x'),
        backup: answer(['router']),
      },
      registers: { retired_register: [row('r1', { name: 'x' })] },
    });
    expect(engineAnswers(TEMPLATE, inspection)).toEqual({ backup: ['router'] });
  });

  it('never reads a value from the answer given to a register, only its rows', () => {
    const inspection = newInspection({ answers: { devices: answer('router', '见附件') } });
    expect(engineAnswers(TEMPLATE, inspection)).toEqual({});
  });

  it('passes a register confirmed empty as an empty list, an untouched one not at all', () => {
    expect(engineAnswers(TEMPLATE, newInspection({ registers: { devices: [] } }))).toEqual({
      devices: [],
    });
    expect(engineAnswers(TEMPLATE, newInspection())).toEqual({});
  });

  it('does not find Object.prototype members for items named like them', () => {
    const hostile: Template = template([
      item('text', 'constructor', { multiline: false }),
      item('register', 'tostring'),
    ]);
    expect(engineAnswers(hostile, newInspection())).toEqual({});
  });

  it('fills the built-in template the engine reads', () => {
    const inspection = newInspection({
      answers: { org_leading_group: answer('compliant'), fw_log_days: answer(90) },
      registers: { duty_hazards: [] },
    });
    expect(engineAnswers(BUILT_IN, inspection)).toEqual({
      org_leading_group: 'compliant',
      fw_log_days: 90,
      duty_hazards: [],
    });
    const evaluation = evaluateInspection(BUILT_IN, inspection, TODAY);
    expect(evaluation.items.org_leading_group?.status).toBe('compliant');
    expect(evaluation.items.fw_log_days?.status).toBe('non-compliant');
    expect(evaluation.overall.answered).toBe(3);
  });
});

describe('isOverdue', () => {
  it('is true for an open action due before today, only', () => {
    expect(isOverdue(action('a1', 'x', { due: '2026-11-28' }), TODAY)).toBe(true);
    expect(isOverdue(action('a1', 'x', { due: '2025-12-31' }), TODAY)).toBe(true);
    expect(isOverdue(action('a1', 'x', { due: TODAY }), TODAY)).toBe(false);
    expect(isOverdue(action('a1', 'x', { due: '2026-11-30' }), TODAY)).toBe(false);
  });

  it('is false for a done action, however late', () => {
    expect(
      isOverdue(action('a1', 'x', { due: '2020-01-01', state: 'done', doneAt: NOW }), TODAY),
    ).toBe(false);
  });

  it('is false when a date is not a real date', () => {
    expect(isOverdue(action('a1', 'x', { due: '2026-02-30' }), TODAY)).toBe(false);
    expect(isOverdue(action('a1', 'x', { due: '2026-01-01' }), 'today')).toBe(false);
  });
});

describe('inspectionFigures', () => {
  const FIGURES_TEMPLATE: Template = template([
    item('check', 'leader', { required: true }),
    item('check', 'policy', { required: true }),
    item('number', 'logs', {
      rules: [
        { kind: 'at-least', value: 180, effect: 'non-compliant' },
        { kind: 'at-most', value: 1000, effect: 'warning' },
      ],
    }),
    item('yesno', 'budget', { rules: [{ kind: 'equals', value: 'no', effect: 'partial' }] }),
    item('text', 'admin', { multiline: false }),
    item('register', 'devices', {
      columns: [
        { id: 'name', kind: 'text', label: b('名称', 'Name'), required: true },
        { id: 'ok', kind: 'yesno', label: b('正常', 'Working'), required: false },
      ],
      rowRules: [
        {
          id: 'broken',
          when: { ref: 'ok', op: 'eq', value: 'no' },
          effect: 'partial',
          message: b('设备故障', 'device broken'),
        },
      ],
    }),
  ]);

  const figures = (inspection: Inspection) =>
    inspectionFigures(evaluateInspection(FIGURES_TEMPLATE, inspection, TODAY), inspection, TODAY);

  it('counts nothing yet for a new inspection', () => {
    expect(figures(newInspection())).toEqual({
      progress: 0,
      answered: 0,
      applicable: 6,
      complianceRate: null,
      counts: { compliant: 0, partial: 0, nonCompliant: 0, na: 0, unanswered: 5 },
      findings: 0,
      openActions: 0,
      overdueActions: 0,
    });
  });

  it('counts progress, statuses, findings without warnings, and open and overdue actions', () => {
    const inspection = newInspection({
      answers: {
        leader: answer('compliant'),
        policy: answer('na'),
        logs: answer(2000), // above 1000: a warning, not a finding
        budget: answer('no'), // partial
        admin: answer(undefined, '待定'), // a note only: not answered
      },
      registers: {
        devices: [row('r1', { name: 'AP', ok: 'no' }), row('r2', { name: '交换机', ok: 'no' })],
      },
      actions: [
        action('a1', 'budget', { due: '2026-11-01' }),
        action('a2', 'devices', { due: '2026-12-31', rowId: 'r1' }),
        action('a3', 'logs', { due: '2026-01-01', state: 'done', doneAt: NOW }),
        action('a4', 'leader', { due: '2026-11-28' }),
      ],
    });
    expect(figures(inspection)).toEqual({
      progress: 5 / 6,
      answered: 5,
      applicable: 6,
      complianceRate: (2 + 2 / 2) / 4,
      counts: { compliant: 2, partial: 2, nonCompliant: 0, na: 1, unanswered: 0 },
      findings: 3,
      openActions: 3,
      overdueActions: 2,
    });
  });

  it('counts a value below the rule as non-compliant', () => {
    const inspection = newInspection({
      answers: { leader: answer('non-compliant'), logs: answer(30) },
    });
    const result = figures(inspection);
    expect(result.counts).toEqual({
      compliant: 0,
      partial: 0,
      nonCompliant: 2,
      na: 0,
      unanswered: 3,
    });
    expect(result.complianceRate).toBe(0);
    expect(result.findings).toBe(2);
  });
});
