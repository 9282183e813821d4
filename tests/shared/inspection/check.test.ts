import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/inspection/changes';
import {
  checkAgainstTemplate,
  checkChange,
  checkInspectionShape,
} from '../../../shared/inspection/check';
import type { Inspection } from '../../../shared/inspection/schema';
import { FORBIDDEN_CHARACTERS } from '../../../shared/inspection/patterns';
import {
  action,
  evidence,
  filledInspection,
  nestedArray,
  newInspection,
  NOW,
  row,
  sha,
  TEMPLATE,
} from './fixtures';

/** A copy through JSON, as a file read from disk would arrive. */
const asFile = (inspection: Inspection): Record<string, unknown> =>
  JSON.parse(JSON.stringify(inspection)) as Record<string, unknown>;

function problemsOf(input: unknown) {
  const checked = checkInspectionShape(input);
  if (checked.ok) throw new Error('the input passed');
  return checked.problems;
}
const paths = (input: unknown) => problemsOf(input).map((p) => p.path);

describe('checkInspectionShape', () => {
  it('passes a valid inspection and gives it back', () => {
    const file = asFile(filledInspection());
    expect(checkInspectionShape(file)).toEqual({ ok: true, inspection: filledInspection() });
  });

  it('passes a new, empty inspection', () => {
    expect(checkInspectionShape(asFile(newInspection())).ok).toBe(true);
  });

  it('refuses what is not an object at all', () => {
    for (const input of [null, 'inspection', 42, [], undefined]) {
      expect(paths(input)).toEqual(['$']);
    }
  });

  it('names every missing field of a truncated file', () => {
    const file = asFile(newInspection());
    delete file.answers;
    delete file.audit;
    delete file.school;
    expect(paths(file).sort()).toEqual(['$.answers', '$.audit', '$.school']);
  });

  it('names a wrong type by its path, in both languages', () => {
    const file = asFile(filledInspection());
    (file.period as Record<string, unknown>).year = '2026';
    const problems = problemsOf(file);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('$.period.year');
    expect(problems[0]?.message['zh-CN']).toBe('类型不对，应为数字');
    expect(problems[0]?.message['en-US']).toMatch(/^should be a number$/);
  });

  it('gives array indexes in the path', () => {
    const file = asFile(filledInspection());
    const rows = (file.registers as Record<string, Record<string, unknown>[]>).devices!;
    rows[1]!.id = 'has space';
    const actions = file.actions as Record<string, unknown>[];
    actions[0]!.due = '2026/12/31';
    expect(paths(file).sort()).toEqual(['$.actions[0].due', '$.registers.devices[1].id']);
  });

  it('refuses unknown keys, naming them in both languages', () => {
    const file = asFile(newInspection());
    file.signature = 'x';
    (file.school as Record<string, unknown>).principal = '校长';
    const problems = problemsOf(file);
    expect(problems.map((p) => p.path).sort()).toEqual(['$', '$.school']);
    const top = problems.find((p) => p.path === '$');
    expect(top?.message['zh-CN']).toBe('不认识的字段：signature');
    expect(top?.message['en-US']).toContain('signature');
  });

  it('refuses another format and a malformed id', () => {
    const file = asFile(newInspection());
    file.format = 'qinglang-inspection/3';
    file.id = 'not-a-uuid';
    expect(paths(file).sort()).toEqual(['$.format', '$.id']);
  });

  it('refuses a structure nested more than 64 levels, without exhausting the stack', () => {
    const file = asFile(newInspection());
    file.inspector = nestedArray(10_000);
    expect(problemsOf(file)).toEqual([
      {
        path: '$',
        message: {
          'zh-CN': '结构嵌套超过 64 层',
          'en-US': 'nested more than 64 levels deep',
        },
      },
    ]);
    expect(problemsOf(nestedArray(10_000))).toHaveLength(1);
  });

  it('checks depth up to exactly 64 levels as usual shape', () => {
    const file = asFile(newInspection());
    file.inspector = nestedArray(63); // 64 levels with the inspection itself
    expect(paths(file)).toEqual(['$.inspector']);
    file.inspector = nestedArray(64);
    expect(paths(file)).toEqual(['$']);
  });

  it('refuses control characters and bidi overrides in every text field', () => {
    const cases: [string, (file: Record<string, unknown>) => void][] = [
      ['$.inspector', (f) => (f.inspector = '李老师\u202E')],
      ['$.school.name', (f) => ((f.school as Record<string, unknown>).name = '一中\u0007')],
      [
        '$.answers.leading_group.note',
        (f) =>
          ((f.answers as Record<string, Record<string, unknown>>).leading_group!.note = 'a\u0000'),
      ],
      [
        '$.answers.leading_group.evidence[0].name',
        (f) => {
          const answer = (f.answers as Record<string, { evidence: Record<string, unknown>[] }>)
            .leading_group!;
          answer.evidence[0]!.name = 'photo\u202Egpj.exe';
        },
      ],
      [
        '$.registers.devices[0].cells.name',
        (f) => {
          const rows = (f.registers as Record<string, { cells: Record<string, unknown> }[]>)
            .devices!;
          rows[0]!.cells.name = '交换机\u2066';
        },
      ],
      [
        '$.actions[0].description',
        (f) => ((f.actions as Record<string, unknown>[])[0]!.description = '整改\u009b'),
      ],
    ];
    for (const [path, spoil] of cases) {
      const file = asFile(filledInspection());
      spoil(file);
      const problems = problemsOf(file);
      expect(problems.map((p) => p.path)).toEqual([path]);
      // One language each, not both run together.
      expect(problems[0]?.message).toEqual({
        'zh-CN': '含有不可见的控制字符或文字方向控制符',
        'en-US': 'contains invisible control or text-direction characters',
      });
    }
  });

  it('accepts tabs and line breaks in free text, but not in one-line fields', () => {
    const file = asFile(filledInspection());
    (file.answers as Record<string, Record<string, unknown>>).leading_group!.note =
      '第一行\r\n第二行\t备注';
    expect(checkInspectionShape(file).ok).toBe(true);
    file.inspector = '李\n老师';
    expect(paths(file)).toEqual(['$.inspector']);
  });

  it('agrees with FORBIDDEN_CHARACTERS on every single character (property)', () => {
    const base = asFile(newInspection());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x2100 }), (code) => {
        const c = String.fromCharCode(code);
        if (c >= '\ud800' && c <= '\udfff') return; // a lone surrogate is not text
        const checked = checkInspectionShape({ ...base, inspector: `李${c}老师` });
        const forbidden = FORBIDDEN_CHARACTERS.test(c) || c === '\n' || c === '\r';
        expect(checked.ok).toBe(!forbidden);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a __proto__ key wherever it is, with its path, instead of dropping it', () => {
    // JSON.parse keeps "__proto__" as an own key; a schema's record would silently drop it.
    const text = JSON.stringify(filledInspection())
      .replace('"answers":{', '"answers":{"__proto__":{"value":"compliant","evidence":[]},')
      .replace('"devices":[', '"__proto__":[],"devices":[')
      .replace('"cells":{', '"cells":{"__proto__":"x",');
    const result = checkInspectionShape(JSON.parse(text));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual([
      '$.answers.__proto__',
      '$.registers.__proto__',
      '$.registers.devices[0].cells.__proto__',
    ]);
    expect(result.problems[0]!.message['zh-CN']).toContain('__proto__');
    expect(({} as Record<string, unknown>)['value']).toBeUndefined();
  });

  it('refuses a register over the 5000-row limit', () => {
    const rows = Array.from({ length: 5001 }, (_, i) => row(`r${i}`, { name: `设备${i}` }));
    expect(paths(asFile(newInspection({ registers: { devices: rows } })))).toEqual([
      '$.registers.devices',
    ]);
    expect(
      checkInspectionShape(asFile(newInspection({ registers: { devices: rows.slice(1) } }))).ok,
    ).toBe(true);
  });

  it('reports at most 200 problems', () => {
    const rows = Array.from({ length: 300 }, (_, i) => row(`bad id ${i}`));
    expect(problemsOf(asFile(newInspection({ registers: { devices: rows } })))).toHaveLength(200);
  });
});

