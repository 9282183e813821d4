import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { sampleData } from '../../../electron/services/sample-data';
import { LATEST_BUILT_IN } from '../../../electron/services/templates/template-store';
import { buildPackage } from '../../../electron/services/workbook/package-write';
import { exportWorkbook } from '../../../electron/services/workbook/workbook-export';
import type { ZipEntry } from '../../../electron/services/zip/zip-reader';
import { writeDeflatedZip } from '../../../electron/services/zip/zip-writer';
import { groupFingerprint } from '../../../shared/inspection/fingerprint';
import { entriesOf, sourcesFor } from '../services/workbook/package-fixtures';
import { useTempDir } from '../temp-dir';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const [SIGNED] = sampleData({ count: 1, seed: 'verify-wb', asOf: '2026-11-30', signing: 'all' });
const [DRAFT] = sampleData({ count: 1, seed: 'verify-wb', asOf: '2026-11-30', signing: 'none' });
const templates = { get: () => LATEST_BUILT_IN };
const workbookOf = (sample = SIGNED!) =>
  exportWorkbook(sample.inspection, 'zh-CN', templates, '0.1.0-test').bytes;

/** The workbook with one visible cell changed, as a clerk editing it in a spreadsheet would. */
function edited(bytes: Buffer): { bytes: Buffer; sheet: string; cell: string } {
  const book = XLSX.read(bytes, { type: 'buffer' });
  const sheet = book.SheetNames[0]!;
  const cell = 'B3';
  book.Sheets[sheet]![cell] = { t: 's', v: '已改动' };
  return { bytes: XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer, sheet, cell };
}

describe('qinglang verify of a workbook or a package', () => {
  const tempDir = useTempDir();
  const write = (name: string, content: Uint8Array) => {
    const file = path.join(tempDir(), name);
    fs.writeFileSync(file, content);
    return file;
  };

  it('accepts a signed, unchanged workbook: exit 0, one line, whose, when, which key', async () => {
    const file = write('book.xlsx', workbookOf());
    const { code, out, err } = await run('verify', file);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const { school, signoff } = SIGNED!.inspection;
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toBe(
      [
        `${file}: 工作簿签字有效，签字后数据和各表均未改动 / workbook signed, data and every sheet unchanged since`,
        `${school.name}（${school.code}）`,
        '2026 秋季学期 / Autumn term 2026',
        `签字人 signer ${signoff!.signer}（${signoff!.title}）`,
        `签字时间 signed at ${signoff!.signedAt}`,
        `密钥指纹 key fingerprint ${groupFingerprint(signoff!.keyFingerprint)}`,
      ].join(' · '),
    );
  });

  it('names the cell that was edited: sheet, cell, signed value, found value', async () => {
    const change = edited(workbookOf());
    const file = write('edited.xlsx', change.bytes);
    const { code, out, err } = await run('verify', file);
    expect(code).toBe(1);
    expect(out).toBe('');
    const [first, ...rest] = err.split('\n');
    expect(first).toMatch(new RegExp(`^qinglang: ${file}：可见单元格与签字数据不符`));
    expect(first).toContain(`/ ${file}: a visible cell differs from the signed data`);
    expect(rest[0]).toContain(`sheet "${change.sheet}", cell ${change.cell}: signed `);
    expect(rest[0]).toContain('found "已改动"');
  });

  it('says a draft workbook is unsigned', async () => {
    const file = write('draft.xlsx', workbookOf(DRAFT));
    const { code, err } = await run('verify', file);
    expect(code).toBe(1);
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(/未签字的草稿.* \/ .*an unsigned draft, not an official report$/);
  });

  it('says a zip that is not a workbook of this app is not one', async () => {
    const file = write('other.zip', writeDeflatedZip([{ name: 'a.txt', data: Buffer.from('a') }]));
    const { code, err } = await run('verify', file);
    expect(code).toBe(1);
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(/：不是.* \/ .*: not (an Excel workbook|a workbook exported by this app)/);
  });

  it('accepts a signed package, counting the files it checked', async () => {
    const made = await buildPackage(SIGNED!.inspection, 'zh-CN', sourcesFor(SIGNED!));
    const file = write('package.zip', made.bytes);
    const { code, out, err } = await run('verify', file);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toMatch(/package signed, its workbook and every file unchanged and as listed/);
    const files = entriesOf(made.bytes).length - 1;
    expect(out).toContain(`已核对 ${files} 个文件 / ${files} files checked`);
    expect(out).toContain(groupFingerprint(SIGNED!.inspection.signoff!.keyFingerprint));
  });

  it('names each problem of a package whose workbook is signed', async () => {
    const made = await buildPackage(SIGNED!.inspection, 'zh-CN', sourcesFor(SIGNED!));
    const entries: ZipEntry[] = [
      ...entriesOf(made.bytes).filter((e) => !e.name.startsWith('evidence/')),
      { name: 'extra.txt', data: Buffer.from('x') },
    ];
    const file = write('tampered.zip', writeDeflatedZip(entries));
    const { code, out, err } = await run('verify', file);
    expect({ code, out }).toEqual({ code: 1, out: '' });
    const lines = err.split('\n');
    expect(lines[0]).toMatch(/the workbook is signed, but the package has \d+ problem\(s\)$/);
    expect(lines).toContainEqual(
      expect.stringContaining('the zip holds "extra.txt", which the manifest does not list'),
    );
    const evidence = entriesOf(made.bytes).filter((e) => e.name.startsWith('evidence/'));
    expect(lines.filter((l) => l.includes('the manifest lists is not in the zip'))).toHaveLength(
      evidence.length,
    );
  });

  it('says which package path is unsafe', async () => {
    const made = await buildPackage(SIGNED!.inspection, 'zh-CN', sourcesFor(SIGNED!));
    const entries = entriesOf(made.bytes);
    const manifest = JSON.parse(Buffer.from(entries[0]!.data).toString()) as {
      files: { path: string }[];
    };
    manifest.files[manifest.files.length - 1]!.path = '../../etc/passwd';
    entries[0] = { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) };
    const file = write('unsafe.zip', writeDeflatedZip(entries));
    const { code, err } = await run('verify', file);
    expect(code).toBe(1);
    expect(err).toContain('the manifest names an unsafe path "../../etc/passwd"');
  });
});
