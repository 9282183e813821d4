import { describe, expect, it } from 'vitest';
import { actionOverview, rowLabel } from '../../../shared/inspection/action-overview';
import type { Inspection } from '../../../shared/inspection/schema';
import type { RegisterItem, Template } from '../../../shared/template/schema';
import { item, template } from '../template/fixtures';
import { action, b, DEVICES, newInspection, OTHER_ID, row } from './fixtures';

const TODAY = '2026-11-30';

/** Notified hazards: a row is flagged while it is past its deadline and not fixed. */
const HAZARDS: RegisterItem = item('register', 'hazards', {
  prompt: b('通报隐患登记表', 'Notified hazards'),
  columns: [
    { id: 'issue', kind: 'text', label: b('问题', 'Issue'), required: true },
    { id: 'deadline', kind: 'date', label: b('整改期限', 'Deadline'), required: true },
    { id: 'fixed', kind: 'date', label: b('完成日期', 'Fixed on'), required: false },
  ],
  rowRules: [
    {
      id: 'overdue',
      when: {
        all: [
          { fn: 'days_until', ref: 'deadline', op: 'lt', value: 0 },
          { ref: 'fixed', op: 'empty' },
        ],
      },
      effect: 'non-compliant',
      message: b('已逾期未整改', 'overdue and not fixed'),
    },
  ],
});

const TEMPLATE: Template = template(
  [item('yesno', 'has_budget', { prompt: b('有网络安全经费', 'Has a budget') })],
  [DEVICES, HAZARDS],
);

function inspection(overrides: Partial<Inspection> = {}): Inspection {
  return newInspection({
    registers: {
      devices: [row('d1', { name: '  核心\n交换机 ' }), row('d2', { type: 'firewall' })],
      hazards: [
        row('h1', { issue: '弱口令', deadline: '2026-11-01' }),
        row('h2', { issue: '端口暴露', deadline: '2026-11-10' }),
        row('h3', { issue: '已修复', deadline: '2026-11-01', fixed: '2026-11-02' }),
      ],
    },
    actions: [
      action('a1', 'has_budget', { due: '2026-11-29' }),
      action('a2', 'hazards', { rowId: 'h2', due: '2026-12-31' }),
      action('a3', 'devices', {
        rowId: 'd2',
        due: '2026-11-01',
        state: 'done',
        doneAt: '2026-11-20T08:00:00.000Z',
        doneOn: '2026-11-20',
        doneNote: '已更换',
      }),
    ],
    ...overrides,
  });
}

describe('the corrective actions overview', () => {
  it('lists each action with its item, section and row, and whether it is overdue', () => {
    const [entry] = actionOverview(
      [{ inspection: inspection(), template: TEMPLATE }],
      TODAY,
    ).inspections;
    expect(entry).toMatchObject({
      school: '清朗市第一中学',
      period: { year: 2026, term: 'autumn' },
      state: 'draft',
      templateTitle: b('测试', 'Test'),
    });
    expect(
      entry!.actions.map((a) => ({
        id: a.action.id,
        item: a.item,
        row: a.row,
        overdue: a.overdue,
      })),
    ).toEqual([
      {
        id: 'a1',
        item: {
          itemId: 'has_budget',
          prompt: b('有网络安全经费', 'Has a budget'),
          sectionId: 's0',
        },
        row: null,
        overdue: true,
      },
      {
        id: 'a2',
        item: {
          itemId: 'hazards',
          prompt: b('通报隐患登记表', 'Notified hazards'),
          sectionId: 's1',
        },
        row: { rowId: 'h2', number: 2, label: b('端口暴露') },
        overdue: false,
      },
      {
        // Done is never overdue, however long ago it was due.
        id: 'a3',
        item: { itemId: 'devices', prompt: DEVICES.prompt, sectionId: 's1' },
        row: { rowId: 'd2', number: 2, label: b('防火墙', 'Firewall') },
        overdue: false,
      },
    ]);
    // The action itself comes whole: the record of what was done with it.
    expect(entry!.actions[2]!.action).toMatchObject({ doneOn: '2026-11-20', doneNote: '已更换' });
  });

  it('lists the rows a rule flags that no action is against, and only those', () => {
    const [entry] = actionOverview(
      [{ inspection: inspection(), template: TEMPLATE }],
      TODAY,
    ).inspections;
    // h2 is flagged too, but a2 is against it; h3 was fixed.
    expect(entry!.flaggedRows).toEqual([
      {
        item: { itemId: 'hazards', prompt: HAZARDS.prompt, sectionId: 's1' },
        row: { rowId: 'h1', number: 1, label: b('弱口令') },
        effect: 'non-compliant',
        messages: [b('已逾期未整改', 'overdue and not fixed')],
      },
    ]);
    // A done action still counts as the row's follow-up.
    const followed = inspection({
      actions: [
        action('a9', 'hazards', { rowId: 'h1', state: 'done', doneOn: TODAY, doneNote: 'x' }),
      ],
    });
    const [after] = actionOverview(
      [{ inspection: followed, template: TEMPLATE }],
      TODAY,
    ).inspections;
    expect(after!.flaggedRows.map((f) => f.row.rowId)).toEqual(['h2']);
  });

  it('judges dates against the day it is given', () => {
    const [early] = actionOverview(
      [{ inspection: inspection(), template: TEMPLATE }],
      '2026-10-31',
    ).inspections;
    expect(early!.flaggedRows).toEqual([]);
    expect(early!.actions.map((a) => a.overdue)).toEqual([false, false, false]);
  });

  it('without the template, still lists every action, by item id, and flags nothing', () => {
    // Rows are still found; their words are what the cells hold (a choice's stored value).
    const [entry] = actionOverview(
      [{ inspection: inspection(), template: null }],
      TODAY,
    ).inspections;
    expect(entry!.templateTitle).toBeNull();
    expect(entry!.flaggedRows).toEqual([]);
    expect(entry!.actions.map((a) => [a.item, a.row])).toEqual([
      [{ itemId: 'has_budget', prompt: null, sectionId: null }, null],
      [
        { itemId: 'hazards', prompt: null, sectionId: null },
        { rowId: 'h2', number: 2, label: b('端口暴露') },
      ],
      [
        { itemId: 'devices', prompt: null, sectionId: null },
        { rowId: 'd2', number: 2, label: b('firewall') },
      ],
    ]);
  });

  it('gives no row for an action whose row is no longer in the register', () => {
    const gone = inspection({ actions: [action('a1', 'hazards', { rowId: 'zz' })] });
    const [entry] = actionOverview([{ inspection: gone, template: TEMPLATE }], TODAY).inspections;
    expect(entry!.actions[0]!.row).toBeNull();
  });

  it('keeps the inspections in the order given, each with its own id and state', () => {
    const signed = { ...inspection({ actions: [] }), id: OTHER_ID, state: 'signed' as const };
    const overview = actionOverview(
      [
        { inspection: inspection(), template: TEMPLATE },
        { inspection: signed, template: TEMPLATE },
      ],
      TODAY,
    );
    expect(overview.today).toBe(TODAY);
    expect(overview.inspections.map((i) => [i.id, i.state, i.actions.length])).toEqual([
      [inspection().id, 'draft', 3],
      [OTHER_ID, 'signed', 0],
    ]);
  });
});

