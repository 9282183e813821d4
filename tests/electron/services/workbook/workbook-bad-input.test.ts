import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { WorkbookCheck } from '../../../../shared/workbook/verdict';
import { workbookCheckSchema } from '../../../../shared/workbook/verdict';
import {
  readWorkbookValues,
  withAstralReferencesDecoded,
} from '../../../../electron/services/workbook/workbook-read';
import { verifyWorkbook } from '../../../../electron/services/workbook/workbook-verify';
import { writeDeflatedZip } from '../../../../electron/services/zip/zip-writer';
import { buildZip } from '../zip/zip-builder';
import {
  draftSample,
  exportOf,
  python,
  signedSample,
  tempDir,
  withData,
} from './workbook-fixtures';
import fs from 'node:fs';
import path from 'node:path';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A verdict with a reason in both languages and nothing carried. */
function expectRefused(bytes: Uint8Array, status: WorkbookCheck['status']) {
  const { envelope, check } = verifyWorkbook(bytes);
  expect(workbookCheckSchema.parse(check)).toEqual(check);
  expect(check.status).toBe(status);
  expect(envelope).toBeNull();
  expect(check.reason['zh-CN']).not.toBe('');
  expect(check.reason['en-US']).not.toBe('');
  return check;
}

describe('verifying what is not a good workbook', { timeout: 60_000 }, () => {
  it('says an empty file, a text file or a picture is not a workbook', () => {
    for (const bytes of [new Uint8Array(0), Buffer.from('学校,代码\n一中,1\n'), PNG]) {
      const check = expectRefused(bytes, 'not-workbook');
      expect(check.reason['en-US']).toMatch(/not an Excel workbook/);
    }
  });

  it('says a workbook cut short is damaged', () => {
    const bytes = exportOf(signedSample());
    const check = expectRefused(bytes.subarray(0, bytes.length >> 1), 'unreadable');
    expect(check.reason['en-US']).toMatch(/damaged/);
  });

  it('says a zip of something else is not a workbook of this app', () => {
    const zip = writeDeflatedZip([{ name: 'readme.txt', data: Buffer.from('hello') }]);
    const check = expectRefused(zip, 'not-workbook');
    expect(check.reason['en-US']).toMatch(/not an Excel workbook/);
  });

  it('refuses a zip bomb, honest about its size or not', () => {
    const big = Buffer.alloc(200 * 1024 * 1024);
    const body = deflateRawSync(big);
    expect(body.length).toBeLessThan(1024 * 1024);
    const honest = buildZip({
      entries: [{ name: 'xl/worksheets/sheet1.xml', content: big, body }],
    });
    expect(expectRefused(honest, 'unreadable').reason['en-US']).toMatch(/unpacks to far more/);
    const lying = buildZip({
      entries: [{ name: 'xl/worksheets/sheet1.xml', content: Buffer.from('<x/>'), body }],
    });
    expectRefused(lying, 'unreadable');
  });

  it('says a workbook another program made, without our data sheet, is not one of ours', () => {
    const file = path.join(tempDir(), 'other.xlsx');
    python(
      'import sys, openpyxl\nwb = openpyxl.Workbook()\nwb.active["A1"] = "学校"\nwb.save(sys.argv[1])',
      [file],
    );
    const check = expectRefused(fs.readFileSync(file), 'not-workbook');
    expect(check.reason['en-US']).toMatch(/qinglang-data/);
  });

  it('says a workbook of a newer format needs a newer app, and an older number is not one', () => {
    const newer = withData(exportOf(signedSample()), (json) => json, {
      format: 'qinglang-workbook/9',
    });
    const check = expectRefused(newer, 'newer-format');
    expect(check.reason['en-US']).toContain('qinglang-workbook/9');
    const bogus = withData(exportOf(signedSample()), (json) => json, {
      format: 'qinglang-workbook/0',
    });
    expect(verifyWorkbook(bogus).check.status).toBe('not-workbook');
  });

  it('rejects prototype-pollution keys in the data and leaves Object.prototype alone', () => {
    const polluted = [
      (json: string) => json.replace(/^\{/, '{"__proto__":{"polluted":"yes"},'),
      (json: string) => json.replace(/^\{/, '{"constructor":{"prototype":{"polluted":"yes"}},'),
      (json: string) =>
        json.replace('"answers":{', '"answers":{"__proto__":{"polluted":"yes","evidence":[]},'),
      (json: string) =>
        json.replace('"answers":{', '"answers":{"constructor":{"polluted":"yes","evidence":[]},'),
    ];
    for (const edit of polluted) {
      for (const source of [signedSample(), draftSample()]) {
        const bytes = withData(exportOf(source), edit);
        const { check } = verifyWorkbook(bytes);
        expect(check.status).toBe('data-altered');
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      }
    }
  });

  it('never throws, whatever bytes of a workbook are damaged', () => {
    const good = exportOf(draftSample());
    for (let at = 30; at < good.length; at += Math.ceil(good.length / 40)) {
      const bytes = Buffer.from(good);
      bytes[at] = bytes[at]! ^ 0xff;
      const { check } = verifyWorkbook(bytes);
      expect(workbookCheckSchema.safeParse(check).success).toBe(true);
      expect(check.status).not.toBe('signed');
    }
  });
});

describe('reading references to characters outside the BMP', { timeout: 60_000 }, () => {
  it('decodes decimal and hex references above U+FFFF, and leaves the rest to SheetJS', () => {
    const xml = '<t>&#131072;&#x1F600;&#29579;&amp;#131072;&#1114112;</t>';
    const entry = withAstralReferencesDecoded({
      name: 'xl/sharedStrings.xml',
      data: Buffer.from(xml),
    });
    expect(Buffer.from(entry.data).toString('utf8')).toBe(
      '<t>𠀀😀&#29579;&amp;#131072;&#1114112;</t>',
    );
    const png = { name: 'xl/media/a.png', data: Buffer.from('&#131072;') };
    expect(withAstralReferencesDecoded(png)).toBe(png);
    expect(readWorkbookValues(new Uint8Array(0))).toMatchObject({ ok: false, refusal: 'not-zip' });
  });
});
