import { describe, expect, it } from 'vitest';
import type { Inspection } from '../../../../shared/inspection/schema';
import { EXCEL_CELL_LIMIT } from '../../../../shared/workbook/cells';
import { workbookInspection } from '../../../../shared/workbook/envelope';
import { workbookModel } from '../../../../shared/workbook/model';
import { cellAddress, FIRST_DATA_ROW } from '../../../../shared/workbook/sheet';
import { verifyWorkbook } from '../../../../electron/services/workbook/workbook-verify';
import {
  APP_VERSION,
  draftSample,
  exportOf,
  python,
  signedAfter,
  signedSample,
  TEMPLATE,
  tempDir,
  withOpenpyxl,
  xmlParts,
} from './workbook-fixtures';
import fs from 'node:fs';
import path from 'node:path';

/** What openpyxl reads in the cells asked for: its type, value and number format. */
function openpyxlCells(
  bytes: Uint8Array,
  cells: readonly { sheet: string; cell: string }[],
): { type: string; value: unknown; format: string }[] {
  const file = path.join(tempDir(), 'book.xlsx');
  fs.writeFileSync(file, bytes);
  const script = `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for want in json.loads(sys.argv[2]):
    c = wb[want['sheet']][want['cell']]
    v = c.value
    out.append({'type': type(v).__name__, 'value': v.isoformat() if isinstance(v, datetime.datetime) else v, 'format': c.number_format, 'dataType': c.data_type})
print(json.dumps(out, ensure_ascii=False))
`;
  return JSON.parse(python(script, [file, JSON.stringify(cells)])) as {
    type: string;
    value: unknown;
    format: string;
  }[];
}

/** Where a column's first cell of a kind is on a sheet of the (zh-CN) model. */
function where(inspection: Inspection, sheetId: string, column: number, kind?: string) {
  const sheet = workbookModel(inspection, TEMPLATE, 'zh-CN', APP_VERSION).sheets.find(
    (s) => s.id === sheetId,
  )!;
  const row = sheet.rows.findIndex((r) => (kind ? r[column]?.kind === kind : r[column] !== null));
  expect(row).toBeGreaterThanOrEqual(0);
  return { sheet: sheet.name, cell: cellAddress(column, FIRST_DATA_ROW + row), model: sheet };
}

const HOSTILE = [
  '=HYPERLINK("http://example.com","点我")',
  '+86 10 1234',
  '-1+2',
  '@SUM(A1:A9)',
  '\t前面是制表符',
  '=1+1',
];

/** A sample whose notes, register text and actions begin like formulas, signed as such. */
function formulaLike(): Inspection {
  return signedAfter((inspection) => {
    const answers = { ...inspection.answers };
    Object.keys(answers).forEach((id, n) => {
      answers[id] = { ...answers[id]!, note: HOSTILE[n % HOSTILE.length]! };
    });
    const registers = Object.fromEntries(
      Object.entries(inspection.registers).map(([id, rows]) => [
        id,
        rows.map((row, n) => ({
          ...row,
          cells: Object.fromEntries(
            Object.entries(row.cells).map(([column, value]) => [
              column,
              typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value)
                ? HOSTILE[n % HOSTILE.length]!
                : value,
            ]),
          ),
        })),
      ]),
    );
    const actions = inspection.actions.map((a, n) => ({
      ...a,
      description: HOSTILE[n % HOSTILE.length]!,
      owner: '@张老师',
    }));
    return { ...inspection, answers, registers, actions };
  });
}

describe('cell types', { timeout: 60_000 }, () => {
  it('writes dates as dates, numbers as numbers and the rate as a percentage (as openpyxl reads them)', () => {
    const inspection = signedSample();
    const due = where(inspection, 'actions', 7, 'date');
    const signedAt = where(inspection, 'summary', 24, 'datetime');
    const rate = where(inspection, 'summary', 15, 'percent');
    const count = where(inspection, 'summary', 10, 'number');
    const year = where(inspection, 'summary', 4, 'number');
    const [d, s, r, c, y] = openpyxlCells(exportOf(inspection), [due, signedAt, rate, count, year]);
    expect(d).toMatchObject({ type: 'datetime', format: 'yyyy-mm-dd' });
    expect(d!.value).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00$/);
    expect(s).toMatchObject({ type: 'datetime', format: 'yyyy-mm-dd hh:mm:ss' });
    // The sign-off's instant, shown as Beijing time.
    const beijing = new Date(Date.parse(inspection.signoff!.signedAt) + 8 * 3_600_000);
    expect(s!.value).toBe(beijing.toISOString().slice(0, 19));
    expect(r!.format).toContain('%');
    expect(typeof r!.value).toBe('number');
    expect(['int', 'float']).toContain(c!.type);
    expect(y!.value).toBe(inspection.period.year);
  });

  it('gives every visible sheet column widths and an autofilter over its headers and rows', () => {
    const bytes = exportOf(signedSample());
    const model = workbookModel(signedSample(), TEMPLATE, 'zh-CN', APP_VERSION);
    const parts = xmlParts(bytes);
    model.sheets.forEach((sheet, n) => {
      const xml = parts.get(`xl/worksheets/sheet${n + 1}.xml`)!;
      expect(xml, sheet.name).toMatch(/<cols>(<col [^>]*customWidth="1"[^>]*\/>)+<\/cols>/);
      const last = cellAddress(sheet.columns.length - 1, Math.max(2, sheet.rows.length + 2));
      expect(xml, sheet.name).toContain(`<autoFilter ref="A2:${last}"`);
    });
    const workbook = parts.get('xl/workbook.xml')!;
    expect(workbook).toMatch(/<sheet name="qinglang-data"[^>]*state="hidden"/);
  });
});