describe('checkAgainstTemplate', () => {
  it('finds nothing wrong with an inspection that fits', () => {
    expect(checkAgainstTemplate(TEMPLATE, filledInspection())).toEqual([]);
    expect(checkAgainstTemplate(TEMPLATE, newInspection())).toEqual([]);
  });

  it('names an answer for an item the template does not have', () => {
    const inspection = newInspection({
      answers: {
        retired_item: { value: 'yes', evidence: [], updatedAt: NOW },
        constructor: { note: 'x', evidence: [], updatedAt: NOW },
      },
    });
    expect(checkAgainstTemplate(TEMPLATE, inspection)).toEqual([
      {
        path: '$.answers.retired_item',
        message: {
          'zh-CN': '模板中没有这一项：retired_item',
          'en-US': 'the template has no item retired_item',
        },
      },
      {
        path: '$.answers.constructor',
        message: {
          'zh-CN': '模板中没有这一项：constructor',
          'en-US': 'the template has no item constructor',
        },
      },
    ]);
  });

  it("refuses a value in a register's answer, but allows its note and evidence", () => {
    const noted = newInspection({
      answers: { devices: { note: '见附件', evidence: [evidence(1)], updatedAt: NOW } },
    });
    expect(checkAgainstTemplate(TEMPLATE, noted)).toEqual([]);
    const valued = newInspection({
      answers: { devices: { value: 'router', evidence: [], updatedAt: NOW } },
    });
    expect(checkAgainstTemplate(TEMPLATE, valued)).toEqual([
      {
        path: '$.answers.devices.value',
        message: {
          'zh-CN': '登记表的内容应在 registers 中',
          'en-US': "a register's rows belong in registers",
        },
      },
    ]);
  });

  it('refuses rows for an item that is not a register, or not in the template', () => {
    const inspection = newInspection({
      registers: { log_days: [row('r1')], gone: [] },
    });
    expect(checkAgainstTemplate(TEMPLATE, inspection)).toEqual([
      {
        path: '$.registers.log_days',
        message: {
          'zh-CN': '模板中没有这个登记表：log_days',
          'en-US': 'the template has no register log_days',
        },
      },
      {
        path: '$.registers.gone',
        message: {
          'zh-CN': '模板中没有这个登记表：gone',
          'en-US': 'the template has no register gone',
        },
      },
    ]);
  });

  it('names a cell in a column the register does not have', () => {
    const inspection = newInspection({
      registers: { devices: [row('r1', { name: 'AP' }), row('r2', { serial: 'X1', name: 'B' })] },
    });
    expect(checkAgainstTemplate(TEMPLATE, inspection)).toEqual([
      {
        path: '$.registers.devices[1].cells.serial',
        message: {
          'zh-CN': '登记表没有这一列：serial',
          'en-US': 'the register has no column serial',
        },
      },
    ]);
  });

  it('names a duplicate row id at its second place', () => {
    const inspection = newInspection({
      registers: { devices: [row('r1'), row('r2'), row('r1')] },
    });
    expect(checkAgainstTemplate(TEMPLATE, inspection)).toEqual([
      {
        path: '$.registers.devices[2].id',
        message: { 'zh-CN': '行编号重复：r1', 'en-US': 'duplicate row id r1' },
      },
    ]);
  });

  it('names an action against an item the template does not have', () => {
    const inspection = newInspection({
      actions: [action('a1', 'log_days'), action('a2', 'firewall_old')],
    });
    expect(checkAgainstTemplate(TEMPLATE, inspection)).toEqual([
      {
        path: '$.actions[1].itemId',
        message: {
          'zh-CN': '模板中没有这一项：firewall_old',
          'en-US': 'the template has no item firewall_old',
        },
      },
    ]);
  });

  it('lists every problem at once, at most 200', () => {
    const answers = Object.fromEntries(
      Array.from({ length: 250 }, (_, i) => [`old_${i}`, { evidence: [], updatedAt: NOW }]),
    );
    expect(checkAgainstTemplate(TEMPLATE, newInspection({ answers }))).toHaveLength(200);
  });
});

