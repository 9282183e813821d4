import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sampleData } from '../../electron/services/sample-data';
import { LATEST_BUILT_IN } from '../../electron/services/templates/template-store';
import { exportWorkbook } from '../../electron/services/workbook/workbook-export';
import type { Locale } from '../../shared/i18n/locale';
import type { Inspection } from '../../shared/inspection/schema';
import type { WorkbookModel } from '../../shared/workbook/model';
import { workbookModel } from '../../shared/workbook/model';

/** One exported workbook on disk, with what it was made from. */
export interface InteropWorkbook {
  /** A short name for test titles, also the file's base name. */
  readonly name: string;
  readonly file: string;
  readonly bytes: Buffer;
  readonly inspection: Inspection;
  readonly language: Locale;
  readonly model: WorkbookModel;
  readonly signed: boolean;
}

const APP_VERSION = '0.1.0-interop';
const templates = { get: () => LATEST_BUILT_IN };

/** Text another program could take for a formula, a number or markup, and text outside the BMP. */
export const AWKWARD_TEXT = [
  '=1+1',
  '+86 10 1234 5678',
  '-5',
  '@SUM(A1:A3)',
  '\t缩进的备注',
  '第一行\n第二行',
  '𠀀𠀁 生僻字 😀',
  '<b>&amp; "引号" \'单引号\'</b>',
  '0012',
];

/** The first text column of a register of the latest built-in checklist (the samples' one). */
function textColumn(registerId: string): string | undefined {
  const item = LATEST_BUILT_IN.sections
    .flatMap((section) => section.items)
    .find((candidate) => candidate.id === registerId);
  if (item === undefined || !('columns' in item) || item.columns === undefined) return undefined;
  return item.columns.find((column) => column.kind === 'text')?.id;
}

/** A draft whose notes and register cells hold awkward text: it must come back as the same text. */
function awkwardDraft(): Inspection {
  const [sample] = sampleData({
    count: 1,
    seed: 'interop-awkward',
    asOf: '2025-06-01',
    signing: 'none',
  });
  const inspection = sample!.inspection;
  const answers = Object.fromEntries(
    Object.entries(inspection.answers).map(([id, answer], i) => [
      id,
      i < AWKWARD_TEXT.length ? { ...answer, note: AWKWARD_TEXT[i] } : answer,
    ]),
  );
  const registers = Object.fromEntries(
    Object.entries(inspection.registers).map(([id, rows]) => {
      const column = textColumn(id);
      return [
        id,
        column === undefined
          ? rows
          : rows.map((row, i) => ({
              ...row,
              cells: { ...row.cells, [column]: AWKWARD_TEXT[i % AWKWARD_TEXT.length]! },
            })),
      ];
    }),
  );
  return { ...inspection, answers, registers };
}

/**
 * A few workbooks as the app exports them, in a new folder: two signed samples (one in both
 * languages) and a draft with awkward text. `remove` deletes the folder.
 */
export function writeInteropWorkbooks(): {
  dir: string;
  workbooks: InteropWorkbook[];
  remove: () => void;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qinglang-interop-'));
  const signed = sampleData({ count: 2, seed: 'interop', asOf: '2025-06-01', signing: 'all' });
  const made: [string, Inspection, Locale][] = [
    ['signed-a-zh', signed[0]!.inspection, 'zh-CN'],
    ['signed-a-en', signed[0]!.inspection, 'en-US'],
    ['signed-b-zh', signed[1]!.inspection, 'zh-CN'],
    ['draft-awkward-en', awkwardDraft(), 'en-US'],
  ];
  const workbooks = made.map(([name, inspection, language]) => {
    const { bytes } = exportWorkbook(inspection, language, templates, APP_VERSION);
    const file = path.join(dir, `${name}.xlsx`);
    writeFileSync(file, bytes);
    const model = workbookModel(inspection, LATEST_BUILT_IN, language, APP_VERSION);
    return { name, file, bytes, inspection, language, model, signed: !!inspection.signoff };
  });
  return { dir, workbooks, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
