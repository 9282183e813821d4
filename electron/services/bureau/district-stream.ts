import * as XLSX from 'xlsx';
import type { WorkbookCell } from '../../../shared/workbook/cells';
import { NUMBER_FORMATS, storedValue } from '../../../shared/workbook/cells';
import type { SheetShape, WorkbookSheet } from '../../../shared/workbook/sheet';
import { cellAddress, FIRST_DATA_ROW, HEADER_ROW } from '../../../shared/workbook/sheet';
import { readZip } from '../zip/zip-reader';
import type { ZipEntry } from '../zip/zip-reader';
import type { StreamedZipEntry, ZipSink } from '../zip/zip-writer';
import { memoryZipSink, writeDeflatedZipTo } from '../zip/zip-writer';
import { rowHeight } from '../workbook/row-heights';
import type { SheetPrint } from '../workbook/workbook-dress';
import { dressWorkbook } from '../workbook/workbook-dress';
import { POINTS_TITLE } from '../workbook/workbook-write';

/**
 * The district summary written sheet by sheet. For 10,000 schools it holds some 3.8 million cells
 * (an items × schools matrix, every finding, every open action): SheetJS would hold each as a
 * cell object and the whole book as XML before the zip, well over a gigabyte. Here SheetJS and
 * the bureau workbook's dress write only a skeleton (each sheet's columns, frozen panes, filter
 * and page setup; the styles; the workbook's print titles), and each sheet's rows are written
 * into it as SheetJS writes them (shared strings, the same number formats and styles), piece by
 * piece into the deflated zip: the values a spreadsheet reads are the same as writeSheets'.
 */
export function writeStreamedSheets(
  sheets: readonly WorkbookSheet[],
  print: readonly SheetPrint[],
): Buffer {
  const sink = memoryZipSink();
  streamSheetsTo(
    sink,
    sheets.map((sheet) => ({
      shape: () => ({ ...sheet, rowCount: sheet.rows.length }),
      build: () => sheet,
    })),
    (_, index) => print[index] ?? { pagesWide: 1 },
  );
  return sink.bytes();
}

/** A sheet given by its shape (what the skeleton needs) and, when its rows are written, whole. */
export interface SheetSource {
  readonly shape: () => SheetShape;
  readonly build: () => WorkbookSheet;
}

/**
 * writeStreamedSheets' bytes into `sink`, each sheet built only as its rows are written: only
 * one sheet's rows are held at a time, and (with a file sink) never the zip.
 */
export function streamSheetsTo(
  sink: ZipSink,
  sources: readonly SheetSource[],
  printOf: (shape: SheetShape, index: number) => SheetPrint,
): void {
  const shapes = sources.map((source) => source.shape());
  const builders = sources.map((source) => source.build);
  const skeleton = skeletonEntries(shapes, shapes.map(printOf));
  const styles = stylesOf(skeleton.find((e) => e.name === 'xl/styles.xml')?.data);
  writeDeflatedZipTo(sink, parts(skeleton, shapes, builders, styles));
}

function* parts(
  skeleton: readonly ZipEntry[],
  shapes: readonly SheetShape[],
  builders: readonly (() => WorkbookSheet)[],
  styles: Styles,
): Generator<StreamedZipEntry> {
  const strings = new SharedStrings();
  for (const entry of skeleton) {
    if (entry.name === 'xl/sharedStrings.xml') continue;
    const index = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(entry.name)?.[1];
    const at = index === undefined ? -1 : Number(index) - 1;
    const shape = shapes[at];
    const build = builders[at];
    yield shape && build
      ? { name: entry.name, chunks: sheetChunks(decode(entry.data), shape, build, styles, strings) }
      : { name: entry.name, chunks: [entry.data] };
  }
  // Last: it lists the strings the sheets met.
  yield { name: 'xl/sharedStrings.xml', chunks: strings.chunks() };
}

const decode = (data: Uint8Array) => Buffer.from(data).toString('utf8');

/** Number formats, in the order the skeleton meets them: their styles are cellXfs 1, 2, 3. */
const FORMATTED = ['percent', 'date', 'datetime'] as const;

/** The book as writeSheets lays it out, each sheet with its title cell only. */
function skeletonEntries(sheets: readonly SheetShape[], print: readonly SheetPrint[]) {
  const book = XLSX.utils.book_new();
  sheets.forEach((sheet, index) => {
    const width = Math.max(1, sheet.columns.length);
    // SheetJS walks every row of the range: one shared empty row stands for the data rows.
    // The first sheet carries one cell of each number format (their styles must exist even when
    // no school was merged), so it reaches the first data row at least.
    const rows = Math.max(sheet.rowCount + HEADER_ROW, index === 0 ? FIRST_DATA_ROW : HEADER_ROW);
    const data = new Array<XLSX.CellObject[]>(rows).fill([]);
    data[0] = [{ t: 's', v: sheet.title }];
    if (index === 0)
      data[FIRST_DATA_ROW - 1] = FORMATTED.map((kind) => ({
        t: 'n',
        v: 1,
        z: NUMBER_FORMATS[kind],
      }));
    const ws = { '!data': data } as unknown as XLSX.WorkSheet;
    const last = cellAddress(width - 1, rows);
    ws['!ref'] = `A1:${last}`;
    ws['!cols'] = sheet.columns.map((c) => ({ wch: c.width }));
    ws['!autofilter'] = { ref: `A${HEADER_ROW}:${last}` };
    XLSX.utils.book_append_sheet(book, ws, sheet.name);
  });
  book.Workbook = { Sheets: sheets.map(() => ({ Hidden: 0 as const })) };
  const stored = XLSX.write(book, {
    type: 'buffer',
    bookType: 'xlsx',
    compression: false,
    bookSST: true,
  }) as Buffer;
  const read = readZip(stored, { maxUnpackedBytes: Number.MAX_SAFE_INTEGER, maxEntries: 10_000 });
  if (!read.ok) throw new Error(`SheetJS wrote an unreadable zip: ${read.reason}`);
  return dressWorkbook(read.entries, sheets.length, print);
}

