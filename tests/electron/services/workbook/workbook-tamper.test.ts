import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Inspection } from '../../../../shared/inspection/schema';
import type { WorkbookCell } from '../../../../shared/workbook/cells';
import { cellDisplay } from '../../../../shared/workbook/cells';
import { workbookModel } from '../../../../shared/workbook/model';
import { cellAddress, FIRST_DATA_ROW } from '../../../../shared/workbook/sheet';
import type { WorkbookCheck } from '../../../../shared/workbook/verdict';
import { verifyWorkbook } from '../../../../electron/services/workbook/workbook-verify';
import {
  APP_VERSION,
  draftSample,
  editInspection,
  exportOf,
  samples,
  signedSample,
  TEMPLATE,
  withData,
  withOpenpyxl,
} from './workbook-fixtures';

interface Located {
  readonly sheet: string;
  readonly cell: string;
  readonly value: WorkbookCell;
}

/** The first data cell of a sheet (by id) in a column that satisfies `wanted`. */
function locate(
  inspection: Inspection,
  sheetId: string,
  column: number,
  wanted: (cell: WorkbookCell) => boolean,
): Located {
  const sheet = workbookModel(inspection, TEMPLATE, 'zh-CN', APP_VERSION).sheets.find(
    (s) => s.id === sheetId,
  )!;
  const row = sheet.rows.findIndex((r) => wanted(r[column] ?? null));
  if (row < 0) throw new Error(`no such cell on ${sheetId}`);
  return {
    sheet: sheet.name,
    cell: cellAddress(column, FIRST_DATA_ROW + row),
    value: sheet.rows[row]![column] ?? null,
  };
}

/** Both languages' reasons name all of these. */
function expectReason(check: WorkbookCheck, ...words: string[]) {
  for (const word of words) {
    expect(check.reason['zh-CN']).toContain(word);
    expect(check.reason['en-US']).toContain(word);
  }
}

const SIGNED = () => exportOf(signedSample());
const isText = (c: WorkbookCell) => c !== null && c.kind === 'text';

