import { vi } from 'vitest';

// No Electron binary can run here: every main-process spec gets the one hand-written mock.
vi.mock('electron', () => import('./mocks/electron'));

// Every workbook any node spec reads with the direct reader (workbook-own-read.ts) is read by
// SheetJS too: the two must give the same values, cell by cell, or the spec fails.
const { readerCheck } = await import('../electron/services/workbook/workbook-read');
const { isDeepStrictEqual } = await import('node:util');
const { afterEach, expect } = await import('vitest');
const readerDifferences: string[] = [];
readerCheck.compare = (direct, sheetjs) => {
  if (!isDeepStrictEqual(direct, sheetjs))
    readerDifferences.push(JSON.stringify({ direct, sheetjs }).slice(0, 2000));
};
afterEach(() => {
  expect(
    readerDifferences.splice(0),
    'the direct reader and SheetJS read a workbook differently',
  ).toEqual([]);
});
