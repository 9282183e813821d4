import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../../../electron/services/zip/zip-reader';
import { repackZip } from '../../../../electron/services/zip/zip-repack';
import { inflateRawSync } from 'node:zlib';
import {
  fileZipSink,
  memoryZipSink,
  writeDeflatedZip,
  writeDeflatedZipStreamed,
  writeDeflatedZipTo,
  writeStoredZip,
} from '../../../../electron/services/zip/zip-writer';
import { tempDir } from '../workbook/workbook-fixtures';

function workbook(compression: boolean): Buffer {
  const book = XLSX.utils.book_new();
  const rows = [
    ['name', 'label::zh-CN', 'count'],
    ['fire_exits', '消防通道', 3],
    ['notes', 'line one\nline two', 0.25],
  ];
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'survey');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['a'], [true]]), 'settings');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression }) as Buffer;
}

/** Every sheet as rows, as the template reader would see them. */
function sheets(data: Uint8Array) {
  const book = XLSX.read(data, { type: 'array', dense: true });
  return book.SheetNames.map((name) => [
    name,
    XLSX.utils.sheet_to_json(book.Sheets[name]!, { header: 1 }),
  ]);
}

/** The method of every entry, from the central directory the writer wrote. */
function methods(zip: Uint8Array): number[] {
  const bytes = Buffer.from(zip);
  const end = bytes.length - 22;
  let at = bytes.readUInt32LE(end + 16);
  return Array.from({ length: bytes.readUInt16LE(end + 10) }, () => {
    const method = bytes.readUInt16LE(at + 10);
    at += 46 + bytes.readUInt16LE(at + 28);
    return method;
  });
}

describe('writeStoredZip', () => {
  it.each([
    ['stored', false],
    ['deflated', true],
  ])('repacks a %s SheetJS workbook that SheetJS reads the same', (_label, compression) => {
    const original = workbook(compression);
    const read = readZip(original);
    if (!read.ok) throw new Error(read.reason);
    const repacked = writeStoredZip(read.entries);
    expect(methods(repacked).every((m) => m === 0)).toBe(true);
    expect(methods(repacked)).toHaveLength(read.entries.length);
    expect(sheets(repacked)).toEqual(sheets(original));
    expect(sheets(repacked)[0]![1]).toContainEqual(['fire_exits', '消防通道', 3]);
  });

  it('writes what readZip reads back entry for entry', () => {
    const entries = [
      { name: 'a.xml', data: new TextEncoder().encode('<a/>') },
      { name: '目录/说明.txt', data: new TextEncoder().encode('说明') },
      { name: 'empty/', data: new Uint8Array(0) },
    ];
    const back = readZip(writeStoredZip(entries));
    expect(back.ok && back.entries.map((e) => [e.name, Buffer.from(e.data).toString()])).toEqual(
      entries.map((e) => [e.name, Buffer.from(e.data).toString()]),
    );
    expect(readZip(writeStoredZip([]))).toEqual({ ok: true, entries: [] });
  });
});

