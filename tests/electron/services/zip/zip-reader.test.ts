import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../../../electron/services/zip/zip-reader';
import type { EntrySpec, ZipSpec } from './zip-builder';
import { buildZip, zeros, zipWithHiddenEnd } from './zip-builder';

const text = (s: string) => Buffer.from(s, 'utf8');
const part = (name: string, content = `<${name}/>`): EntrySpec => ({
  name,
  content: text(content),
});

function refusalOf(zip: Uint8Array) {
  const read = readZip(zip);
  return read.ok ? 'read' : `${read.refusal}: ${read.reason}`;
}
const refusal = (spec: ZipSpec) => refusalOf(buildZip(spec));

describe('readZip reads an honest zip', () => {
  it('returns every entry, deflated or stored, in central-directory order', () => {
    const zip = buildZip({
      entries: [part('a.xml', 'deflated '.repeat(100)), { ...part('b/c.xml'), method: 0 }],
    });
    const read = readZip(zip);
    expect(read.ok && read.entries.map((e) => [e.name, Buffer.from(e.data).toString()])).toEqual([
      ['a.xml', 'deflated '.repeat(100)],
      ['b/c.xml', '<b/c.xml/>'],
    ]);
  });

  it('takes entries whose sizes come after the body (bit 3), zeros in the local header', () => {
    const read = readZip(buildZip({ entries: [{ ...part('a.xml'), descriptor: true }] }));
    expect(read.ok && read.entries.length).toBe(1);
  });

  it('takes a comment that ends where the file ends, and an empty archive', () => {
    expect(refusal({ entries: [part('a.xml')], comment: text('made by hand') })).toBe('read');
    expect(readZip(buildZip({ entries: [] }))).toEqual({ ok: true, entries: [] });
  });
});

describe('readZip refuses what two readers could read two ways', () => {
  it('(a) central directory says stored, local header says deflated', () => {
    const bomb = deflateRawSync(zeros(64), { level: 9 });
    const spec = { name: 'xl/bomb.bin', content: bomb, method: 0 as const, local: { method: 8 } };
    expect(refusal({ entries: [part('a.xml'), spec] })).toBe(
      'damaged: "xl/bomb.bin": the two headers\' methods differ',
    );
  });

  it('(b) a second end record hidden in the archive comment', () => {
    const zip = zipWithHiddenEnd([part('a.xml')], [{ name: 'xl/bomb.bin', content: zeros(32) }]);
    expect(refusalOf(zip)).toBe('damaged: 2 end-of-central-directory signatures near the end');
  });

  it('a lone end signature anywhere in the last 65,557 bytes, even in a stored body', () => {
    const body = Buffer.concat([text('PK\x05\x06'), Buffer.alloc(30_000)]);
    expect(refusal({ entries: [{ name: 'a.bin', content: body, method: 0 }] })).toMatch(
      /^damaged: 2 end-of-central-directory signatures/,
    );
  });

  it('a comment length that does not end at the end of the file', () => {
    const comment = text('comment');
    expect(refusal({ entries: [part('a.xml')], comment, commentLength: 3 })).toBe(
      'damaged: the end record and its comment do not end where the file ends',
    );
    expect(refusal({ entries: [part('a.xml')], trailing: text('junk') })).toMatch(/do not end/);
  });

  it('no end record, or a file cut short', () => {
    const zip = buildZip({ entries: [part('a.xml')] });
    expect(refusalOf(zip.subarray(0, zip.length - 30))).toBe(
      'damaged: no end of central directory record',
    );
    expect(refusalOf(new Uint8Array(0))).toBe('damaged: no end of central directory record');
  });

  it('a central directory that does not fill the space before the end record', () => {
    const count = (n: number) =>
      buildZip({ entries: [part('a.xml')], end: { entries: n, entriesHere: n } });
    expect(refusalOf(count(0))).toBe('damaged: the central directory holds more than its entries');
    expect(refusalOf(count(2))).toBe('damaged: central directory entry 2 is missing');
    expect(refusal({ entries: [part('a.xml')], end: { centralOffset: 0 } })).toBe(
      'damaged: the central directory does not end at the end record',
    );
  });

  it('local and central names that differ', () => {
    expect(refusal({ entries: [{ ...part('xl/a.xml'), local: { name: 'xl/b.xml' } }] })).toBe(
      'damaged: "xl/a.xml": the two headers\' names differ',
    );
  });

  it('local and central sizes or CRC that differ', () => {
    const cases: EntrySpec[] = [
      { ...part('a.xml'), local: { size: 1 } },
      { ...part('a.xml'), local: { compressedSize: 3 } },
      { ...part('a.xml'), central: { crc: 7 } },
      { ...part('a.xml'), descriptor: true, local: { size: 99 } },
    ];
    for (const entry of cases)
      expect(refusal({ entries: [entry] })).toBe(
        'damaged: "a.xml": the two headers\' CRC or sizes differ',
      );
  });

  it('a data descriptor that disagrees with the central directory', () => {
    const entry = { ...part('a.xml'), descriptor: true, central: { size: 3 } };
    expect(refusal({ entries: [entry] })).toBe(
      'damaged: "a.xml": its data descriptor differs from the central directory',
    );
  });

  it('flags that differ between the headers', () => {
    expect(refusal({ entries: [{ ...part('a.xml'), local: { flags: 0x0800 } }] })).toBe(
      'damaged: "a.xml": the two headers\' flags differ',
    );
  });

  it('an entry whose compressed size reaches past the central directory', () => {
    const lie = { compressedSize: 10_000 };
    expect(refusal({ entries: [{ ...part('a.xml'), local: lie, central: lie }] })).toBe(
      'damaged: "a.xml" runs into the central directory',
    );
  });
});

