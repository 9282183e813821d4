import { describe, expect, it } from 'vitest';
import { verifyWorkbook } from '../../../../electron/services/workbook/workbook-verify';
import { readOwnWorkbook } from '../../../../electron/services/workbook/workbook-own-read';
import {
  readerCheck,
  readWorkbookValues,
} from '../../../../electron/services/workbook/workbook-read';
import { readZip } from '../../../../electron/services/zip/zip-reader';
import { writeDeflatedZip } from '../../../../electron/services/zip/zip-writer';
import {
  dataJson,
  exportOf,
  samples,
  signedAfter,
  withData,
  withOpenpyxl,
  xmlParts,
} from './workbook-fixtures';

/**
 * The direct reader against SheetJS, value by value. Beyond these cases, tests/setup-node.ts has
 * every workbook any node spec reads (the tamper, bad-input, other-programs, interop and CLI
 * specs among them) read both ways and compared.
 */

const entries = (bytes: Uint8Array) => {
  const read = readZip(bytes, { maxUnpackedBytes: 1 << 30, maxEntries: 1000 });
  if (!read.ok) throw new Error(read.reason);
  return read.entries;
};

function bothReaders(bytes: Uint8Array) {
  const direct = readWorkbookValues(bytes);
  const sheetjs = readWorkbookValues(bytes, { reader: 'sheetjs' });
  expect(direct).toEqual(sheetjs);
  expect(verifyWorkbook(bytes)).toEqual(verifyWorkbook(bytes, { reader: 'sheetjs' }));
  return direct;
}

/** A part of the zip changed, the rest as it was. */
function withPart(bytes: Uint8Array, name: string, change: (xml: string) => string): Uint8Array {
  return writeDeflatedZip(
    entries(bytes).map((e) =>
      e.name === name
        ? { name, data: Buffer.from(change(Buffer.from(e.data).toString('utf8'))) }
        : e,
    ),
  );
}

const ASTRAL = '𠀀𪚥 «引号» "quotes" & <tags> \'apos\' _x 末尾';

describe('the direct reader of workbooks this app wrote', { timeout: 120_000 }, () => {
  it('is installed as a cross-check for every node spec', () => {
    expect(readerCheck.compare).toBeTypeOf('function');
  });

  it('recognises every export, signed and drafts, in both languages, and reads what SheetJS reads', () => {
    for (const inspection of [...samples('all', 3), ...samples('none', 2)]) {
      for (const language of ['zh-CN', 'en-US'] as const) {
        const bytes = exportOf(inspection, language);
        expect(readOwnWorkbook(entries(bytes))).not.toBeNull();
        const read = bothReaders(bytes);
        expect(read.ok && read.data?.length).toBeGreaterThan(1);
      }
    }
  });

  it('reads characters outside the BMP, entities, spaces and formula-like text as SheetJS does', () => {
    const inspection = signedAfter((i) => ({
      ...i,
      inspector: '陈𠀀 & <李> "O\'Neil"',
      actions: i.actions.map((a, n) => ({
        ...a,
        description: n % 2 ? '=1+1' : ` ${ASTRAL} `,
        owner: ASTRAL,
      })),
    }));
    const bytes = exportOf(inspection);
    expect(readOwnWorkbook(entries(bytes))).not.toBeNull();
    bothReaders(bytes);
    expect(verifyWorkbook(bytes).check.status).toBe('signed');
  });

  it('leaves workbooks other programs saved to SheetJS, which reads them to the same verdict', () => {
    const bytes = exportOf(samples('all', 1)[0]!);
    const resaved = [
      withOpenpyxl(bytes),
      withData(bytes, (json) => json),
      withOpenpyxl(bytes, [{ op: 'set', sheet: '整改', cell: 'B3', value: '已改动' }]),
    ];
    for (const other of resaved) {
      expect(readOwnWorkbook(entries(other))).toBeNull();
      expect(verifyWorkbook(other)).toEqual(verifyWorkbook(other, { reader: 'sheetjs' }));
    }
  });

  it.each([
    ['a formula', 'xl/worksheets/sheet2.xml', (x: string) => x.replace('<v>', '<f>1+0</f><v>')],
    [
      'an inline string',
      'xl/worksheets/sheet2.xml',
      (x: string) =>
        x.replace(
          /<c r="A3"[^>]*><v>[^<]*<\/v><\/c>/,
          '<c r="A3" t="inlineStr"><is><t>改</t></is></c>',
        ),
    ],
    [
      'a boolean',
      'xl/worksheets/sheet2.xml',
      (x: string) => x.replace(/<c r="A3"[^>]*>/, '<c r="A3" t="b">'),
    ],
    [
      'a hyperlink',
      'xl/worksheets/sheet2.xml',
      (x: string) =>
        x.replace(
          '</sheetData>',
          '</sheetData><hyperlinks><hyperlink ref="Z99" display="x"/></hyperlinks>',
        ),
    ],
    [
      'rich text',
      'xl/sharedStrings.xml',
      (x: string) => x.replace('<si><t>', '<si><r><t>富</t></r><t>'),
    ],
    ['an escape', 'xl/sharedStrings.xml', (x: string) => x.replace('<si><t>', '<si><t>_x0041_')],
    [
      'a numeric reference',
      'xl/sharedStrings.xml',
      (x: string) => x.replace('<si><t>', '<si><t>&#20013;'),
    ],
    ['a comment', 'xl/sharedStrings.xml', (x: string) => x.replace('<si><t>', '<!-- x --><si><t>')],
    [
      'cells out of order',
      'xl/worksheets/sheet2.xml',
      (x: string) =>
        x.replace(/(<c r="A3"[^>]*><v>[^<]*<\/v><\/c>)(<c r="B3"[^>]*><v>[^<]*<\/v><\/c>)/, '$2$1'),
    ],
    [
      'a sheet named twice',
      'xl/workbook.xml',
      (x: string) => x.replace('r:id="rId2"', 'r:id="rId1"'),
    ],
  ])('leaves %s to SheetJS, and both read the same', (_, part, change) => {
    const bytes = exportOf(samples('all', 1)[0]!);
    expect(xmlParts(bytes).has(part)).toBe(true);
    const changed = withPart(bytes, part, change);
    expect(xmlParts(changed).get(part)).not.toBe(xmlParts(bytes).get(part));
    expect(readOwnWorkbook(entries(changed))).toBeNull();
    expect(verifyWorkbook(changed)).toEqual(verifyWorkbook(changed, { reader: 'sheetjs' }));
  });

  it('reads a hand-edited cell value or data chunk as SheetJS does, and verify finds it', () => {
    const bytes = exportOf(samples('all', 1)[0]!);
    const numbers = withPart(bytes, 'xl/worksheets/sheet2.xml', (x) =>
      x.replace(/(<c r="E7" s="2"><v>)[0-9]+/, '$1123.5e1'),
    );
    const strings = withPart(bytes, 'xl/sharedStrings.xml', (x) =>
      x.replace(
        /<si><t>([^<]{2,})<\/t><\/si>/,
        '<si><t xml:space="preserve"> &lt;改&gt; &amp; </t></si>',
      ),
    );
    for (const changed of [numbers, strings]) {
      expect(readOwnWorkbook(entries(changed))).not.toBeNull();
      bothReaders(changed);
      expect(verifyWorkbook(changed).check.status).not.toBe('signed');
    }
    expect(dataJson(bytes).length).toBeGreaterThan(0);
  });
});
