import { isUtf8 } from 'node:buffer';
import type { StoredValue } from '../../../shared/workbook/cells';
import type { ZipEntry } from '../zip/zip-reader';

/**
 * A direct reader for the workbooks this app writes (SheetJS's writer, dressed by
 * workbook-dress.ts): the exact parts, the exact XML shapes, shared strings and numbers only.
 * It returns what readWorkbookValues's SheetJS path returns for such a file, value for value, in
 * a fraction of the time, and null for anything it does not recognise in every detail (a
 * workbook saved again by Excel, WPS, LibreOffice or openpyxl; rich text, inline strings,
 * formulas, booleans, hyperlinks, comments, an entity or escape it does not know, a part it
 * does not expect), which the SheetJS path then reads. Recognising is strict on purpose: what
 * this reader accepts it reads the one way SheetJS does; what it might read another way, it
 * leaves to SheetJS. tests/electron/services/workbook/workbook-own-read.test.ts proves both
 * readers equal, cell by cell, on signed workbooks, drafts and every tampered case.
 */

export interface OwnSheet {
  readonly name: string;
  readonly hidden: boolean;
  readonly rows: (StoredValue | null)[][];
}

/** Excel's last row; SheetJS is told to read no further (workbook-read.ts). */
const MAX_ROWS = 1_048_576;
/** Excel's last column (XFD). */
const MAX_COLUMNS = 16_384;

const PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_REL = `${REL_NS}/worksheet`;
const CT = 'application/vnd.openxmlformats-officedocument';

/** The parts SheetJS writes for a workbook like ours, and their content types. */
const FIXED_PARTS: Readonly<Record<string, string | null>> = {
  '[Content_Types].xml': null,
  '_rels/.rels': null,
  'docProps/app.xml': `${CT}.extended-properties+xml`,
  'docProps/core.xml': 'application/vnd.openxmlformats-package.core-properties+xml',
  'xl/_rels/workbook.xml.rels': null,
  'xl/metadata.xml': `${CT}.spreadsheetml.sheetMetadata+xml`,
  'xl/sharedStrings.xml': `${CT}.spreadsheetml.sharedStrings+xml`,
  'xl/styles.xml': `${CT}.spreadsheetml.styles+xml`,
  'xl/theme/theme1.xml': `${CT}.theme+xml`,
  'xl/workbook.xml': `${CT}.spreadsheetml.sheet.main+xml`,
};
const SHEET_PART = /^xl\/worksheets\/sheet[1-9][0-9]{0,3}\.xml$/;
const SHEET_TYPE = `${CT}.spreadsheetml.worksheet+xml`;

/** Tags that may stand outside sheetData in a sheet: none of them makes or changes a cell. */
const SHEET_TAGS = new Set([
  'worksheet',
  'sheetPr',
  'pageSetUpPr',
  'outlinePr',
  'tabColor',
  'dimension',
  'sheetViews',
  'sheetView',
  'pane',
  'selection',
  'sheetFormatPr',
  'cols',
  'col',
  'sheetProtection',
  'autoFilter',
  'mergeCells',
  'mergeCell',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'oddHeader',
  'oddFooter',
  'evenHeader',
  'evenFooter',
  'ignoredErrors',
  'ignoredError',
]);

/** UTF-8 XML in this app's prolog, or null (not UTF-8, a BOM, another prolog, a comment, CDATA). */
function xmlOf(data: Uint8Array | undefined): string | null {
  if (!data || !isUtf8(data)) return null;
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  if (!text.startsWith(PROLOG)) return null;
  const body = text.slice(PROLOG.length);
  // No comment, CDATA, processing instruction or DOCTYPE, no character reference, no carriage return.
  return /<[!?]|&#|\r/.test(body) ? null : body;
}

/** Any "&" that does not begin one of the five entities SheetJS's writer uses. */
const OTHER_AMPERSAND = /&(?!(?:quot|apos|gt|lt|amp);)/;
const ESCAPE = /_x[0-9a-f]{4}_/i;

/**
 * Text between tags, its five entities decoded; null when it holds anything SheetJS would read
 * differently or that this reader does not decode (any other "&", an "_xHHHH_" escape).
 */
function textOf(raw: string): string | null {
  if ((raw.includes('_x') || raw.includes('_X')) && ESCAPE.test(raw)) return null;
  if (!raw.includes('&')) return raw;
  if (OTHER_AMPERSAND.test(raw)) return null;
  // "&amp;" last, so that "&amp;lt;" reads as "&lt;", as written.
  return raw
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&gt;', '>')
    .replaceAll('&lt;', '<')
    .replaceAll('&amp;', '&');
}

class NotOurs extends Error {}

