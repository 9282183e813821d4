import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
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
});