interface Styles {
  readonly title: number;
  readonly header: number;
  readonly formats: Readonly<Record<(typeof FORMATTED)[number], number>>;
}

/** The cell styles the dressed skeleton defines: one per number format, the title, the headers. */
function stylesOf(data: Uint8Array | undefined): Styles {
  const xml = data ? decode(data) : '';
  const codes = new Map<string, string>();
  for (const m of xml.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g))
    codes.set(m[1]!, m[2]!.replace(/&quot;/g, '"'));
  const xfs = /<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const ids = [...xfs.matchAll(/<xf numFmtId="(\d+)"/g)].map((m) => m[1]!);
  const styleOf = (kind: (typeof FORMATTED)[number]) => {
    const at = ids.findIndex((id) => codes.get(id) === NUMBER_FORMATS[kind]);
    if (at < 0) throw new Error(`the skeleton has no style for ${kind}`);
    return at;
  };
  if (ids.length < 2) throw new Error('the skeleton has no title and header styles');
  return {
    title: ids.length - 2,
    header: ids.length - 1,
    formats: { percent: styleOf('percent'), date: styleOf('date'), datetime: styleOf('datetime') },
  };
}

/** Pieces of about this many characters go to the zip. */
const PIECE = 1 << 20;

function* sheetChunks(
  skeleton: string,
  shape: SheetShape,
  build: () => WorkbookSheet,
  styles: Styles,
  strings: SharedStrings,
): Generator<Uint8Array> {
  const sheet = build();
  if (sheet.rows.length !== shape.rowCount || sheet.name !== shape.name)
    throw new Error(`the sheet ${shape.name} was made twice differently`);
  const open = skeleton.indexOf('<sheetData>');
  const close = skeleton.indexOf('</sheetData>');
  if (open < 0 || close < 0) throw new Error(`the skeleton of ${sheet.name} has no sheetData`);
  yield Buffer.from(skeleton.slice(0, open + '<sheetData>'.length), 'utf8');
  const headers = sheet.columns.map((c): WorkbookCell => ({ kind: 'text', value: c.header }));
  let piece = rowXml(
    1,
    [{ kind: 'text', value: sheet.title }],
    POINTS_TITLE,
    styles.title,
    styles,
    strings,
  );
  piece += rowXml(
    HEADER_ROW,
    headers,
    rowHeight(headers, sheet.columns),
    styles.header,
    styles,
    strings,
  );
  for (let i = 0; i < sheet.rows.length; i += 1) {
    const row = sheet.rows[i]!;
    piece += rowXml(FIRST_DATA_ROW + i, row, rowHeight(row, sheet.columns), null, styles, strings);
    if (piece.length >= PIECE) {
      yield Buffer.from(piece, 'utf8');
      piece = '';
    }
  }
  yield Buffer.from(piece + skeleton.slice(close), 'utf8');
}

/** One row as SheetJS writes it; `style` given, every cell of the row takes it (title, headers). */
function rowXml(
  r: number,
  row: readonly WorkbookCell[],
  height: number,
  style: number | null,
  styles: Styles,
  strings: SharedStrings,
): string {
  let cells = '';
  for (let c = 0; c < row.length; c += 1) {
    const cell = row[c];
    if (cell === null || cell === undefined) continue;
    const value = storedValue(cell);
    const s =
      style ?? (cell.kind === 'text' || cell.kind === 'number' ? null : styles.formats[cell.kind]);
    const ref = `${cellAddress(c, r)}"${s === null ? '' : ` s="${s}"`}`;
    cells +=
      typeof value === 'string'
        ? `<c r="${ref} t="s"><v>${strings.index(value)}</v></c>`
        : `<c r="${ref}><v>${value}</v></c>`;
  }
  return `<row r="${r}" ht="${height}" customHeight="1">${cells}</row>`;
}

/** The shared-strings table, as SheetJS writes it: each string once, in the order first met. */
class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private count = 0;

  index(value: string): number {
    this.count += 1;
    let at = this.indexes.get(value);
    if (at === undefined) {
      at = this.indexes.size;
      this.indexes.set(value, at);
    }
    return at;
  }

  *chunks(): Generator<Uint8Array> {
    let piece =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.indexes.size}">`;
    for (const value of this.indexes.keys()) {
      const space = /^\s|\s$|[\t\n\r]/.test(value) ? ' xml:space="preserve"' : '';
      piece += `<si><t${space}>${escapeXml(value)}</t></si>`;
      if (piece.length >= PIECE) {
        yield Buffer.from(piece, 'utf8');
        piece = '';
      }
    }
    yield Buffer.from(`${piece}</sst>`, 'utf8');
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** SheetJS's escaping: the five entities, and control characters as _xHHHH_. */
function escapeXml(value: string): string {
  return value
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000b-\u001f\uFFFE\uFFFF]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0')}_`,
    );
}