describe('the parts written', { timeout: 60_000 }, () => {
  it('are well-formed XML, as a strict parser reads them, in both languages', () => {
    for (const language of ['zh-CN', 'en-US'] as const) {
      for (const inspection of [signedSample(), draftSample()]) {
        const dir = tempDir();
        const names: string[] = [];
        for (const [name, xml] of xmlParts(exportOf(inspection, language))) {
          if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
          const file = path.join(dir, `${names.length}.xml`);
          fs.writeFileSync(file, xml);
          names.push(file);
        }
        const script =
          'import sys, xml.dom.minidom\nfor f in sys.argv[1:]:\n    xml.dom.minidom.parse(f)\nprint(len(sys.argv) - 1)';
        expect(python(script, names).trim()).toBe(String(names.length));
      }
    }
  });
});

describe('text that looks like a formula', { timeout: 60_000 }, () => {
  it('stays text: no formula anywhere, the value as typed, and it still verifies', () => {
    const inspection = formulaLike();
    for (const language of ['zh-CN', 'en-US'] as const) {
      const bytes = exportOf(inspection, language);
      for (const [name, xml] of xmlParts(bytes)) expect(xml, name).not.toMatch(/<f[ >]/);
      const { check, envelope } = verifyWorkbook(bytes);
      expect(check.status).toBe('signed');
      expect(envelope?.inspection).toEqual(workbookInspection(inspection));
      // Saved again by another program, it is still text.
      expect(verifyWorkbook(withOpenpyxl(bytes)).check.status).toBe('signed');
    }
    const note = where(inspection, 'items', 7);
    const action = where(inspection, 'actions', 5);
    const cells = openpyxlCells(exportOf(inspection), [note, action]);
    for (const cell of cells) {
      expect(cell.type).toBe('str');
      expect(HOSTILE).toContain(cell.value);
    }
  });
});

describe('characters and lengths', { timeout: 60_000 }, () => {
  it('keeps characters outside the BMP, in the cells and in the data', () => {
    const rare = '𠀀𪚥 😀🏫 学校';
    const inspection = signedAfter((i) => {
      const [id] = Object.keys(i.answers);
      return {
        ...i,
        inspector: `王${rare}`.slice(0, 50),
        answers: { ...i.answers, [id!]: { ...i.answers[id!]!, note: rare.repeat(300) } },
      };
    });
    const bytes = exportOf(inspection);
    const { check, envelope } = verifyWorkbook(bytes);
    expect(check.status).toBe('signed');
    expect(envelope?.inspection).toEqual(workbookInspection(inspection));
    const inspector = where(inspection, 'summary', 6);
    const [read] = openpyxlCells(bytes, [inspector]);
    expect(read!.value).toBe(inspection.inspector);
    expect(verifyWorkbook(withOpenpyxl(bytes)).check.status).toBe('signed');
  });

  it('cuts a visible cell longer than Excel holds with an ellipsis, while the data keeps it whole', () => {
    const draft = draftSample();
    const [registerId, rows] = Object.entries(draft.registers).find(([, r]) => r.length > 0)!;
    const name = `${'证明材料'.repeat(40)}.pdf`;
    const evidence = (n: number) => ({
      sha256: n.toString(16).padStart(64, '0'),
      name: `${n}-${name}`,
      size: 100,
      type: 'application/pdf',
      addedAt: draft.createdAt,
    });
    const many = Array.from({ length: 300 }, (_, n) => ({
      ...rows[0]!,
      id: `big-${n}`,
      evidence: [evidence(n)],
    }));
    const inspection: Inspection = {
      ...draft,
      registers: { ...draft.registers, [registerId]: many },
    };
    const bytes = exportOf(inspection);
    const { check, envelope } = verifyWorkbook(bytes);
    expect(check.status).toBe('draft');
    expect(envelope?.inspection.registers[registerId]).toEqual(many);
    const items = workbookModel(inspection, TEMPLATE, 'zh-CN', APP_VERSION).sheets[1]!;
    const row = items.rows.findIndex((r) => r[2]?.kind === 'text' && r[2].value === registerId);
    const at = { sheet: items.name, cell: cellAddress(8, FIRST_DATA_ROW + row) };
    const [read] = openpyxlCells(bytes, [at]);
    const shown = read!.value as string;
    expect(shown.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.startsWith(`0-${name}`)).toBe(true);
  });

  it('exports and verifies a draft with a full register of 5,000 rows', () => {
    const draft = draftSample();
    const [registerId, rows] = Object.entries(draft.registers).find(([, r]) => r.length > 0)!;
    const full = Array.from({ length: 5000 }, (_, n) => ({
      ...rows[n % rows.length]!,
      id: `row-${n}`,
    }));
    const inspection: Inspection = {
      ...draft,
      registers: { ...draft.registers, [registerId]: full },
    };
    const bytes = exportOf(inspection, 'en-US');
    const { check, envelope } = verifyWorkbook(bytes);
    expect(check.status).toBe('draft');
    expect(envelope?.inspection.registers[registerId]).toHaveLength(5000);
  });
});
