import { describe, expect, it } from 'vitest';
import { date, num, percent, sharingCells, text } from '../../../shared/bureau/district-cells';
import * as cells from '../../../shared/workbook/cells';

describe('district cells', () => {
  it('gives the cells the workbook makers give', () => {
    for (const value of ['学校', '', undefined, 'x'.repeat(40_000)])
      expect(sharingCells(() => text(value))).toEqual(cells.text(value));
    expect(sharingCells(() => [num(3), num(Number.NaN), percent(0.5), date('2026-1-2')])).toEqual([
      cells.num(3),
      cells.num(Number.NaN),
      cells.percent(0.5),
      cells.date('2026-1-2'),
    ]);
  });

  it('makes each distinct cell once while sharing, and afresh outside it', () => {
    const [a, b, c, d] = sharingCells(() => [text('不符合'), text('不符合'), num(1), num(1)]);
    expect(a).toBe(b);
    expect(c).toBe(d);
    expect(text('不符合')).not.toBe(a);
    expect(sharingCells(() => text('不符合'))).not.toBe(a);
  });
});
