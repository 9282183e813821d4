import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { inspectionJson } from '../../shared/inspection/canonical';
import { referencedEvidence } from '../../shared/workbook/manifest';
import { draft, signedOne, writeSignatureImage } from './report-seed';

const run = promisify(execFile);
const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(checkout, 'out/main/cli.js');
/**
 * The names and one file of a zip, read by Python's zipfile (Debian's unzip 6.0 mangles UTF-8
 * names of entries made on "MS-DOS" hosts whatever the locale; Windows, 7-Zip and Python do not).
 */
const unzip = async (zip: string, member?: string): Promise<string> =>
  (
    await run(
      '/usr/bin/python3',
      [
        '-c',
        'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\n' +
          'sys.stdout.write("\\n".join(z.namelist())) if len(sys.argv) < 3 else sys.stdout.buffer.write(z.read(sys.argv[2]))',
        zip,
        ...(member === undefined ? [] : [member]),
      ],
      { encoding: 'latin1', maxBuffer: 64 << 20 },
    )
  ).stdout;

/** What a clerk sees running the built `qinglang`: the exit code and both streams. */
async function qinglang(env: NodeJS.ProcessEnv, ...args: string[]) {
  return run(process.execPath, [CLI, ...args], { env, encoding: 'utf8' }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

/** `qinglang export` and `qinglang verify` of the built CLI, with the system's Chromium. */
test.describe('qinglang export and verify (the built CLI)', () => {
  let dir = '';
  test.beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'qinglang-cli-export-'));
  });
  test.afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('a signed inspection exported as a package verifies, its report is the real PDF', async () => {
    test.setTimeout(90_000);
    const data = path.join(dir, 'data');
    const env = { ...process.env, QINGLANG_DATA_DIR: data };
    await writeSignatureImage(data);
    const input = path.join(dir, 'signed.json');
    await writeFile(input, inspectionJson(signedOne));
    const outDir = path.join(dir, 'out');
    await mkdir(outDir);

    const exported = await qinglang(
      env,
      'export',
      input,
      '--out-dir',
      outDir,
      '--package',
      '--lang',
      'en-US',
    );
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const { code, year, term } = { ...signedOne.school, ...signedOne.period };
    const name = `submission-${code}-${year}-${term}.zip`;
    expect(await readdir(outDir)).toEqual([name]);
    const pkg = path.join(outDir, name);
    const missing = referencedEvidence(signedOne).length - 1; // the signature image is here
    expect(exported.stdout).toContain(`${pkg}: ${signedOne.school.name}`);
    if (missing > 0)
      expect(exported.stdout).toContain(`${missing} evidence file(s) not on this computer`);

    const listing = Buffer.from(await unzip(pkg), 'latin1')
      .toString('utf8')
      .split('\n');
    expect(listing.slice(0, 3)).toEqual([
      'manifest.json',
      `inspection-workbook-${code}-${year}-${term}.xlsx`,
      `inspection-report-${code}-${year}-${term}.pdf`,
    ]);
    expect(listing[3]).toBe(`evidence/${signedOne.signoff!.image.sha256}-校长签名.png`);
    const pdfFile = path.join(dir, 'report.pdf');
    await writeFile(pdfFile, Buffer.from(await unzip(pkg, listing[2]), 'latin1'));
    const pdf = (await run('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' })).stdout;
    expect(pdf).toContain('Network Security Self-Inspection Report');
    expect(pdf).toContain(signedOne.signoff!.contentHash);

    const verified = await qinglang(env, 'verify', pkg);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout.trim().split('\n')).toHaveLength(1);
    expect(verified.stdout).toContain(
      'package signed, its workbook and every file unchanged and as listed',
    );
    expect(verified.stdout).toContain(`${listing.length - 1} files checked`);
  });

  test('a draft exported as a workbook is written, and verify says it is an unsigned draft', async () => {
    const env = { ...process.env, QINGLANG_DATA_DIR: path.join(dir, 'data') };
    const input = path.join(dir, 'draft.json');
    await writeFile(input, inspectionJson(draft));
    const out = path.join(dir, '草稿.xlsx');
    const exported = await qinglang(env, 'export', input, '--out', out);
    expect(exported.code).toBe(0);
    expect(exported.stdout.trim()).toBe(
      `${out}: ${draft.school.name}（${draft.school.code}）2026 秋季学期 · 草稿 DRAFT`,
    );
    const verified = await qinglang(env, 'verify', out);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toBe('');
    expect(verified.stderr.trim()).toMatch(/未签字的草稿.* \/ .*an unsigned draft/);
  });
});