const need = <T>(value: T | null | undefined): T => {
  if (value === null || value === undefined) throw new NotOurs();
  return value;
};

/** The workbook's sheets, read directly, or null when it is not exactly as this app writes them. */
export function readOwnWorkbook(entries: readonly ZipEntry[]): OwnSheet[] | null {
  try {
    return readParts(partsOf(entries));
  } catch {
    // Not ours (or a case this reader did not foresee): the SheetJS path reads it.
    return null;
  }
}

function partsOf(entries: readonly ZipEntry[]): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const known = Object.hasOwn(FIXED_PARTS, entry.name) || SHEET_PART.test(entry.name);
    if (!known || parts.has(entry.name)) throw new NotOurs();
    parts.set(entry.name, entry.data);
  }
  return parts;
}

function readParts(parts: Map<string, Uint8Array>): OwnSheet[] {
  checkContentTypes(parts);
  checkPackageRels(need(xmlOf(parts.get('_rels/.rels'))));
  const targets = workbookTargets(need(xmlOf(parts.get('xl/_rels/workbook.xml.rels'))));
  const strings = sharedStrings(need(xmlOf(parts.get('xl/sharedStrings.xml'))));
  const used = new Set<string>();
  return workbookSheets(need(xmlOf(parts.get('xl/workbook.xml')))).map((sheet) => {
    const target = need(targets.get(sheet.rid));
    // Each sheet its own part, as the writer makes them.
    if (used.has(target)) throw new NotOurs();
    used.add(target);
    return {
      name: sheet.name,
      hidden: sheet.hidden,
      rows: sheetRows(need(xmlOf(parts.get(`xl/${target}`))), strings),
    };
  });
}

/** Every part has the content type SheetJS gives it, and nothing else is declared. */
function checkContentTypes(parts: Map<string, Uint8Array>): void {
  const xml = need(xmlOf(parts.get('[Content_Types].xml')));
  const declared = new Map<string, string>();
  for (const m of xml.matchAll(/<Override PartName="([^"]*)" ContentType="([^"]*)"\/>/g))
    declared.set(m[1]!, m[2]!);
  if ((xml.match(/<Override /g) ?? []).length !== declared.size) throw new NotOurs();
  for (const [part, type] of declared) {
    const name = part.slice(1);
    const expected = SHEET_PART.test(name) ? SHEET_TYPE : FIXED_PARTS[name];
    if (!part.startsWith('/') || expected !== type || !parts.has(name)) throw new NotOurs();
  }
  for (const name of parts.keys())
    if (FIXED_PARTS[name] !== null && !declared.has(`/${name}`)) throw new NotOurs();
}

function checkPackageRels(xml: string): void {
  const office = [...xml.matchAll(/Type="([^"]*\/officeDocument)" Target="([^"]*)"/g)];
  if (office.length !== 1 || office[0]![2] !== 'xl/workbook.xml') throw new NotOurs();
  if (/officeDocument"/.test(xml.replace(office[0]![0], ''))) throw new NotOurs();
}

/** The workbook's relationships to its sheets: rId → path below xl/. */
function workbookTargets(xml: string): Map<string, string> {
  const targets = new Map<string, string>();
  const all = xml.match(/<Relationship /g)?.length ?? 0;
  let seen = 0;
  for (const m of xml.matchAll(
    /<Relationship Id="(rId[0-9]+)" Type="([^"]*)" Target="([^"]*)"\/>/g,
  )) {
    seen += 1;
    if (targets.has(m[1]!)) throw new NotOurs();
    if (m[2] === WORKSHEET_REL) {
      if (!SHEET_PART.test(`xl/${m[3]!}`)) throw new NotOurs();
      targets.set(m[1]!, m[3]!);
    } else if (!m[2]!.startsWith(`${REL_NS}/`) || m[3]!.includes('/worksheets/'))
      throw new NotOurs();
  }
  if (seen !== all) throw new NotOurs();
  return targets;
}

interface SheetRef {
  readonly name: string;
  readonly rid: string;
  readonly hidden: boolean;
}

function workbookSheets(xml: string): SheetRef[] {
  if (!xml.startsWith(`<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`)) throw new NotOurs();
  const open = xml.indexOf('<sheets>');
  const close = xml.indexOf('</sheets>');
  if (open < 0 || close < open || xml.indexOf('<sheets>', open + 1) >= 0) throw new NotOurs();
  // Nothing but the sheets may name a sheet: no other workbook part SheetJS reads sheets from.
  if (/<(?:\w+:)?sheet\b/.test(xml.slice(0, open) + xml.slice(close))) throw new NotOurs();
  const list = xml.slice(open + '<sheets>'.length, close);
  const sheets: SheetRef[] = [];
  const names = new Set<string>();
  const pattern =
    /<sheet name="([^"<>]*)" sheetId="[1-9][0-9]*" r:id="(rId[0-9]+)"(?: state="(hidden|veryHidden)")?\/>/y;
  let at = 0;
  while (at < list.length) {
    pattern.lastIndex = at;
    const m = need(pattern.exec(list));
    const name = need(textOf(m[1]!));
    if (name === '' || names.has(name)) throw new NotOurs();
    names.add(name);
    sheets.push({ name, rid: m[2]!, hidden: m[3] !== undefined });
    at = pattern.lastIndex;
  }
  if (sheets.length === 0) throw new NotOurs();
  return sheets;
}