describe('a visible cell changed after export', { timeout: 60_000 }, () => {
  it('is named: sheet, cell, the signed value and the value found', () => {
    const at = locate(signedSample(), 'items', 4, isText);
    const bytes = withOpenpyxl(SIGNED(), [{ op: 'set', ...at, value: '已整改完毕' }]);
    const { check } = verifyWorkbook(bytes);
    expect(check.status).toBe('cells-differ');
    expect(check.differences).toEqual([
      {
        kind: 'cell',
        sheet: at.sheet,
        cell: at.cell,
        signed: cellDisplay(at.value),
        found: '已整改完毕',
      },
    ]);
    expect(check.differenceCount).toBe(1);
    expect(check.fingerprint).toBe(signedSample().signoff!.keyFingerprint);
    expectReason(check, at.sheet, at.cell, cellDisplay(at.value), '已整改完毕');
  });

  it('shows a changed date as dates, not serial numbers', () => {
    const at = locate(signedSample(), 'actions', 7, (c) => c?.kind === 'date');
    const bytes = withOpenpyxl(SIGNED(), [{ op: 'set-date', ...at, value: '2031-01-15' }]);
    const { check } = verifyWorkbook(bytes);
    expect(check.status).toBe('cells-differ');
    expect(check.differences[0]).toEqual({
      kind: 'cell',
      sheet: at.sheet,
      cell: at.cell,
      signed: cellDisplay(at.value),
      found: '2031-01-15',
    });
    expect(cellDisplay(at.value)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('is found when a number is changed, or a value typed where the cell was empty', () => {
    const summary = locate(signedSample(), 'summary', 10, (c) => c?.kind === 'number');
    const empty = locate(signedSample(), 'items', 7, (c) => c === null);
    const bytes = withOpenpyxl(SIGNED(), [
      { op: 'set', ...summary, value: 999 },
      { op: 'set', ...empty, value: '补充说明' },
      { op: 'set', sheet: summary.sheet, cell: 'AZ40', value: 'x' },
    ]);
    const { check } = verifyWorkbook(bytes);
    expect(check.status).toBe('cells-differ');
    expect(check.differences).toEqual([
      {
        kind: 'cell',
        sheet: summary.sheet,
        cell: summary.cell,
        signed: cellDisplay(summary.value),
        found: '999',
      },
      { kind: 'cell', sheet: summary.sheet, cell: 'AZ40', signed: '', found: 'x' },
      { kind: 'cell', sheet: empty.sheet, cell: empty.cell, signed: '', found: '补充说明' },
    ]);
    expect(check.differenceCount).toBe(3);
    expectReason(check, '3');
  });

  it('is found when a formula is typed into an empty cell', () => {
    const empty = locate(signedSample(), 'items', 7, (c) => c === null);
    const bytes = withOpenpyxl(SIGNED(), [{ op: 'set', ...empty, value: '=1+1' }]);
    const { check } = verifyWorkbook(bytes);
    expect(check.status).toBe('cells-differ');
    expect(check.differences[0]).toMatchObject({
      sheet: empty.sheet,
      cell: empty.cell,
      signed: '',
    });
  });

  it('is found far below the data, in the last rows a sheet can have', () => {
    const items = locate(signedSample(), 'items', 0, isText).sheet;
    const bytes = withOpenpyxl(SIGNED(), [
      { op: 'set', sheet: items, cell: 'C1048576', value: '附加' },
    ]);
    const { check } = verifyWorkbook(bytes);
    expect(check.status).toBe('cells-differ');
    expect(check.differences[0]).toMatchObject({ sheet: items, cell: 'C1048576', found: '附加' });
  });

  it('is found when a row is deleted', () => {
    const at = locate(signedSample(), 'actions', 1, isText);
    const row = Number(at.cell.slice(1));
    const { check } = verifyWorkbook(
      withOpenpyxl(SIGNED(), [{ op: 'delete-row', sheet: at.sheet, row }]),
    );
    expect(check.status).toBe('cells-differ');
    expect(check.differences[0]).toMatchObject({ kind: 'cell', sheet: at.sheet });
    expect(check.differenceCount).toBeGreaterThan(1);
  });
});

describe('sheets changed after export', { timeout: 60_000 }, () => {
  const actions = () => locate(signedSample(), 'actions', 1, isText).sheet;

  it('finds a deleted sheet', () => {
    const { check } = verifyWorkbook(
      withOpenpyxl(SIGNED(), [{ op: 'delete-sheet', sheet: actions() }]),
    );
    expect(check.status).toBe('cells-differ');
    expect(check.differences).toEqual([{ kind: 'missing-sheet', sheet: actions() }]);
    expectReason(check, actions());
  });

  it('finds a renamed sheet: the one signed is missing, the new one extra', () => {
    const { check } = verifyWorkbook(
      withOpenpyxl(SIGNED(), [{ op: 'rename-sheet', sheet: actions(), to: '整改情况' }]),
    );
    expect(check.status).toBe('cells-differ');
    expect(check.differences).toEqual([
      { kind: 'missing-sheet', sheet: actions() },
      { kind: 'extra-sheet', sheet: '整改情况' },
    ]);
  });

  it('finds an extra visible sheet with content, and lets an empty one be', () => {
    const extra = verifyWorkbook(
      withOpenpyxl(SIGNED(), [{ op: 'add-sheet', sheet: '补充', cell: 'B2', value: '后加的' }]),
    ).check;
    expect(extra.status).toBe('cells-differ');
    expect(extra.differences).toEqual([{ kind: 'extra-sheet', sheet: '补充' }]);
    expectReason(extra, '补充');
    const empty = verifyWorkbook(
      withOpenpyxl(SIGNED(), [{ op: 'add-sheet', sheet: '空白', cell: 'A1', value: '' }]),
    ).check;
    expect(empty.status).toBe('signed');
  });
});

describe('the data sheet changed after export', { timeout: 60_000 }, () => {
  it('is data-altered when its JSON no longer parses', () => {
    const { check, envelope } = verifyWorkbook(
      withData(SIGNED(), (json) => `${json.slice(0, 500)}#${json.slice(501)}`),
    );
    expect(check.status).toBe('data-altered');
    expect(envelope).toBeNull();
    expect(check.reason['en-US']).toMatch(/data sheet/);
  });

  it('is data-altered when its JSON no longer fits the format', () => {
    const bytes = withData(SIGNED(), (json) => {
      const envelope = JSON.parse(json) as { inspection: { school: { code: unknown } } };
      envelope.inspection.school.code = 1101080001;
      return JSON.stringify(envelope);
    });
    expect(verifyWorkbook(bytes).check.status).toBe('data-altered');
    const extraKey = withData(SIGNED(), (json) => json.replace(/^\{/, '{"extra":1,'));
    expect(verifyWorkbook(extraKey).check.status).toBe('data-altered');
  });

  it('is data-altered when the data and the visible cell are both changed to agree', () => {
    const inspection = signedSample();
    const itemId = Object.keys(inspection.answers).find((id) => inspection.answers[id]?.note)!;
    const at = locate(
      inspection,
      'items',
      7,
      (c) => c?.kind === 'text' && c.value === inspection.answers[itemId]!.note,
    );
    const bytes = withData(
      SIGNED(),
      (json) =>
        editInspection(json, (i) => {
          const answers = i.answers as Record<string, { note?: string }>;
          answers[itemId]!.note = '一切正常';
        }),
      {
        visible: (book) => {
          book.Sheets[at.sheet]![at.cell] = { t: 's', v: '一切正常' };
        },
      },
    );
    const { check } = verifyWorkbook(bytes);
    expect(check.status).toBe('data-altered');
    expect(check.reason['en-US']).toMatch(/not what was signed/);
    expect(check.fingerprint).toBe(inspection.signoff!.keyFingerprint);
  });

  it('is signature-invalid when the signature or the key is swapped for another', () => {
    const [one, other] = samples('all', 2) as [Inspection, Inspection];
    const swap = (fields: readonly (keyof NonNullable<Inspection['signoff']>)[]) =>
      verifyWorkbook(
        withData(exportOf(one), (json) =>
          editInspection(json, (i) => {
            const signoff = i.signoff as Record<string, unknown>;
            for (const field of fields) signoff[field] = other.signoff![field];
          }),
        ),
      ).check;
    for (const fields of [['signature'], ['publicKey']] as const) {
      const check = swap(fields);
      expect(check.status, fields.join('+')).toBe('signature-invalid');
      expect(check.reason['en-US']).toMatch(/signature is invalid/);
    }
    // The key is part of what is signed: swapping it with its fingerprint changes the content.
    const rekeyed = swap(['publicKey', 'keyFingerprint']);
    expect(rekeyed.status).toBe('data-altered');
    expect(rekeyed.fingerprint).toBe(other.signoff!.keyFingerprint);
  });

  it('is data-altered when the checklist in the data is changed', () => {
    const bytes = withData(SIGNED(), (json) => {
      const envelope = JSON.parse(json) as { template: { title: Record<string, string> } };
      envelope.template.title['zh-CN'] = '另一份检查表';
      return JSON.stringify(envelope);
    });
    const { check } = verifyWorkbook(bytes);
    expect(check.status).toBe('data-altered');
    expect(check.reason['en-US']).toMatch(/checklist/);
  });
});

describe('drafts', { timeout: 60_000 }, () => {
  it('verifies as a draft, never as signed, in either language', () => {
    for (const language of ['zh-CN', 'en-US'] as const) {
      const { check } = verifyWorkbook(exportOf(draftSample(), language));
      expect(check.status).toBe('draft');
      expect(check.reason['zh-CN']).toContain('草稿');
      expect(check.reason['en-US']).toContain('draft');
      expect(check.fingerprint).toBeUndefined();
    }
  });

  it('names a changed cell of a draft against the data, not a signature', () => {
    const at = locate(draftSample(), 'items', 3, isText);
    const { check } = verifyWorkbook(
      withOpenpyxl(exportOf(draftSample()), [{ op: 'set', ...at, value: '改过' }]),
    );
    expect(check.status).toBe('cells-differ');
    expect(check.reason['en-US']).toContain('data says');
  });

  it('never verifies as signed when its data claims "signed" without a sign-off', () => {
    const bytes = withData(exportOf(draftSample()), (json) => {
      const envelope = JSON.parse(json) as { inspection: { state: string } };
      envelope.inspection.state = 'signed';
      return JSON.stringify(envelope);
    });
    const { check } = verifyWorkbook(bytes);
    expect(['draft', 'data-altered']).toContain(check.status);
  });

  it('never verifies as signed when a signed workbook’s sign-off is removed from its data', () => {
    const bytes = withData(SIGNED(), (json) => {
      const envelope = JSON.parse(json) as { inspection: { signoff?: unknown } };
      delete envelope.inspection.signoff;
      return JSON.stringify(envelope);
    });
    const { check } = verifyWorkbook(bytes);
    expect(check.status).not.toBe('signed');
    expect(XLSX.version).toBe('0.20.3');
  });
});
