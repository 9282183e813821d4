import { describe, expect, it, vi } from 'vitest';
import { LOCALES } from '../../../../shared/i18n/locale';
import { workbookInspection } from '../../../../shared/workbook/envelope';
import { workbookModel } from '../../../../shared/workbook/model';
import { exportWorkbook } from '../../../../electron/services/workbook/workbook-export';
import { verifyWorkbook } from '../../../../electron/services/workbook/workbook-verify';
import { readWorkbookValues } from '../../../../electron/services/workbook/workbook-read';
import { APP_VERSION, exportOf, samples, TEMPLATE } from './workbook-fixtures';

describe('export then read', { timeout: 60_000 }, () => {
  for (const signing of ['varied', 'all', 'none'] as const) {
    it(`gives back the inspection and template exactly (${signing} signing, both languages)`, () => {
      const inspections = samples(signing, 4);
      if (signing === 'varied') {
        expect(inspections.some((i) => i.signoff)).toBe(true);
        expect(inspections.some((i) => !i.signoff)).toBe(true);
      }
      for (const inspection of inspections) {
        for (const language of LOCALES) {
          const { envelope, check } = verifyWorkbook(exportOf(inspection, language));
          expect(check.status).toBe(inspection.signoff ? 'signed' : 'draft');
          expect(envelope?.inspection).toEqual(workbookInspection(inspection));
          expect(envelope?.template).toEqual(TEMPLATE);
          expect(envelope).toMatchObject({ language, appVersion: APP_VERSION });
        }
      }
    });
  }

  it('carries a signed inspection as signed: later trash and restore entries are left out', () => {
    const signed = samples('all', 1)[0]!;
    const later = {
      ...signed,
      updatedAt: '2027-01-05T03:00:00.000Z',
      audit: [...signed.audit, { at: '2027-01-05T03:00:00.000Z', event: 'trashed' as const }],
    };
    const { envelope, check } = verifyWorkbook(exportOf(later));
    expect(check.status).toBe('signed');
    expect(envelope?.inspection).toEqual(signed);
    expect(exportOf(later).equals(exportOf(signed))).toBe(true);
  });

  it('shows every visible sheet as the model describes it', () => {
    const inspection = samples('all', 1)[0]!;
    const read = readWorkbookValues(exportOf(inspection, 'en-US'));
    if (!read.ok) throw new Error(read.reason);
    const model = workbookModel(inspection, TEMPLATE, 'en-US', APP_VERSION);
    expect(read.sheets.map((s) => s.name)).toEqual(model.sheets.map((s) => s.name));
    expect(read.sheets.every((s) => !s.hidden)).toBe(true);
    expect(read.data).toEqual(model.data);
  });

  it('names the file by school code and term, in the chosen language', () => {
    const inspection = samples('all', 1)[0]!;
    const { code } = inspection.school;
    const { year, term } = inspection.period;
    const templates = { get: () => TEMPLATE };
    const zh = exportWorkbook(inspection, 'zh-CN', templates, APP_VERSION);
    const en = exportWorkbook(inspection, 'en-US', templates, APP_VERSION);
    expect(zh.fileName).toBe(`检查工作簿-${code}-${year}-${term}.xlsx`);
    expect(en.fileName).toBe(`inspection-workbook-${code}-${year}-${term}.xlsx`);
    expect(verifyWorkbook(zh.bytes).check.status).toBe('signed');
  });
});

describe('the same inspection, the same bytes', { timeout: 60_000 }, () => {
  it('writes byte-identical workbooks twice in a row, whatever the clock says', () => {
    for (const inspection of samples('varied', 3)) {
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
        const first = exportOf(inspection);
        vi.setSystemTime(new Date('2031-07-15T13:14:15Z'));
        const second = exportOf(inspection);
        expect(second.equals(first)).toBe(true);
      } finally {
        vi.useRealTimers();
      }
    }
  });

  it('writes different bytes in another language, carrying the same data', () => {
    const inspection = samples('all', 1)[0]!;
    const zh = exportOf(inspection, 'zh-CN');
    const en = exportOf(inspection, 'en-US');
    expect(zh.equals(en)).toBe(false);
    const [a, b] = [verifyWorkbook(zh), verifyWorkbook(en)];
    expect(a.envelope?.inspection).toEqual(b.envelope?.inspection);
    expect(a.envelope?.template).toEqual(b.envelope?.template);
    expect([a.check.status, b.check.status]).toEqual(['signed', 'signed']);
  });
});