function sharedStrings(xml: string): string[] {
  const head = /^<sst xmlns="[^"]*" count="[0-9]+" uniqueCount="[0-9]+">/.exec(xml);
  if (!head || !xml.endsWith('</sst>')) throw new NotOurs();
  const body = xml.slice(head[0].length, -'</sst>'.length);
  const strings: string[] = [];
  const pattern = /<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>/y;
  let at = 0;
  while (at < body.length) {
    pattern.lastIndex = at;
    const m = need(pattern.exec(body));
    strings.push(need(textOf(m[1]!)));
    at = pattern.lastIndex;
  }
  return strings;
}

const ROW = /<row r="([1-9][0-9]{0,6})"(?: [a-zA-Z]+="[^"<>]*")*(\/)?>/y;
const CELL =
  /<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"(?: s="[0-9]+")?(?: t="s")?(?:\/>|><v>([^<]*)<\/v><\/c>)/y;
const NUMBER = /^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;

function columnIndex(letters: string): number {
  let index = 0;
  for (let i = 0; i < letters.length; i += 1) index = index * 26 + letters.charCodeAt(i) - 64;
  return index - 1;
}

/** A sheet's values as SheetJS's dense grid gives them: a row per row up to the last with a cell. */
function sheetRows(xml: string, strings: readonly string[]): (StoredValue | null)[][] {
  const open = xml.indexOf('<sheetData>');
  const close = xml.indexOf('</sheetData>');
  let data = '';
  let outside = xml;
  if (open >= 0) {
    if (close < open) throw new NotOurs();
    data = xml.slice(open + '<sheetData>'.length, close);
    outside = xml.slice(0, open) + xml.slice(close + '</sheetData>'.length);
  } else if (!outside.includes('<sheetData/>')) throw new NotOurs();
  checkOutside(outside.replace('<sheetData/>', ''));
  const rows: (StoredValue | null)[][] = [];
  let at = 0;
  let lastRow = 0;
  while (at < data.length) {
    ROW.lastIndex = at;
    const row = need(ROW.exec(data));
    const r = Number(row[1]);
    if (r <= lastRow || r > MAX_ROWS) throw new NotOurs();
    lastRow = r;
    at = ROW.lastIndex;
    if (row[2]) continue;
    let lastColumn = -1;
    let values: (StoredValue | null)[] | undefined;
    for (;;) {
      if (data.startsWith('</row>', at)) {
        at += '</row>'.length;
        break;
      }
      CELL.lastIndex = at;
      const cell = need(CELL.exec(data));
      at = CELL.lastIndex;
      const c = columnIndex(cell[1]!);
      if (Number(cell[2]) !== r || c <= lastColumn || c >= MAX_COLUMNS) throw new NotOurs();
      lastColumn = c;
      values ??= rows[r - 1] = [];
      while (values.length < c) values.push(null);
      values.push(cellValue(cell[0], cell[3], strings));
    }
  }
  for (let r = 0; r < rows.length; r += 1) rows[r] ??= [];
  return rows;
}

/** A cell's value: a shared string, a number, or nothing (an empty cell SheetJS keeps as a stub). */
function cellValue(
  tag: string,
  raw: string | undefined,
  strings: readonly string[],
): StoredValue | null {
  if (raw === undefined || raw === '') return null;
  if (tag.includes(' t="s"')) {
    if (!/^[0-9]{1,9}$/.test(raw)) throw new NotOurs();
    return need(strings[Number(raw)]);
  }
  if (!NUMBER.test(raw)) throw new NotOurs();
  return parseFloat(raw);
}

/** What stands outside sheetData makes no cell: only the tags SheetJS reads for layout. */
function checkOutside(xml: string): void {
  if (!xml.startsWith(`<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`)) throw new NotOurs();
  if (!xml.endsWith('</worksheet>')) throw new NotOurs();
  for (const m of xml.matchAll(/<\/?([A-Za-z:]+)/g))
    if (!SHEET_TAGS.has(m[1]!)) throw new NotOurs();
}
