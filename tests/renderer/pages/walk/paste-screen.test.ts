import { describe, expect, it } from 'vitest';
import { parseClipboardTable, planPaste } from '../../../../shared/inspection/paste';
import type { RegisterRow } from '../../../../shared/inspection/schema';
import type { RegisterItem } from '../../../../shared/template/schema';
import { screenPaste } from '../../../../renderer/pages/walk/paste-screen';
import { TEMPLATE } from '../../fixtures';

const BIO = TEMPLATE.sections
  .flatMap((s) => s.items)
  .find((i): i is RegisterItem => i.id === 'bio_register')!;

function pasteInto(rows: RegisterRow[], text: string, at = { row: 0, column: 0 }) {
  const grid = parseClipboardTable(text);
  let n = 0;
  const plan = planPaste(BIO, rows, grid, at, () => `new-${++n}`, 5000);
  if (!plan.ok) throw new Error(plan.reason);
  return screenPaste(BIO, rows, grid, at, plan);
}

describe('screening a paste', () => {
  it('keeps out of new rows what does not fit its column, and says which and why', () => {
    const long = '长'.repeat(2001);
    const screened = pasteInto(
      [],
      `${BIO.columns.map((c) => c.label['zh-CN']).join('\t')}\n` +
        `门禁\t人脸\t很多\t也许\t${long}\t2027-01-01\t是\n` +
        '食堂\t指纹\t1,200\t否\t\t明年\t否\n',
    );
    expect(screened.refused).toEqual([
      { row: 1, column: BIO.columns[2]!.label, text: '很多', reason: 'number' },
      { row: 1, column: BIO.columns[3]!.label, text: '也许', reason: 'yesno' },
      { row: 1, column: BIO.columns[4]!.label, text: long, reason: 'too-long' },
      { row: 2, column: BIO.columns[5]!.label, text: '明年', reason: 'date' },
    ]);
    expect(screened.rowsAdded).toBe(2);
    expect(screened.cellsSet).toBe(9);
    expect(screened.changes).toEqual([
      {
        kind: 'rows-insert',
        itemId: 'bio_register',
        index: 0,
        rows: [
          {
            id: 'new-1',
            cells: {
              system: '门禁',
              data: 'face',
              agreement_expiry: '2027-01-01',
              assessment: 'yes',
            },
            evidence: [],
          },
          {
            id: 'new-2',
            cells: {
              system: '食堂',
              data: 'fingerprint',
              people: 1200,
              third_party: 'no',
              assessment: 'no',
            },
            evidence: [],
          },
        ],
      },
    ]);
  });

  it('leaves a refused cell of an existing row as it was, and counts cells past the last column', () => {
    const rows: RegisterRow[] = [
      { id: 'r1', cells: { data: 'face', people: 30 }, evidence: [] },
      { id: 'r2', cells: {}, evidence: [] },
    ];
    const screened = pasteInto(rows, '虹膜\t40\n指纹\t\t\t\t是\t\t多余', { row: 0, column: 1 });
    expect(screened.refused).toEqual([
      { row: 1, column: BIO.columns[1]!.label, text: '虹膜', reason: 'choice' },
      { row: 2, column: BIO.columns[5]!.label, text: '是', reason: 'date' },
      { row: 2, text: '多余', reason: 'beyond' },
    ]);
    expect(screened.changes).toEqual([
      {
        kind: 'cells',
        itemId: 'bio_register',
        values: [
          { rowId: 'r1', columnId: 'people', value: 40 },
          { rowId: 'r2', columnId: 'data', value: 'fingerprint' },
          { rowId: 'r2', columnId: 'people', value: null },
          { rowId: 'r2', columnId: 'third_party', value: null },
          { rowId: 'r2', columnId: 'agreement_no', value: null },
          { rowId: 'r2', columnId: 'assessment', value: null },
        ],
      },
    ]);
    expect(screened.cellsSet).toBe(6);
  });

  it('changes nothing when nothing fits', () => {
    const screened = pasteInto([{ id: 'r1', cells: { data: 'face' }, evidence: [] }], '虹膜', {
      row: 0,
      column: 1,
    });
    expect(screened.changes).toEqual([]);
    expect(screened.cellsSet).toBe(0);
    expect(screened.refused).toHaveLength(1);
  });
});