describe('checkChange', () => {
  const ok = (change: Change) => expect(checkChange(TEMPLATE, change)).toBeNull();

  it('allows edits that fit the template', () => {
    ok({ kind: 'answer', itemId: 'log_days', value: 200 });
    ok({ kind: 'note', itemId: 'devices', note: '见附件' });
    ok({ kind: 'evidence-add', itemId: 'devices', refs: [evidence(1)] });
    ok({ kind: 'evidence-add', itemId: 'devices', rowId: 'r1', refs: [evidence(1)] });
    ok({ kind: 'evidence-remove', itemId: 'leading_group', sha256: sha(1) });
    ok({ kind: 'rows-insert', itemId: 'devices', index: 0, rows: [row('r1', { name: 'AP' })] });
    ok({ kind: 'cell', itemId: 'devices', rowId: 'r1', columnId: 'count', value: 2 });
    ok({ kind: 'rows-delete', itemId: 'devices', rowIds: ['r1'] });
    ok({ kind: 'register-none', itemId: 'devices' });
    ok({ kind: 'answer', itemId: 'devices', value: null });
    ok({ kind: 'action-put', action: action('a1', 'devices', { rowId: 'r1' }) });
    ok({ kind: 'action-delete', actionId: 'a1' });
    ok({ kind: 'details', inspector: '赵老师' });
  });

  it('refuses an item the template does not have, including Object.prototype names', () => {
    for (const itemId of ['nope', 'constructor', 'toString']) {
      expect(checkChange(TEMPLATE, { kind: 'note', itemId, note: 'x' })).toEqual({
        'zh-CN': `模板中没有这一项：${itemId}`,
        'en-US': `the template has no item ${itemId}`,
      });
    }
    expect(checkChange(TEMPLATE, { kind: 'action-put', action: action('a1', 'nope') })).toEqual({
      'zh-CN': '模板中没有这一项：nope',
      'en-US': 'the template has no item nope',
    });
  });

  it('refuses row edits on an item that is not a register', () => {
    const notRegister = { 'zh-CN': '这一项不是登记表', 'en-US': 'this item is not a register' };
    const changes: Change[] = [
      { kind: 'rows-insert', itemId: 'log_days', index: 0, rows: [row('r1')] },
      { kind: 'cell', itemId: 'log_days', rowId: 'r1', columnId: 'name', value: 'x' },
      { kind: 'rows-delete', itemId: 'log_days', rowIds: ['r1'] },
      { kind: 'register-none', itemId: 'log_days' },
      { kind: 'evidence-add', itemId: 'log_days', rowId: 'r1', refs: [evidence(1)] },
      { kind: 'evidence-remove', itemId: 'log_days', rowId: 'r1', sha256: sha(1) },
    ];
    for (const change of changes) expect(checkChange(TEMPLATE, change)).toEqual(notRegister);
  });

  it('refuses a value for a register', () => {
    expect(checkChange(TEMPLATE, { kind: 'answer', itemId: 'devices', value: 'x' })).toEqual({
      'zh-CN': '登记表的内容应按行填写',
      'en-US': "a register's content is entered as rows",
    });
  });

  it('refuses a column the register does not have, in a cell or in inserted rows', () => {
    expect(
      checkChange(TEMPLATE, {
        kind: 'cell',
        itemId: 'devices',
        rowId: 'r1',
        columnId: 'constructor',
        value: 'x',
      }),
    ).toEqual({
      'zh-CN': '登记表没有这一列：constructor',
      'en-US': 'the register has no column constructor',
    });
    expect(
      checkChange(TEMPLATE, {
        kind: 'rows-insert',
        itemId: 'devices',
        index: 0,
        rows: [row('r1', { name: 'a' }), row('r2', { name: 'b', serial: 'S' })],
      }),
    ).toEqual({
      'zh-CN': '登记表没有这一列：serial',
      'en-US': 'the register has no column serial',
    });
  });
});
