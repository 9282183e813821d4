import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../../../shared/template/validate';
import type { Item } from '../../../shared/template/schema';
import { item, template } from './fixtures';

function problems(input: unknown) {
  const result = checkTemplate(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => `${p.path}: ${p.message['en-US']}`);
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('checkTemplate', () => {
  const good = template(
    [
      item('yesno', 'uses_face'),
      item('date', 'expiry', {
        visibleIf: { ref: 'uses_face', op: 'eq', value: 'yes' },
        rules: [{ kind: 'expires-within', days: 30, effect: 'warning' }],
      }),
    ],
    [item('register', 'devices')],
  );

  it('accepts a good template', () => {
    expect(checkTemplate(good)).toEqual({ ok: true, template: good });
  });

  it('refuses control characters and direction marks in its texts, as inspections do', () => {
    const t = clone(good) as unknown as {
      title: Record<string, string>;
      sections: { items: { prompt: Record<string, string>; visibleIf?: unknown }[] }[];
    };
    t.title['zh-CN'] = '检查表\u0000';
    t.sections[0]!.items[0]!.prompt['en-US'] = 'Face \u202Eevil';
    t.sections[0]!.items[1]!.visibleIf = { ref: 'uses_face', op: 'eq', value: 'y\u2066es' };
    const found = problems(t);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\.title\.zh-CN: .*control/),
        expect.stringMatching(/^\$\.sections\[0\]\.items\[0\]\.prompt\.en-US: .*control/),
        expect.stringMatching(/^\$\.sections\[0\]\.items\[1\]\.visibleIf/),
      ]),
    );
  });

  it('reports duplicate ids with where the first one is', () => {
    const t = clone(good);
    t.sections[1]!.items[0]!.id = 'uses_face';
    t.sections[1]!.id = 's0';
    expect(problems(t)).toEqual([
      '$.sections[1].id: section id "s0" is used twice (also at $.sections[0].id)',
      '$.sections[1].items[0].id: item id "uses_face" is used twice (also at $.sections[0].items[0].id)',
    ]);
  });

  it('reports an unknown kind at its path', () => {
    const t = clone(good) as unknown as { sections: { items: { kind: string }[] }[] };
    t.sections[0]!.items[0]!.kind = 'slider';
    expect(problems(t)).toEqual([
      '$.sections[0].items[0].kind: not a valid kind; use check, yesno, date, number, text, choice, multi, register',
    ]);
  });

  it('reports conditions that name missing items, the item itself, or go round in a circle', () => {
    const t = template([
      item('yesno', 'a', { visibleIf: { ref: 'b', op: 'eq', value: 'yes' } }),
      item('yesno', 'b', { visibleIf: { ref: 'a', op: 'eq', value: 'yes' } }),
      item('yesno', 'c', { visibleIf: { ref: 'c', op: 'filled' } }),
      item('yesno', 'd', { visibleIf: { ref: 'ghost', op: 'filled' } }),
    ]);
    expect(problems(t)).toEqual([
      '$.sections[0].items[2].visibleIf: the visibility condition refers to the item itself',
      '$.sections[0].items[3].visibleIf: the visibility condition refers to "ghost", which is not an item',
      '$.sections[0].items[0].visibleIf: visibility conditions form a cycle: a → b → a',
    ]);
  });

  it('reports rules that do not fit their item', () => {
    const t = template([
      item('text', 't', { rules: [{ kind: 'older-than', days: 3, effect: 'warning' }] }),
      item('yesno', 'y', { rules: [{ kind: 'equals', value: 'maybe', effect: 'warning' }] }),
      item('number', 'n', { min: 5, max: 1 }),
    ]);
    expect(problems(t)).toEqual([
      '$.sections[0].items[0].rules[0]: rule "older-than" does not apply to a "text" item',
      `$.sections[0].items[1].rules[0].value: "maybe" is not one of this item's answers`,
      '$.sections[0].items[2].min: min is greater than max',
    ]);
  });

  it('reports row rules on columns the register does not have', () => {
    const t = template([
      item('register', 'r', {
        rowRules: [
          {
            id: 'x',
            when: { ref: 'nope', op: 'empty' },
            effect: 'warning',
            message: { 'zh-CN': '甲', 'en-US': 'a' },
          },
        ],
      }),
    ]);
    expect(problems(t)).toEqual([
      '$.sections[0].items[0].rowRules[0].when: the row rule refers to "nope", which is not a column of this register',
    ]);
  });

  it.each([
    [
      'empty labels',
      (t: ReturnType<typeof clone<typeof good>>) =>
        void (t.sections[0]!.items[0]!.prompt['zh-CN'] = '   '),
      '$.sections[0].items[0].prompt.zh-CN',
    ],
    [
      'a missing format',
      (t: ReturnType<typeof clone<typeof good>>) => void delete (t as Partial<typeof t>).format,
      '$.format',
    ],
    [
      'an id with capitals',
      (t: ReturnType<typeof clone<typeof good>>) => void (t.id = 'School'),
      '$.id',
    ],
    [
      'a bad version',
      (t: ReturnType<typeof clone<typeof good>>) => void (t.version = 'v2'),
      '$.version',
    ],
  ])('reports %s at its path', (_label, spoil, path) => {
    const t = clone(good);
    spoil(t);
    expect(problems(t).some((p) => p.startsWith(`${path}:`))).toBe(true);
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a %s key and pollutes nothing',
    (key) => {
      const text = JSON.stringify(good).replace(
        '"format":',
        `"${key}":{"polluted":true},"format":`,
      );
      const result = checkTemplate(JSON.parse(text));
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.problems[0]!.message['en-US']).toMatch(
          // __proto__ is refused before the schema looks: a record would silently drop it.
          key === '__proto__' ? /"__proto__" cannot be kept/ : new RegExp(`unknown field: ${key}`),
        );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('reports every problem at once, in both languages', () => {
    const t = clone(good) as unknown as Record<string, unknown>;
    t.version = '';
    (t.sections as { items: { id: string }[] }[])[1]!.items[0]!.id = 'uses_face';
    const result = checkTemplate(t);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThanOrEqual(2);
    for (const p of result.problems) {
      expect(p.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(p.message['en-US']).not.toBe('');
    }
  });

  it.each([null, 42, 'text', [], {}])('refuses %j without throwing', (input) => {
    expect(checkTemplate(input).ok).toBe(false);
  });
});

describe('checkTemplate against hostile and tricky templates', () => {
  const base = template([item('yesno', 'a'), item('number', 'n'), item('multi', 'm')]);

  it('treats a kind named after an Object member as an unknown kind, without crashing', () => {
    for (const kind of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const t = JSON.parse(JSON.stringify(base));
      t.sections[0].items[0].kind = kind;
      t.sections[0].items[0].rules = [{ kind: 'older-than', days: 3, effect: 'warning' }];
      expect(problems(t).some((p) => p.includes('not a valid kind'))).toBe(true);
    }
  });

  it('refuses a condition nested thousands deep without exhausting the stack', () => {
    let deep: unknown = { ref: 'a', op: 'filled' };
    for (let i = 0; i < 3000; i++) deep = { not: deep };
    const t = JSON.parse(JSON.stringify(base));
    t.sections[0].items[1].visibleIf = deep;
    expect(problems(t)).toEqual(['$: nested more than 64 levels deep: not a valid template']);
  });

  it('refuses a condition nested deeper than its text form allows', () => {
    let deep: unknown = { ref: 'a', op: 'filled' };
    for (let i = 0; i < 25; i++) deep = { not: deep };
    const t = JSON.parse(JSON.stringify(base));
    t.sections[0].items[1].visibleIf = deep;
    expect(problems(t)).toEqual([
      '$.sections[0].items[1].visibleIf: the condition nests more than 20 levels',
    ]);
  });

  it('refuses an 8000-item chain of conditions, and finds a long cycle, without recursion', () => {
    const chain = Array.from({ length: 8000 }, (_, i) =>
      item('yesno', `q${i}`, i < 7999 ? { visibleIf: { ref: `q${i + 1}`, op: 'filled' } } : {}),
    );
    // Sections hold at most 500 items: spread the chain over twenty of them.
    const inSections = (all: Item[]) =>
      template(...Array.from({ length: 20 }, (_, s) => all.slice(s * 400, s * 400 + 400)));
    const long = problems(inSections(chain));
    expect(long.length).toBeGreaterThan(0);
    expect(
      long.every((p) => p.endsWith('the chain of visibility conditions is longer than 50')),
    ).toBe(true);

    const ring = Array.from({ length: 8000 }, (_, i) =>
      item('yesno', `r${i}`, { visibleIf: { ref: `r${(i + 1) % 8000}`, op: 'filled' } }),
    );
    const cycle = problems(inSections(ring));
    expect(cycle).toHaveLength(1);
    expect(cycle[0]).toMatch(
      /^\$\.sections\[0\]\.items\[0\]\.visibleIf: visibility conditions form a cycle: r0 → r1 → .* → r7999 → r0$/,
    );
  });

  it.each([
    [{ ref: 'a', op: 'eq', value: 'ys' }, '"${a} = \'ys\'" does not fit a (a yesno)'],
    [{ fn: 'days_since', ref: 'a', op: 'gt', value: 3 }, 'does not fit a (a yesno)'],
    [{ ref: 'n', op: 'gt', value: '5' }, 'does not fit n (a number)'],
    [{ ref: 'm', op: 'eq', value: 'a' }, 'does not fit m (a multi)'],
    [{ ref: 'm', op: 'selected', value: 'zz' }, 'does not fit m (a multi)'],
  ])('refuses a condition that could never hold: %j', (condition, message) => {
    const t = JSON.parse(JSON.stringify(base));
    t.sections[0].items.push(item('text', 'x', { visibleIf: condition as never }));
    expect(problems(t)[0]).toContain(message);
  });

  it('refuses what would not survive the spreadsheet: line breaks in a basis, numbers like 1e-7', () => {
    const t = JSON.parse(JSON.stringify(base));
    t.sections[0].items[0].basis = [{ 'zh-CN': '第一行\n第二行', 'en-US': 'x', confirmed: true }];
    t.sections[0].items[1].rules = [{ kind: 'at-least', value: 1e-7, effect: 'warning' }];
    expect(problems(t)).toEqual([
      '$.sections[0].items[0].basis[0].zh-CN: one line, no line breaks',
      '$.sections[0].items[1].rules[0].value: write the number 1e-7 as a plain decimal',
    ]);
  });
});