describe('repackZip', () => {
  it('gives stored bytes for a good zip and the refusal for a bad one', () => {
    const good = repackZip(workbook(true));
    expect(good.ok && methods(good.bytes).every((m) => m === 0)).toBe(true);
    expect(repackZip(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toEqual({
      ok: false,
      refusal: 'damaged',
      reason: 'no end of central directory record',
    });
  });
});

describe('writeDeflatedZipStreamed', () => {
  const text = (n: number) => Buffer.from(`<row>${'检查项 · item '.repeat(n)}</row>`, 'utf8');
  const pieces = [text(3000), text(1), Buffer.alloc(0), text(5000)];
  const whole = Buffer.concat(pieces);

  it('joins the pieces of an entry into one entry that reads back whole', () => {
    const zip = writeDeflatedZipStreamed([
      { name: 'xl/worksheets/sheet1.xml', chunks: pieces },
      { name: 'empty.xml', chunks: [] },
      { name: '说明.txt', chunks: [Buffer.from('one piece')] },
    ]);
    const read = readZip(zip);
    if (!read.ok) throw new Error(read.reason);
    expect(read.entries.map((e) => [e.name, Buffer.from(e.data).toString('utf8')])).toEqual([
      ['xl/worksheets/sheet1.xml', whole.toString('utf8')],
      ['empty.xml', ''],
      ['说明.txt', 'one piece'],
    ]);
  });

  it('reads each entry lazily, in order: a later entry may list what the earlier ones met', () => {
    const met: string[] = [];
    function* first() {
      met.push('first');
      yield Buffer.from('a');
    }
    function* second() {
      yield Buffer.from(met.join(','));
    }
    const read = readZip(
      writeDeflatedZipStreamed([
        { name: 'a', chunks: first() },
        { name: 'b', chunks: second() },
      ]),
    );
    if (!read.ok) throw new Error(read.reason);
    expect(Buffer.from(read.entries[1]!.data).toString()).toBe('first');
  });

  it('is read by SheetJS as the same book as writeDeflatedZip writes, a deflate stream zlib inflates', () => {
    const read = readZip(workbook(false));
    if (!read.ok) throw new Error(read.reason);
    const streamed = writeDeflatedZipStreamed(
      read.entries.map((e) => ({
        name: e.name,
        chunks: [e.data.subarray(0, 7), e.data.subarray(7)],
      })),
    );
    expect(sheets(streamed)).toEqual(sheets(writeDeflatedZip(read.entries)));
    // The first entry's body, inflated on its own, is the entry.
    const nameLength = streamed.readUInt16LE(26);
    const bodyLength = streamed.readUInt32LE(18);
    const body = streamed.subarray(30 + nameLength, 30 + nameLength + bodyLength);
    expect(inflateRawSync(body).equals(Buffer.from(read.entries[0]!.data))).toBe(true);
  });
});

describe('writeDeflatedZipTo', () => {
  const text = (n: number) => Buffer.from(`<c>${'整改 · action '.repeat(n)}</c>`, 'utf8');
  const entries = () => [
    {
      name: 'xl/worksheets/sheet1.xml',
      chunks: [text(4000), text(2), Buffer.alloc(0), text(9000)],
    },
    { name: 'empty.xml', chunks: [] },
    { name: '说明.txt', chunks: [Buffer.from('one piece')] },
  ];

  it('writes into a file, piece by piece, the bytes writeDeflatedZipStreamed returns', () => {
    const file = path.join(tempDir(), 'streamed.zip');
    const fd = fs.openSync(file, 'wx');
    try {
      writeDeflatedZipTo(fileZipSink(fd), entries());
    } finally {
      fs.closeSync(fd);
    }
    expect(fs.readFileSync(file).equals(writeDeflatedZipStreamed(entries()))).toBe(true);
  });

  it('hands the sink each local header before its entry and writes it over only once known', () => {
    const sink = memoryZipSink();
    const calls: string[] = [];
    writeDeflatedZipTo(
      {
        write: (bytes) => {
          calls.push(`write ${bytes.length}`);
          sink.write(bytes);
        },
        overwrite: (position, bytes) => {
          calls.push(`overwrite ${position} ${bytes.length}`);
          sink.overwrite(position, bytes);
        },
      },
      [{ name: 'a.txt', chunks: [Buffer.from('abc')] }],
    );
    expect(calls[0]).toBe('write 35');
    expect(calls).toContain('overwrite 0 35');
    expect(
      sink
        .bytes()
        .equals(
          writeDeflatedZipStreamed([{ name: 'a.txt', chunks: ['abc'].map((t) => Buffer.from(t)) }]),
        ),
    ).toBe(true);
  });

  it('refuses to write over bytes that were not a piece written whole', () => {
    const sink = memoryZipSink();
    sink.write(Buffer.alloc(10));
    expect(() => sink.overwrite(2, Buffer.alloc(3))).toThrow(/no piece/);
    expect(() => sink.overwrite(0, Buffer.alloc(3))).toThrow(/no piece/);
  });
});
