import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffTemplates } from '../../../shared/template/diff';
import { diffCounts, ITEM_FIELD_LABELS } from '../../../shared/template/diff-labels';
import { templateDiffSchema } from '../../../shared/template/diff-schema';
import { allItems } from '../../../shared/template/items';
import type { Template } from '../../../shared/template/schema';
import { templateSchema } from '../../../shared/template/schema';
import { item, template } from './fixtures';

const b = (zh: string, en: string = zh) => ({ 'zh-CN': zh, 'en-US': en });
const versioned = (t: Template, version: string): Template => ({ ...t, version });

describe('diffTemplates', () => {
  it('finds nothing between a template and itself', () => {
    const t = template([item('check', 'a'), item('register', 'reg')]);
    const diff = diffTemplates(t, versioned(t, '2'));
    expect(diff.same).toBe(true);
    expect(diff.items).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.from.version).toBe('1');
    expect(diff.to.version).toBe('2');
    expect(diffCounts(diff)['en-US']).toBe(
      'items: 0 added, 0 removed, 0 changed; sections: 0 added, 0 removed, 0 renamed',
    );
  });

  it('lists added and removed items by id, in the order of their template, with their section', () => {
    const before = template([item('check', 'a'), item('check', 'gone')]);
    const after = template([item('check', 'a'), item('date', 'new1')], [item('yesno', 'new2')]);
    const diff = diffTemplates(before, after);
    expect(diff.same).toBe(false);
    expect(diff.items.removed.map((i) => i.id)).toEqual(['gone']);
    expect(diff.items.added).toEqual([
      {
        id: 'new1',
        kind: 'date',
        section: b('第0节', 'Section 0'),
        prompt: b('问题 new1', 'Question new1'),
      },
      {
        id: 'new2',
        kind: 'yesno',
        section: b('第1节', 'Section 1'),
        prompt: b('问题 new2', 'Question new2'),
      },
    ]);
    expect(diff.sections.added).toEqual([{ id: 's1', name: b('第1节', 'Section 1') }]);
    expect(diff.items.changed).toEqual([]);
  });

  it('says which fields of an item changed, with before and after in words', () => {
    const before = template([
      item('number', 'logs', {
        basis: [{ ...b('《网络安全法》第二十一条', 'CSL Art. 21'), confirmed: false }],
        rules: [{ kind: 'at-least', value: 180, effect: 'non-compliant' }],
        unit: b('天', 'days'),
      }),
      item('check', 'quiet'),
    ]);
    const after = template([
      item('number', 'logs', {
        prompt: b('日志保存六个月以上？', 'Logs kept six months?'),
        basis: [{ ...b('《网络安全法》第二十一条', 'CSL Art. 21'), confirmed: true }],
        rules: [{ kind: 'at-least', value: 6, effect: 'non-compliant' }],
        unit: b('个月', 'months'),
        required: true,
        guidance: b('从最早一条日志算起', 'Count from the oldest log'),
      }),
      item('check', 'quiet'),
    ]);
    const [change, ...rest] = diffTemplates(before, after).items.changed;
    expect(rest).toEqual([]);
    expect(change!.id).toBe('logs');
    expect(change!.prompt['en-US']).toBe('Logs kept six months?');
    expect(change!.changes.map((c) => c.field)).toEqual([
      'prompt',
      'guidance',
      'basis',
      'required',
      'rules',
      'unit',
    ]);
    const byField = new Map(change!.changes.map((c) => [c.field, c]));
    expect(byField.get('prompt')!.before).toEqual(b('问题 logs', 'Question logs'));
    expect(byField.get('basis')!.before!['en-US']).toBe('CSL Art. 21 (unconfirmed)');
    expect(byField.get('basis')!.after!['en-US']).toBe('CSL Art. 21');
    expect(byField.get('required')).toEqual({
      field: 'required',
      before: b('否', 'No'),
      after: b('是', 'Yes'),
    });
    expect(byField.get('rules')!.before!['en-US']).toBe('below 180 days → Non-compliant');
    expect(byField.get('rules')!.after!['en-US']).toBe('below 6 months → Non-compliant');
    // Guidance is long: which field, not the texts.
    expect(byField.get('guidance')).toEqual({ field: 'guidance' });
    expect(ITEM_FIELD_LABELS[change!.changes[0]!.field]).toEqual(b('检查内容', 'prompt'));
  });

  it('reports a change of kind, of section, of choices and of the visibility condition', () => {
    const before = template(
      [item('yesno', 'uses'), item('text', 'moves'), item('choice', 'pick')],
      [item('check', 'shown', { visibleIf: { ref: 'uses', op: 'eq', value: 'yes' } })],
    );
    const after = template(
      [
        item('choice', 'uses'),
        item('choice', 'pick', {
          choices: [
            { value: 'a', label: b('甲', 'A') },
            { value: 'c', label: b('丙', 'C') },
          ],
        }),
      ],
      [item('text', 'moves'), item('check', 'shown')],
    );
    const changed = new Map(diffTemplates(before, after).items.changed.map((c) => [c.id, c]));
    expect(changed.get('uses')!.changes.map((c) => c.field)).toEqual(['kind', 'choices']);
    expect(changed.get('uses')!.changes[0]).toMatchObject({
      before: b('是/否', 'yes / no'),
      after: b('单选', 'single choice'),
    });
    expect(changed.get('moves')!.changes).toEqual([
      { field: 'section', before: b('第0节', 'Section 0'), after: b('第1节', 'Section 1') },
    ]);
    expect(changed.get('pick')!.changes).toEqual([
      { field: 'choices', before: b('甲、乙', 'A, B'), after: b('甲、丙', 'A, C') },
    ]);
    expect(changed.get('shown')!.changes).toEqual([
      {
        field: 'visibleIf',
        before: b('「问题 uses」为“是”', '"Question uses" is "Yes"'),
        after: b('（无）', '(none)'),
      },
    ]);
  });

  it('compares a register column by column and row rule by row rule', () => {
    const col = (id: string, extra = {}) => ({
      id,
      kind: 'text' as const,
      label: b(`列${id}`, `Column ${id}`),
      required: false,
      ...extra,
    });
    const rule = (id: string, days: number) => ({
      id,
      when: { fn: 'days_since' as const, ref: 'checked', op: 'gt' as const, value: days },
      effect: 'warning' as const,
      message: b(`规则${id}`, `Rule ${id}`),
    });
    const before = template([
      item('register', 'devices', {
        columns: [col('name'), col('old'), col('checked', { kind: 'date' })],
        rowRules: [rule('stale', 180), rule('dropped', 1)],
      }),
    ]);
    const after = template([
      item('register', 'devices', {
        columns: [
          col('name', { required: true, label: b('设备名称', 'Device name') }),
          col('checked', { kind: 'date' }),
          col('room'),
        ],
        rowRules: [rule('stale', 120), rule('fresh', 1)],
        minRows: 1,
      }),
    ]);
    const [change] = diffTemplates(before, after).items.changed;
    expect(change!.changes.map((c) => c.field)).toEqual(['columns', 'rowRules', 'minRows']);
    expect(change!.changes[2]).toEqual({ field: 'minRows', before: b('0'), after: b('1') });
    expect(change!.register).toEqual({
      columnsAdded: [{ id: 'room', name: b('列room', 'Column room') }],
      columnsRemoved: [{ id: 'old', name: b('列old', 'Column old') }],
      columnsChanged: [
        { id: 'name', name: b('设备名称', 'Device name'), fields: ['label', 'required'] },
      ],
      rowRulesAdded: [{ id: 'fresh', name: b('规则fresh', 'Rule fresh') }],
      rowRulesRemoved: [{ id: 'dropped', name: b('规则dropped', 'Rule dropped') }],
      rowRulesChanged: [{ id: 'stale', name: b('规则stale', 'Rule stale'), fields: ['when'] }],
    });
  });

  it('reports sections added, removed and renamed', () => {
    const before = template([item('check', 'a')], [item('check', 'b')]);
    const after: Template = {
      ...template([item('check', 'a')]),
      sections: [
        { id: 's0', title: b('组织管理', 'Organisation'), items: [item('check', 'a')] },
        { id: 'new', title: b('机房', 'Server room'), items: [item('check', 'b')] },
      ],
    };
    const diff = diffTemplates(before, after);
    expect(diff.sections).toEqual({
      added: [{ id: 'new', name: b('机房', 'Server room') }],
      removed: [{ id: 's1', name: b('第1节', 'Section 1') }],
      renamed: [
        { id: 's0', before: b('第0节', 'Section 0'), after: b('组织管理', 'Organisation') },
      ],
    });
    expect(diff.items.changed.map((c) => c.id)).toEqual(['b']);
  });

  it('gives what the IPC schema accepts', () => {
    const before = template([item('register', 'r'), item('number', 'n', { min: 1 })]);
    const after = template([
      item('register', 'r', { minRows: 2 }),
      item('number', 'n', { max: 9 }),
    ]);
    const diff = diffTemplates(before, after);
    expect(templateDiffSchema.parse(diff)).toEqual(diff);
    expect(diff.items.changed[1]!.changes).toEqual([
      { field: 'range', before: b('≥ 1'), after: b('≤ 9') },
    ]);
  });
});