describe('actions carried over to a later term', () => {
  const THIRD = '5b1f1e52-3c0a-4b7e-9d0e-1a2b3c4d5e6f';
  const spring = inspection();
  const autumn = {
    ...inspection({ actions: [action('a1', 'has_budget', { due: '2026-11-29' })] }),
    id: OTHER_ID,
    period: { year: 2026, term: 'autumn' as const },
  };
  const springFirst = { ...spring, period: { year: 2026, term: 'spring' as const } };

  it('are followed up where they went: marked there, not overdue or counted twice here', () => {
    const overview = actionOverview(
      [
        { inspection: autumn, template: TEMPLATE },
        { inspection: springFirst, template: TEMPLATE },
      ],
      TODAY,
    );
    const [later, earlier] = overview.inspections;
    expect(later!.actions[0]).toMatchObject({ overdue: true, carriedTo: null });
    expect(earlier!.actions.find((a) => a.action.id === 'a1')).toMatchObject({
      overdue: false,
      carriedTo: { inspectionId: OTHER_ID, period: { year: 2026, term: 'autumn' } },
    });
    expect(earlier!.actions.find((a) => a.action.id === 'a2')?.carriedTo).toBeNull();
  });

  it('only to a later term of the same school', () => {
    const otherSchool = { ...autumn, school: { ...autumn.school, code: '9999999999' } };
    const sameTerm = { ...autumn, id: THIRD, period: springFirst.period };
    const overview = actionOverview(
      [
        { inspection: otherSchool, template: TEMPLATE },
        { inspection: sameTerm, template: TEMPLATE },
        { inspection: springFirst, template: TEMPLATE },
      ],
      TODAY,
    );
    expect(overview.inspections[2]!.actions.every((a) => a.carriedTo === null)).toBe(true);
  });
});

describe('a register row in a few words', () => {
  it('is its first filled-in text, on one line and cut at 40 characters', () => {
    expect(rowLabel(row('r', { name: ' 核心\t交换机\n ' }), DEVICES)).toEqual(b('核心 交换机'));
    const long = 'x'.repeat(60);
    expect(rowLabel(row('r', { name: long }), DEVICES)['zh-CN']).toBe(`${'x'.repeat(39)}…`);
  });

  it('else the label of its first chosen option, in each language', () => {
    expect(rowLabel(row('r', { count: 3, type: 'router' }), DEVICES)).toEqual(
      b('路由器', 'Router'),
    );
  });

  it('is empty when nothing in the row can name it', () => {
    expect(rowLabel(row('r', { count: 3, bought: '2026-01-01' }), DEVICES)).toEqual(b(''));
  });

  it('takes any text cell when the item is unknown', () => {
    expect(rowLabel(row('r', { count: 2, model: 'USG6525E' }), undefined)).toEqual(b('USG6525E'));
  });
});
