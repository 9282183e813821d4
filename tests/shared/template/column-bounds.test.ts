import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import builtIn from '../../../resources/templates/school-security-2026.1.json';
import { templateJson } from '../../../shared/template/canonical';
import { evaluate } from '../../../shared/template/engine';
import type { Column, Template } from '../../../shared/template/schema';
import { checkTemplate } from '../../../shared/template/validate';
import { item, template } from './fixtures';

/** qinglang-template/2: min / max on a register's number columns ("nothing lost, nothing let in"). */

const b = (zh: string, en: string) => ({ 'zh-CN': zh, 'en-US': en });
const count: Column = { id: 'count', kind: 'number', label: b('数量', 'Count'), required: true };
const name: Column = { id: 'name', kind: 'text', label: b('名称', 'Name'), required: true };

/** A template with one register of the given columns, declaring `format`. */
function withColumns(format: string, ...columns: Column[]): Template {
  const t = template([item('register', 'devices', { columns })]);
  return { ...t, format } as Template;
}

function problems(input: unknown) {
  const result = checkTemplate(input);
  if (result.ok) return [];
  return result.problems.map((p) => `${p.path}: ${p.message['en-US']} | ${p.message['zh-CN']}`);
}

const COLUMN = '$.sections[0].items[0].columns';

describe('register column bounds in the template format', () => {
  it('accepts min / max on a number column of a qinglang-template/2 template, and keeps them', () => {
    const t = withColumns('qinglang-template/2', name, { ...count, min: 0, max: 500 });
    const result = checkTemplate(t);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.template.format).toBe('qinglang-template/2');
    expect(result.ok && result.template.sections[0]!.items[0]).toMatchObject({
      columns: [{ id: 'name' }, { id: 'count', min: 0, max: 500 }],
    });
  });

  it('accepts a qinglang-template/2 template without any bounds (v2 is v1 plus bounds), and no /4', () => {
    expect(problems(withColumns('qinglang-template/2', name, count))).toEqual([]);
    expect(problems(withColumns('qinglang-template/4', count))).toEqual([
      expect.stringMatching(/^\$\.format: /),
    ]);
  });

  it('refuses column bounds in a qinglang-template/1 template, saying to declare /2', () => {
    expect(problems(withColumns('qinglang-template/1', { ...count, min: 0 }))).toEqual([
      `${COLUMN}[0].min: min on a register column needs qinglang-template/2: declare "format": "qinglang-template/2" | ` +
        '登记表列的 min 是 qinglang-template/2 格式才有的：请把 format 改为“qinglang-template/2”',
    ]);
  });

  it('refuses bounds on a column that is not a number, in either version', () => {
    const text = { ...name, min: 1, max: 3 } as Column;
    for (const format of ['qinglang-template/1', 'qinglang-template/2'])
      expect(problems(withColumns(format, text, count))).toEqual([
        `${COLUMN}[0].min: only a number column has min (this is a "text" column) | 只有数字列可以有 min（这是“text”列）`,
        `${COLUMN}[0].max: only a number column has max (this is a "text" column) | 只有数字列可以有 max（这是“text”列）`,
      ]);
  });

  it('refuses a min above the max', () => {
    expect(problems(withColumns('qinglang-template/2', { ...count, min: 5, max: 1 }))).toEqual([
      `${COLUMN}[0].min: min is greater than max | 最小值大于最大值`,
    ]);
  });

  it('refuses bounds that are not finite numbers', () => {
    const t = JSON.parse(JSON.stringify(withColumns('qinglang-template/2', count)));
    t.sections[0].items[0].columns[0].min = '0';
    expect(problems(t)).toEqual([expect.stringMatching(/^\$\.sections.*columns\[0\]\.min: /)]);
  });
});

describe('the version is part of what a template is', () => {
  it('reads the built-in qinglang-template/1 checklist as before: same format, same hash', () => {
    const result = checkTemplate(builtIn);
    if (!result.ok) throw new Error('the built-in template must be valid');
    expect(result.template.format).toBe('qinglang-template/1');
    const hash = createHash('sha256').update(templateJson(result.template)).digest('hex');
    expect(hash).toBe('f0931d69f918bf058e24318b46d7c3681539b389ac8adb8782e6e02c3fa986e6');
    // The same content declared /2 is another template: it hashes differently, so an inspection
    // pinned to the /1 file can never be matched to it.
    const v2 = checkTemplate({ ...builtIn, format: 'qinglang-template/2' });
    if (!v2.ok) throw new Error(JSON.stringify(v2.problems));
    expect(createHash('sha256').update(templateJson(v2.template)).digest('hex')).not.toBe(hash);
  });
});

describe('a bounded register number column in the engine', () => {
  const t = withColumns('qinglang-template/2', name, { ...count, min: 0 });

  it("makes a -1 count that row's problem, in a number item's words, and leaves the item unanswered", () => {
    const result = evaluate(
      t,
      {
        devices: [
          { name: 'A', count: 3 },
          { name: 'B', count: -1 },
        ],
      },
      '2026-11-29',
    );
    const devices = result.items.devices!;
    expect(devices.problems).toEqual([
      { row: 1, column: 'count', message: b('不能小于 0', 'must be at least 0') },
    ]);
    expect(devices.status).toBe('unanswered');
    expect(result.overall.answered).toBe(0);
    // 0 is within the range: the register is answered once the count is put right.
    const fixed = evaluate(t, { devices: [{ name: 'B', count: 0 }] }, '2026-11-29');
    expect(fixed.items.devices!.problems).toEqual([]);
    expect(fixed.overall.answered).toBe(1);
  });

  it('refuses a count above the max in the same words as a number item', () => {
    const capped = withColumns('qinglang-template/2', { ...count, max: 10 });
    const result = evaluate(capped, { devices: [{ count: 11 }, { count: 10 }] }, '2026-11-29');
    expect(result.items.devices!.problems).toEqual([
      { row: 0, column: 'count', message: b('不能大于 10', 'must be at most 10') },
    ]);
  });
});
