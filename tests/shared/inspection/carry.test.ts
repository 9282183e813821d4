import { describe, expect, it } from 'vitest';
import { carryOver } from '../../../shared/inspection/carry';
import { checkAgainstTemplate } from '../../../shared/inspection/check';
import { duplicateWithReport } from '../../../shared/inspection/create';
import type { Inspection } from '../../../shared/inspection/schema';
import type { Column, Template } from '../../../shared/template/schema';
import { item, template } from '../template/fixtures';
import {
  action,
  b,
  deepFreeze,
  evidence,
  LATER,
  newInspection,
  NOW,
  OTHER_ID,
  PINNED,
  row,
} from './fixtures';

const column = (id: string, kind: Column['kind'], extra: Partial<Column> = {}): Column => ({
  id,
  kind,
  label: b(`列${id}`, `Column ${id}`),
  required: false,
  ...extra,
});
const choices = (...values: string[]) => values.map((v) => ({ value: v, label: b(v) }));

/** Last term's template: what the source was filled against. */
const OLD: Template = template([
  item('check', 'kept'),
  item('number', 'retired'),
  item('yesno', 'became_date'),
  item('choice', 'level', { choices: choices('l1', 'l2', 'l3') }),
  item('multi', 'channels', { choices: choices('web', 'wechat', 'weibo') }),
  item('register', 'devices', {
    columns: [
      column('name', 'text'),
      column('serial', 'text'),
      column('count', 'number'),
      column('zone', 'choice', { choices: choices('lan', 'dmz') }),
    ],
  }),
  item('register', 'screens', { columns: [column('place', 'text')] }),
]);

/** This term's: one item gone, one of another kind, a choice withdrawn, columns changed. */
const NEW: Template = {
  ...template([
    item('check', 'kept'),
    item('date', 'became_date'),
    item('choice', 'level', { choices: choices('l1', 'l2') }),
    item('multi', 'channels', { choices: choices('web', 'wechat') }),
    item('register', 'devices', {
      columns: [
        column('name', 'text'),
        column('count', 'text'),
        column('zone', 'choice', { choices: choices('lan') }),
        column('owner', 'text'),
      ],
    }),
    item('text', 'screens'),
    item('check', 'brand_new'),
  ]),
  version: '2',
};

const source = (): Inspection =>
  deepFreeze(
    newInspection({
      answers: {
        kept: { value: 'compliant', note: '已落实', evidence: [evidence(1)], updatedAt: NOW },
        retired: { value: 90, evidence: [], updatedAt: NOW },
        became_date: { value: 'yes', note: '见台账', evidence: [], updatedAt: NOW },
        level: { value: 'l3', evidence: [], updatedAt: NOW },
        channels: { value: ['web', 'weibo'], evidence: [], updatedAt: NOW },
      },
      registers: {
        devices: [
          row('r1', { name: '交换机', serial: 'SN1', count: 2, zone: 'dmz' }, [evidence(2)]),
          row('r2', { name: '路由器', zone: 'lan' }),
        ],
        screens: [row('s1', { place: '大厅' })],
      },
      actions: [
        action('a1', 'retired'),
        action('a2', 'kept'),
        action('a3', 'screens', { rowId: 's1' }),
        action('a4', 'retired', { state: 'done', doneAt: NOW }),
      ],
    }),
  );

const carry = (withAnswers = true, sourceTemplate: Template | null = OLD) =>
  carryOver(source(), { sourceTemplate, target: NEW, withAnswers });

