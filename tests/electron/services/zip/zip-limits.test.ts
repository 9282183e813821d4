import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZip, ZIP_LIMITS } from '../../../../electron/services/zip/zip-reader';
import type { EntrySpec, ZipSpec } from './zip-builder';
import { buildZip, zeros, zipParts } from './zip-builder';

const text = (s: string) => Buffer.from(s, 'utf8');

function refusal(spec: ZipSpec) {
  const read = readZip(buildZip(spec));
  return read.ok ? 'read' : `${read.refusal}: ${read.reason}`;
}

/** Reads a zip, with how long it took and how much the process grew (a sanity bound only). */
function measured(zip: Uint8Array) {
  const rss = process.memoryUsage().rss;
  const started = performance.now();
  const read = readZip(zip);
  const ms = performance.now() - started;
  const grewMb = (process.memoryUsage().rss - rss) / 1024 / 1024;
  return { verdict: read.ok ? 'read' : `${read.refusal}: ${read.reason}`, ms, grewMb };
}

describe('readZip refuses entries that overlap', () => {
  it('two central entries pointing at the same local header', () => {
    const twin: EntrySpec = { name: 'a.xml', content: text('<a/>'), pointAt: 0 };
    expect(refusal({ entries: [{ name: 'a.xml', content: text('<a/>') }, twin] })).toBe(
      'damaged: two entries are named "a.xml"',
    );
  });

  it('an entry whose data runs into the next one', () => {
    const body = deflateRawSync(text('<a/>'));
    const long = { compressedSize: body.length + 10 };
    const a: EntrySpec = { name: 'a.xml', content: text('<a/>'), local: long, central: long };
    expect(refusal({ entries: [a, { name: 'b.xml', content: text('<b/>') }] })).toMatch(
      /^damaged: two entries share bytes at \d+/,
    );
  });

  it('an entry whose local header sits inside another stored entry', () => {
    // The classic overlapping-files bomb: entry b is hidden in the body of stored entry a.
    const inner = zipParts([{ name: 'b.xml', content: text('<b/>') }], 30 + 'a.bin'.length);
    const a: EntrySpec = { name: 'a.bin', content: inner.locals, method: 0 };
    const b: EntrySpec = { name: 'b.xml', content: text('<b/>'), offset: 30 + 'a.bin'.length };
    expect(refusal({ entries: [a, b] })).toMatch(/^damaged: two entries share bytes/);
  });
});

describe('readZip inflates within its budget and checks what it inflated', () => {
  it('a deflate bomb with honest headers is refused before inflating', () => {
    const bomb = buildZip({ entries: [{ name: 'xl/bomb.bin', content: zeros(64) }] });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const { verdict, ms, grewMb } = measured(bomb);
    expect(verdict).toBe(`too-large: the entries declare ${64 * 1024 * 1024} bytes unpacked`);
    expect(ms).toBeLessThan(2000);
    expect(grewMb).toBeLessThan(200);
  });

  it('a deflate bomb that understates its size stops one byte past what it claims', () => {
    const body = deflateRawSync(zeros(64), { level: 9 });
    const small = { size: 1000 };
    const bomb = buildZip({
      entries: [{ name: 'xl/bomb.bin', content: zeros(0), body, local: small, central: small }],
    });
    const { verdict, ms, grewMb } = measured(bomb);
    expect(verdict).toBe('damaged: "xl/bomb.bin" inflates past its declared 1000 bytes');
    expect(ms).toBeLessThan(2000);
    expect(grewMb).toBeLessThan(200);
  });

  it('a deflate bomb that claims just under the budget costs at most the budget', () => {
    const body = deflateRawSync(zeros(64), { level: 9 });
    const near = { size: ZIP_LIMITS.maxUnpackedBytes - 1 };
    const bomb = buildZip({
      entries: [{ name: 'xl/bomb.bin', content: zeros(0), body, local: near, central: near }],
    });
    const { verdict, ms, grewMb } = measured(bomb);
    expect(verdict).toMatch(/^damaged: "xl\/bomb.bin" inflates past its declared/);
    expect(ms).toBeLessThan(2000);
    expect(grewMb).toBeLessThan(200);
  });

  it('many small entries that together pass the budget', () => {
    const entries = Array.from({ length: 150 }, (_, i) => ({
      name: `xl/part${i}.xml`,
      content: Buffer.alloc(256 * 1024, 0x20),
    }));
    expect(refusal({ entries })).toBe(
      `too-large: the entries declare ${150 * 256 * 1024} bytes unpacked`,
    );
    expect(refusal({ entries: entries.slice(0, 100) })).toBe('read');
  });

  it('more entries than the limit', () => {
    const entries = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({
      name: `p${i}`,
      content: text('x'),
    }));
    expect(refusal({ entries })).toBe(`too-large: ${ZIP_LIMITS.maxEntries + 1} entries`);
    expect(refusal({ entries: entries.slice(1) })).toBe('read');
  });

  it('a CRC that does not match, deflated or stored', () => {
    const crc = { crc: 0x12345678 };
    for (const method of [0, 8] as const) {
      const entry = { name: 'a.xml', content: text('<a/>'), method, local: crc, central: crc };
      expect(refusal({ entries: [entry] })).toBe('damaged: "a.xml" fails its CRC-32 check');
    }
  });

  it('an entry that unpacks to fewer bytes than both headers declare', () => {
    const big = { size: 100 };
    const entry = { name: 'a.xml', content: text('<a/>'), local: big, central: big };
    expect(refusal({ entries: [entry] })).toBe('damaged: "a.xml" unpacks to 4 bytes, not 100');
  });

  it('a body that is not deflate data', () => {
    const entry = { name: 'a.xml', content: text('<a/>'), body: Buffer.from([0xff, 0xff, 0xff]) };
    expect(refusal({ entries: [entry] })).toMatch(/^damaged: "a.xml" does not inflate/);
  });
});
