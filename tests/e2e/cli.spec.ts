import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const run = promisify(execFile);
const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(checkout, 'out/main/cli.js');

test.describe('the built qinglang CLI', () => {
  test('npx qinglang --help works in the checkout', async () => {
    const { stdout } = await run('npx', ['--no-install', 'qinglang', '--help'], { cwd: checkout });
    expect(stdout).toMatch(/^qinglang — 清朗校园网络安全检查 命令行/);
  });

  test('runs from any folder and still writes its log into the data folder', async () => {
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'qinglang-cwd-'));
    const dataDir = path.join(elsewhere, 'data');
    try {
      const { stdout } = await run(process.execPath, [CLI, 'info'], {
        cwd: elsewhere,
        env: { ...process.env, QINGLANG_DATA_DIR: dataDir },
      });
      expect(stdout).toContain(`data folder  ${dataDir}`);
      expect(existsSync(path.join(dataDir, 'logs', 'qinglang.log'))).toBe(true);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  test('a usage error exits 2 with one line on stderr', async () => {
    const failure = await run(process.execPath, [CLI, 'info', '--bogus']).then(
      () => null,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stdout).toBe('');
    expect(failure?.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('verify: a signed sample is one line and exit 0; unsigned, changed or misused, exit 1 or 2', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qinglang-verify-'));
    const outcome = (args: string[]) =>
      run(process.execPath, [CLI, ...args]).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    const lines = (text: string) => text.trim().split('\n');
    try {
      const signed = path.join(dir, 'signed');
      const unsigned = path.join(dir, 'unsigned');
      expect((await outcome(['demo', '--out', signed, '--count', '6'])).code).toBe(0);
      expect((await outcome(['demo', '--out', unsigned, '--count', '2', '--unsigned'])).code).toBe(
        0,
      );

      let checked = 0;
      for (const name of await readdir(signed)) {
        const file = path.join(signed, name);
        const text = await readFile(file, 'utf8');
        if (!text.includes('"state": "signed"')) continue;
        const ok = await outcome(['verify', file]);
        expect(ok.code).toBe(0);
        expect(ok.stderr).toBe('');
        expect(lines(ok.stdout)).toHaveLength(1);
        expect(ok.stdout).toMatch(
          /签字有效，签字后未改动 \/ signed, unchanged since .* key fingerprint ([0-9a-f]{4} ){15}[0-9a-f]{4}\n$/,
        );

        await writeFile(file, text.replace('"value": "compliant"', '"value": "partial"'));
        const changed = await outcome(['verify', file]);
        expect(changed.code).toBe(1);
        expect(changed.stdout).toBe('');
        expect(lines(changed.stderr)).toHaveLength(1);
        expect(changed.stderr).toMatch(/签字后内容被改动.* \/ .*: changed after signing/);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);

      const [draft] = await readdir(unsigned);
      const notSigned = await outcome(['verify', path.join(unsigned, draft!)]);
      expect(notSigned.code).toBe(1);
      expect(lines(notSigned.stderr)).toHaveLength(1);
      expect(notSigned.stderr).toMatch(/未签字（草稿） \/ .*: unsigned \(a draft\)/);

      const usage = await outcome(['verify']);
      expect(usage.code).toBe(2);
      expect(lines(usage.stderr)).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
