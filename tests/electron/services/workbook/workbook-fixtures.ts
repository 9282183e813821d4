import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import type { Locale } from '../../../../shared/i18n/locale';
import { inspectionSchema } from '../../../../shared/inspection/schema';
import type { Inspection } from '../../../../shared/inspection/schema';
import { DATA_SHEET_NAME, WORKBOOK_FORMAT, chunkText } from '../../../../shared/workbook/envelope';
import { workbookModel } from '../../../../shared/workbook/model';
import type { Template } from '../../../../shared/template/schema';
import { sampleData, signSample, unsignedSamples } from '../../../../electron/services/sample-data';
import { LATEST_BUILT_IN } from '../../../../electron/services/templates/template-store';
import { readZip } from '../../../../electron/services/zip/zip-reader';
import { writeWorkbook } from '../../../../electron/services/workbook/workbook-write';

export const APP_VERSION = '0.1.0-test';
export const TEMPLATE = LATEST_BUILT_IN;

/** Sample inspections against the built-in checklist: signed and drafts, deterministic. */
export function samples(signing: 'varied' | 'none' | 'all', count = 4): Inspection[] {
  return sampleData({ count, seed: 'workbook-tests', asOf: '2026-11-30', signing }).map(
    (s) => s.inspection,
  );
}

let cachedSigned: Inspection | undefined;
let cachedDraft: Inspection | undefined;
/** One signed sample (with registers and actions) and one draft. */
export function signedSample(): Inspection {
  cachedSigned ??= samples('all', 1)[0]!;
  return cachedSigned;
}
export function draftSample(): Inspection {
  cachedDraft ??= samples('none', 1)[0]!;
  return cachedDraft;
}

export function exportOf(
  inspection: Inspection,
  language: Locale = 'zh-CN',
  template: Template = TEMPLATE,
): Buffer {
  return writeWorkbook(workbookModel(inspection, template, language, APP_VERSION));
}

/** A fresh folder, removed when the process ends. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglang-wb-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const PYTHON = '/usr/bin/python3';

/** Runs a Python script (openpyxl available) with arguments; returns its stdout. */
export function python(script: string, args: readonly string[]): string {
  return execFileSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** One change openpyxl makes: a cell set (null clears it), a row deleted, a sheet removed… */
export type Edit =
  | {
      readonly op: 'set';
      readonly sheet: string;
      readonly cell: string;
      readonly value: string | number | null;
    }
  | {
      readonly op: 'set-date';
      readonly sheet: string;
      readonly cell: string;
      readonly value: string;
    }
  | { readonly op: 'delete-row'; readonly sheet: string; readonly row: number }
  | { readonly op: 'delete-sheet'; readonly sheet: string }
  | { readonly op: 'rename-sheet'; readonly sheet: string; readonly to: string }
  | {
      readonly op: 'add-sheet';
      readonly sheet: string;
      readonly cell: string;
      readonly value: string;
    };

const EDIT_SCRIPT = `
import datetime, json, sys, openpyxl
src, dst, edits = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(src)
for e in edits:
    op = e['op']
    if op == 'set':
        wb[e['sheet']][e['cell']] = e['value']
    elif op == 'set-date':
        c = wb[e['sheet']][e['cell']]
        c.value = datetime.datetime.fromisoformat(e['value'])
        c.number_format = 'yyyy-mm-dd'
    elif op == 'delete-row':
        wb[e['sheet']].delete_rows(e['row'])
    elif op == 'delete-sheet':
        del wb[e['sheet']]
    elif op == 'rename-sheet':
        wb[e['sheet']].title = e['to']
    elif op == 'add-sheet':
        wb.create_sheet(e['sheet'])[e['cell']] = e['value']
wb.save(dst)
`;

/** The workbook opened and saved by openpyxl, after the edits (none: saved unchanged). */
export function withOpenpyxl(bytes: Uint8Array, edits: readonly Edit[] = []): Buffer {
  const dir = tempDir();
  const src = path.join(dir, 'in.xlsx');
  const dst = path.join(dir, 'out.xlsx');
  fs.writeFileSync(src, bytes);
  python(EDIT_SCRIPT, [src, dst, JSON.stringify(edits)]);
  return fs.readFileSync(dst);
}

/** The data sheet's JSON, as the workbook carries it. */
export function dataJson(bytes: Uint8Array): string {
  const book = XLSX.read(bytes, { type: 'array', sheets: [DATA_SHEET_NAME] });
  const sheet = book.Sheets[DATA_SHEET_NAME]!;
  const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: true });
  return rows
    .slice(1)
    .map((r) => String(r[0] ?? ''))
    .join('');
}

/**
 * The workbook read and written again by SheetJS with its data sheet's column A replaced: how
 * someone who edits the hidden sheet's JSON (and perhaps a visible cell too) would change it.
 */
export function withData(
  bytes: Uint8Array,
  edit: (json: string) => string,
  options: { readonly format?: string; readonly visible?: (book: XLSX.WorkBook) => void } = {},
): Buffer {
  const book = XLSX.read(bytes, { type: 'array', cellNF: true });
  const json = edit(dataJson(bytes));
  const cells = [options.format ?? WORKBOOK_FORMAT, ...chunkText(json)];
  const sheet = XLSX.utils.aoa_to_sheet(cells.map((v) => [v]));
  book.Sheets[DATA_SHEET_NAME] = sheet;
  options.visible?.(book);
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** The envelope's inspection changed, through JSON: what a hand-edit of the data sheet does. */
export function editInspection(
  json: string,
  change: (inspection: Record<string, unknown>) => void,
): string {
  const envelope = JSON.parse(json) as { inspection: Record<string, unknown> };
  change(envelope.inspection);
  inspectionSchema.parse(envelope.inspection);
  return JSON.stringify(envelope);
}

/** The XML parts of a workbook's zip, by name. */
export function xmlParts(bytes: Uint8Array): Map<string, string> {
  const read = readZip(bytes, { maxUnpackedBytes: 1 << 30, maxEntries: 1000 });
  if (!read.ok) throw new Error(read.reason);
  return new Map(read.entries.map((e) => [e.name, Buffer.from(e.data).toString('utf8')]));
}

/** A sample changed before its principal signs it: signed as it is after the change. */
export function signedAfter(change: (inspection: Inspection) => Inspection): Inspection {
  const [first] = unsignedSamples({
    count: 1,
    seed: 'workbook-tests',
    asOf: '2026-11-30',
    signing: 'all',
  });
  if (!first?.signoff) throw new Error('the sample was not to be signed');
  return signSample(inspectionSchema.parse(change(first.inspection)), first.signoff);
}
