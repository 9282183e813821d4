import { deflateRawSync, constants } from 'node:zlib';
import * as XLSX from 'xlsx';
import { sampleData } from '../../../../electron/services/sample-data';
import type { Sample } from '../../../../electron/services/sample-data';
import { LATEST_BUILT_IN } from '../../../../electron/services/templates/template-store';
import { exportWorkbook } from '../../../../electron/services/workbook/workbook-export';
import { writeDeflatedZip } from '../../../../electron/services/zip/zip-writer';
import { entriesOf } from '../workbook/package-fixtures';

export const TODAY = '2026-12-01';

const cache = new Map<string, Sample[]>();
/** Deterministic samples against the latest built-in checklist. */
export function bureauSamples(
  signing: 'all' | 'none',
  count = 2,
  seed = 'bureau-intake',
): Sample[] {
  const key = `${signing}:${count}:${seed}`;
  let found = cache.get(key);
  if (!found) {
    found = sampleData({ count, seed, asOf: '2026-11-30', signing });
    cache.set(key, found);
  }
  return found;
}

/** The bureau workbook of a sample, as the app exports it. */
export const workbookOf = (sample: Sample, language: 'zh-CN' | 'en-US' = 'zh-CN'): Buffer =>
  exportWorkbook(sample.inspection, language, { get: () => LATEST_BUILT_IN }, '0.1.0-test').bytes;

/** A plain workbook another program wrote (SheetJS, no data sheet). */
export function foreignWorkbook(): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['学校', '得分'],
      ['一中', 90],
    ]),
    'Sheet1',
  );
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

interface RawEntry {
  readonly name: string;
  /** Deflated (method 8) content. */
  readonly deflated: Uint8Array;
  /** What the headers say it inflates to, and its CRC (need not be true). */
  readonly size: number;
  readonly crc: number;
}

/** A zip written by hand, with headers that say whatever the entries claim. */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.deflated));
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A zip bomb: a workbook-shaped zip of about 2 MB whose sheet inflates to 2 GiB of zeros (one
 * compressed megabyte of zeros repeated, each a complete non-final deflate block).
 */
export function zipBomb(): Buffer {
  const piece = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_SYNC_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  const copies = 2048;
  const deflated = Buffer.concat([...Array.from({ length: copies }, () => piece), last]);
  const small = deflateRawSync(Buffer.from('<workbook/>'));
  return rawZip([
    { name: 'xl/workbook.xml', deflated: small, size: 11, crc: 0 },
    { name: 'xl/worksheets/sheet1.xml', deflated, size: 2 ** 31, crc: 0 },
  ]);
}

/** The same bomb whose headers lie: they declare a few bytes, the stream inflates to gigabytes. */
export function lyingZipBomb(): Buffer {
  const piece = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_SYNC_FLUSH });
  const deflated = Buffer.concat([
    ...Array.from({ length: 2048 }, () => piece),
    deflateRawSync(Buffer.alloc(0)),
  ]);
  return rawZip([
    {
      name: 'xl/workbook.xml',
      deflated: deflateRawSync(Buffer.from('<workbook/>')),
      size: 11,
      crc: 0,
    },
    { name: 'xl/worksheets/sheet1.xml', deflated, size: 1000, crc: 0 },
  ]);
}

/**
 * A workbook of a million rows, made cheaply: a plain SheetJS workbook whose one sheet's XML is
 * replaced by a million short rows (about 40 MB of XML, deflated to well under 2 MB).
 */
export function millionRowWorkbook(): Buffer {
  const entries = entriesOf(foreignWorkbook());
  const rows: string[] = [];
  for (let r = 1; r <= 1_000_000; r += 1)
    rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  const zip = writeDeflatedZip(
    entries.map((e) =>
      e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, data: Buffer.from(xml) } : e,
    ),
  );
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}
