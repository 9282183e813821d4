import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { inspectionJson } from '../../shared/inspection/canonical';
import { draft, signedOne, writeSignatureImage } from './report-seed';

const run = promisify(execFile);
const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(checkout, 'out/main/cli.js');

/** The built `qinglang report`, as a clerk runs it on an inspection file. */
test.describe('qinglang report (the built CLI)', () => {
  let dir = '';
  test.beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'qinglang-cli-report-'));
  });
  test.afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const pdfText = async (file: string) =>
    (await run('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })).stdout;

  test('prints a draft in Chinese by default, and a signed one in English', async () => {
    test.setTimeout(60_000);
    const env = { ...process.env, QINGLANG_DATA_DIR: path.join(dir, 'data') };
    const draftFile = path.join(dir, 'draft.json');
    await writeFile(draftFile, inspectionJson(draft));
    const out = path.join(dir, '草稿.pdf');
    const first = await run(process.execPath, [CLI, 'report', draftFile, '--out', out], { env });
    expect(first.stderr).toBe('');
    expect(first.stdout.trim()).toBe(`${out}: ${draft.school.name} 2026 秋季学期`);
    const zh = await pdfText(out);
    expect(zh).toContain('网络安全自查报告');
    expect(zh).toContain('内容散列：未签字');

    // The signed one, first without its signature image on this computer, then with it.
    const signedFile = path.join(dir, 'signed.json');
    await writeFile(signedFile, inspectionJson(signedOne));
    const en = path.join(dir, 'signed.pdf');
    await run(process.execPath, [CLI, 'report', signedFile, '--out', en, '--lang', 'en-US'], {
      env,
    });
    let text = await pdfText(en);
    expect(text).toContain('Network Security Self-Inspection Report');
    expect(text).toContain(signedOne.signoff!.contentHash);
    expect(text).toContain('The drawn signature image is not on this computer');
    await writeSignatureImage(path.join(dir, 'data'));
    await run(process.execPath, [CLI, 'report', signedFile, '--out', en, '--lang', 'en-US'], {
      env,
    });
    text = await pdfText(en);
    expect(text).not.toContain('not on this computer');
    expect(text).toContain('Valid: the content is exactly what was signed');
  });

  test('without a browser, one line that says how to get one, exit 1', async () => {
    const file = path.join(dir, 'draft.json');
    await writeFile(file, inspectionJson(draft));
    const failure = await run(
      process.execPath,
      [CLI, 'report', file, '--out', path.join(dir, 'x.pdf')],
      {
        env: {
          ...process.env,
          QINGLANG_DATA_DIR: path.join(dir, 'data'),
          CHROMIUM_PATH: path.join(dir, 'no-browser'),
        },
      },
    ).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim().split('\n')).toHaveLength(1);
    expect(failure?.stderr).toContain('CHROMIUM_PATH');
  });
});