describe('readZip refuses encryption, other methods and unsafe names', () => {
  it('an encrypted entry, by either header', () => {
    expect(refusal({ entries: [{ ...part('a.xml'), central: { flags: 1 } }] })).toBe(
      'encrypted: "a.xml" is encrypted',
    );
    const both = { flags: 0x41 };
    expect(refusal({ entries: [{ ...part('a.xml'), local: both, central: both }] })).toMatch(
      /^encrypted:/,
    );
    expect(refusal({ entries: [{ ...part('a.xml'), local: { flags: 1 } }] })).toMatch(
      /^damaged: .*flags differ/,
    );
  });

  it('methods other than stored and deflated, and unknown flags', () => {
    const bzip2 = { method: 12 };
    expect(refusal({ entries: [{ ...part('a.xml'), local: bzip2, central: bzip2 }] })).toBe(
      'unsupported: "a.xml" is compressed with method 12',
    );
    const patched = { flags: 0x20 };
    expect(refusal({ entries: [{ ...part('a.xml'), local: patched, central: patched }] })).toBe(
      'unsupported: "a.xml" has flags 32',
    );
  });

  it('zip64 and multi-disk archives', () => {
    expect(refusal({ entries: [part('a.xml')], end: { centralOffset: 0xffffffff } })).toBe(
      'unsupported: a zip64 archive',
    );
    expect(refusal({ entries: [part('a.xml')], end: { disk: 1 } })).toBe(
      'unsupported: an archive split over several disks',
    );
    const huge = { size: 0xffffffff };
    expect(refusal({ entries: [{ ...part('a.xml'), central: huge }] })).toMatch(
      /^unsupported: "a.xml" is a zip64/,
    );
  });

  it.each([
    '../evil.xml',
    'xl/../../evil.xml',
    '/etc/passwd',
    'C:/evil.xml',
    'xl\\a.xml',
    'a\0.xml',
    '',
  ])('the name %j', (name) => {
    expect(refusal({ entries: [{ name, content: text('x') }] })).toMatch(
      /^damaged: unsafe entry name/,
    );
  });

  it('a name that is not UTF-8, and two entries named alike', () => {
    const latin1 = Buffer.from([0x61, 0xe9, 0x2e, 0x78]);
    expect(refusal({ entries: [{ name: latin1, content: text('x') }] })).toBe(
      'damaged: an entry name is not valid UTF-8',
    );
    expect(refusal({ entries: [part('xl/a.xml'), part('XL/A.xml')] })).toBe(
      'damaged: two entries are named "XL/A.xml"',
    );
  });
});
