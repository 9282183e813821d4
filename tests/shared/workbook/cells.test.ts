import { describe, expect, it } from 'vitest';
import {
  cellDisplay,
  date,
  dateSerial,
  datetime,
  datetimeSerial,
  EXCEL_CELL_LIMIT,
  fitText,
  num,
  percent,
  serialText,
  text,
} from '../../../shared/workbook/cells';
import { chunkText, DATA_CHUNK } from '../../../shared/workbook/envelope';
import { sameValue } from '../../../shared/workbook/compare';

describe('workbook cells', () => {
  it('stores calendar dates as Excel serials (1900 system) and instants as Beijing wall-clock time', () => {
    expect(dateSerial('1900-03-01')).toBe(61);
    expect(dateSerial('2026-11-30')).toBe(46356);
    // 16:00 UTC on the 29th is midnight of the 30th in Beijing.
    expect(datetimeSerial('2026-11-29T16:00:00.000Z')).toBe(46356);
    expect(serialText(datetimeSerial('2026-11-30T01:02:03.000Z'), true)).toBe(
      '2026-11-30 09:02:03',
    );
    expect(serialText(dateSerial('2026-02-28'), false)).toBe('2026-02-28');
  });

  it('makes cells only of values there are, and text of a date that is not one', () => {
    expect(text('')).toBeNull();
    expect(text(undefined)).toBeNull();
    expect(num(Number.NaN)).toBeNull();
    expect(num(0)).toEqual({ kind: 'number', value: 0 });
    expect(percent(null)).toBeNull();
    expect(date('2026-13')).toEqual({ kind: 'text', value: '2026-13' });
    expect(date('2026-12-01')).toEqual({ kind: 'date', value: '2026-12-01' });
    expect(datetime('not a time')).toEqual({ kind: 'text', value: 'not a time' });
  });

  it('shows dates as dates and rates as percentages in messages', () => {
    expect(cellDisplay({ kind: 'percent', value: 0.8125 })).toBe('81.3%');
    expect(cellDisplay({ kind: 'date', value: '2026-12-01' })).toBe('2026-12-01');
    expect(cellDisplay({ kind: 'datetime', value: '2026-11-30T01:02:03.000Z' })).toBe(
      '2026-11-30 09:02:03',
    );
    expect(cellDisplay(null)).toBe('');
  });

  it('cuts text longer than a cell holds with an ellipsis, never inside a surrogate pair', () => {
    const short = 'a'.repeat(EXCEL_CELL_LIMIT);
    expect(fitText(short)).toBe(short);
    const long = fitText('b'.repeat(EXCEL_CELL_LIMIT + 10));
    expect(long).toHaveLength(EXCEL_CELL_LIMIT);
    expect(long.endsWith('…')).toBe(true);
    // A pair straddling the cut is dropped whole.
    const astral = fitText(`${'c'.repeat(EXCEL_CELL_LIMIT - 2)}𠀀${'d'.repeat(50)}`);
    expect(astral.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(astral === `${'c'.repeat(EXCEL_CELL_LIMIT - 2)}…`).toBe(true);
    const kept = fitText(`${'c'.repeat(EXCEL_CELL_LIMIT - 3)}𠀀${'d'.repeat(50)}`);
    expect(kept === `${'c'.repeat(EXCEL_CELL_LIMIT - 3)}𠀀…`).toBe(true);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(astral)).toBe(false);
  });

  it('compares values, not types of writer: dates to the second, text up to line endings', () => {
    const cell = { kind: 'datetime', value: '2026-11-30T01:02:03.000Z' } as const;
    expect(sameValue(cell, datetimeSerial(cell.value) + 0.4 / 86_400)).toBe(true);
    expect(sameValue(cell, datetimeSerial(cell.value) + 1 / 86_400)).toBe(false);
    expect(sameValue({ kind: 'text', value: 'a\nb' }, 'a\r\nb')).toBe(true);
    expect(sameValue({ kind: 'text', value: '5' }, 5)).toBe(false);
    expect(sameValue({ kind: 'number', value: 5 }, '5')).toBe(false);
    expect(sameValue(null, '')).toBe(true);
    expect(sameValue(null, 0)).toBe(false);
  });
});

describe('data chunks', () => {
  it('cuts the JSON in cells of at most DATA_CHUNK characters that join back to it', () => {
    const json = JSON.stringify({ text: 'x'.repeat(DATA_CHUNK * 2 + 17) });
    const chunks = chunkText(json);
    expect(chunks).toHaveLength(3);
    expect(chunks.every((c) => c.length <= DATA_CHUNK)).toBe(true);
    expect(chunks.join('')).toBe(json);
    expect(chunkText('')).toEqual([]);
  });

  it('never splits a surrogate pair across two cells', () => {
    for (const offset of [1, 2, 3]) {
      const json = `${'a'.repeat(DATA_CHUNK - offset)}𠀀😀${'b'.repeat(10)}`;
      const chunks = chunkText(json);
      expect(chunks.join('')).toBe(json);
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThanOrEqual(DATA_CHUNK);
        expect(/^[\udc00-\udfff]/.test(chunk)).toBe(false);
        expect(/[\ud800-\udbff]$/.test(chunk)).toBe(false);
      }
    }
  });
});
