import { describe, expect, it } from 'vitest';
import { checkInspectionShape } from '../../../shared/inspection/check';
import { checkTemplate } from '../../../shared/template/validate';
import { BUILT_IN, filledInspection } from '../inspection/fixtures';

/** What zod says in English; none of it may reach a Chinese message. */
const ZOD_ENGLISH = /Invalid|Expected|expected|received|Unrecognized|Too (small|big)|must|pattern/;

type Json = Record<string, unknown>;
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Ways a clerk's hand-edited file goes wrong, each applied to a fresh copy. */
const TEMPLATE_BREAKS: [string, (t: Json) => void][] = [
  ['id with capitals', (t) => (t.id = 'School_Security')],
  ['version with letters', (t) => (t.version = '2026.1a')],
  ['title a number', (t) => (t.title = 5)],
  ['format wrong', (t) => (t.format = 'qinglang-template/9')],
  ['unknown key', (t) => (t.colour = 'blue')],
  ['sections empty', (t) => (t.sections = [])],
  [
    'a legal basis over two lines',
    (t) => {
      const item = ((t.sections as Json[])[0]!.items as Json[])[0]!;
      item.basis = [{ 'zh-CN': '网络安全法\n第二十三条', 'en-US': 'CSL Art. 23', confirmed: true }];
    },
  ],
  ['item kind unknown', (t) => (((t.sections as Json[])[0]!.items as Json[])[0]!.kind = 'slider')],
  [
    'rule days negative',
    (t) => {
      const item = ((t.sections as Json[])[0]!.items as Json[])[0]!;
      item.rules = [{ kind: 'older-than', days: -3, effect: 'warning' }];
    },
  ],
  [
    'evidence value unknown',
    (t) => (((t.sections as Json[])[0]!.items as Json[])[0]!.evidence = 'maybe'),
  ],
];

describe('problems are said in one language at a time', () => {
  it.each(TEMPLATE_BREAKS)('template: %s', (_name, breakIt) => {
    const t = copy(BUILT_IN) as unknown as Json;
    breakIt(t);
    const result = checkTemplate(t);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const problem of result.problems) {
      expect(problem.message['zh-CN'], problem.path).not.toMatch(ZOD_ENGLISH);
      expect(problem.message['zh-CN'], problem.path).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each([
    ['a date that is not one', (i: Json) => ((i.actions as Json[])[0]!.due = '31/12/2026')],
    ['an id that is not one', (i: Json) => (i.id = 'not-a-uuid')],
    ['a hash that is not one', (i: Json) => ((i.template as Json).hash = 'abc')],
    ['a time that is not one', (i: Json) => (i.createdAt = 'yesterday')],
    [
      'a row id with spaces',
      (i: Json) => (((i.registers as Json).devices as Json[])[0]!.id = 'a b'),
    ],
    ['a type that is not one', (i: Json) => (i.answers = [])],
  ])('inspection: %s', (_name, breakIt) => {
    const inspection = copy(filledInspection()) as unknown as Json;
    breakIt(inspection);
    const result = checkInspectionShape(inspection);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const problem of result.problems) {
      expect(problem.message['zh-CN'], problem.path).not.toMatch(ZOD_ENGLISH);
      expect(problem.message['zh-CN'], problem.path).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