describe('diffTemplates on the built-in 2026.1 and 2026.2', () => {
  const read = (version: string) =>
    templateSchema.parse(
      JSON.parse(fs.readFileSync(`resources/templates/school-security-${version}.json`, 'utf8')),
    );
  const v1 = read('2026.1');
  const v2 = read('2026.2');
  const diff = diffTemplates(v1, v2);
  const ids = (t: Template) => new Set(allItems(t).map((i) => i.id));

  it('lists as removed exactly the items of 2026.1 that 2026.2 lacks, and as added the new ones', () => {
    const [old, now] = [ids(v1), ids(v2)];
    expect(diff.items.removed.map((i) => i.id).sort()).toEqual(
      [...old].filter((id) => !now.has(id)).sort(),
    );
    expect(diff.items.added.map((i) => i.id).sort()).toEqual(
      [...now].filter((id) => !old.has(id)).sort(),
    );
  });

  it('lists as changed only items both have, each with at least one field, and fits the IPC schema', () => {
    const [old, now] = [ids(v1), ids(v2)];
    for (const change of diff.items.changed) {
      expect(old.has(change.id) && now.has(change.id)).toBe(true);
      expect(change.changes.length).toBeGreaterThan(0);
    }
    expect(templateDiffSchema.parse(diff)).toEqual(diff);
    expect(diff.from.version).toBe('2026.1');
    expect(diff.to.version).toBe('2026.2');
  });

  it('finds nothing going back and forth: 2026.2 against itself is the same', () => {
    expect(diffTemplates(v2, v2).same).toBe(true);
    const back = diffTemplates(v2, v1);
    expect(back.items.added.map((i) => i.id).sort()).toEqual(
      diff.items.removed.map((i) => i.id).sort(),
    );
  });
});