describe('carrying an inspection into another version of its template', () => {
  it('carries every answer whose item is still there, of the same kind, as it was', () => {
    const { answers } = carry();
    expect(answers['kept']).toEqual(source().answers['kept']);
    expect(answers['channels']).toEqual({ value: ['web'], evidence: [], updatedAt: NOW });
  });

  it('keeps a note and evidence whose item changed kind, without the old value', () => {
    const { answers } = carry();
    expect(answers['became_date']).toEqual({ note: '见台账', evidence: [], updatedAt: NOW });
    // A withdrawn choice with nothing else to keep leaves no answer at all.
    expect(answers).not.toHaveProperty('level');
    expect(answers).not.toHaveProperty('retired');
  });

  it('carries register rows with the cells of columns still there, of the same kind and value', () => {
    const { registers } = carry();
    expect(registers).toEqual({
      devices: [
        row('r1', { name: '交换机' }, [evidence(2)]),
        row('r2', { name: '路由器', zone: 'lan' }),
      ],
    });
  });

  it('lists what it left behind, by label and reason, in the order of the old template', () => {
    expect(carry().leftBehind).toEqual([
      { itemId: 'retired', item: b('问题 retired', 'Question retired'), reason: 'removed' },
      {
        itemId: 'became_date',
        item: b('问题 became_date', 'Question became_date'),
        reason: 'kind-changed',
      },
      { itemId: 'level', item: b('问题 level', 'Question level'), reason: 'choice-removed' },
      {
        itemId: 'channels',
        item: b('问题 channels', 'Question channels'),
        reason: 'choice-removed',
      },
      {
        itemId: 'devices',
        item: b('问题 devices', 'Question devices'),
        columnId: 'serial',
        column: b('列serial', 'Column serial'),
        reason: 'removed',
      },
      {
        itemId: 'devices',
        item: b('问题 devices', 'Question devices'),
        columnId: 'count',
        column: b('列count', 'Column count'),
        reason: 'kind-changed',
      },
      {
        itemId: 'devices',
        item: b('问题 devices', 'Question devices'),
        columnId: 'zone',
        column: b('列zone', 'Column zone'),
        reason: 'choice-removed',
      },
      { itemId: 'screens', item: b('问题 screens', 'Question screens'), reason: 'kind-changed' },
    ]);
  });

  it('without answers, lists only what registers and open actions leave behind', () => {
    const { answers, leftBehind } = carry(false);
    expect(answers).toEqual({});
    expect(leftBehind.map((l) => [l.itemId, l.columnId, l.reason])).toEqual([
      ['retired', undefined, 'removed'],
      ['devices', 'serial', 'removed'],
      ['devices', 'count', 'kind-changed'],
      ['devices', 'zone', 'choice-removed'],
      ['screens', undefined, 'kind-changed'],
    ]);
  });

  it('carries open actions on items still there, without a row that stayed behind', () => {
    const { actions } = carry();
    expect(actions).toEqual([action('a2', 'kept'), action('a3', 'screens')]);
  });

  it('leaves nothing behind when the target is the same template', () => {
    const same = carryOver(source(), { sourceTemplate: OLD, target: OLD, withAnswers: true });
    expect(same.leftBehind).toEqual([]);
    expect(same.answers).toEqual(source().answers);
    expect(same.registers).toEqual(source().registers);
  });

  it('names what it left behind by id when the old template is not installed', () => {
    const { leftBehind } = carry(true, null);
    expect(leftBehind[0]).toEqual({ itemId: 'retired', item: b('retired'), reason: 'removed' });
    // Kinds cannot be compared without it: a value is then judged against the target's choices.
    expect(leftBehind.map((l) => [l.itemId, l.columnId ?? null, l.reason])).toEqual([
      ['retired', null, 'removed'],
      ['level', null, 'choice-removed'],
      ['channels', null, 'choice-removed'],
      ['devices', 'serial', 'removed'],
      ['devices', 'zone', 'choice-removed'],
      ['screens', null, 'kind-changed'],
    ]);
  });

  it('gives a duplicate that fits its new template, reporting what stayed behind', () => {
    const { inspection, leftBehind } = duplicateWithReport(source(), {
      id: OTHER_ID,
      template: PINNED,
      templateContent: NEW,
      sourceTemplate: OLD,
      period: { year: 2027, term: 'spring' },
      inspector: '赵老师',
      now: LATER,
      withAnswers: true,
    });
    expect(checkAgainstTemplate(NEW, inspection)).toEqual([]);
    expect(leftBehind).toHaveLength(8);
  });
});
