import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { runHarnessToExit, startHarnessProcess } from './harness-process';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test.describe('npm run browser', () => {
  let dataDir = '';
  test.beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'qinglang-harness-'));
  });
  test.afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('listens on the port it is given and stops cleanly on Ctrl+C', async () => {
    const port = await freePort();
    const harness = await startHarnessProcess(dataDir, ['--port', String(port)]);
    expect(harness.origin).toBe(`http://127.0.0.1:${port}`);
    expect(await harness.stop('SIGINT')).toBe(0);
  });

  test('says so in one line, exit 1, when the port is taken', async () => {
    const first = await startHarnessProcess(dataDir);
    try {
      const port = new URL(first.url).port;
      const otherDir = await mkdtemp(path.join(os.tmpdir(), 'qinglang-harness-'));
      const second = await runHarnessToExit(['--port', port], otherDir);
      await rm(otherDir, { recursive: true, force: true });
      expect(second.code).toBe(1);
      expect(second.stderr.trim()).toBe('qinglang browser: port in use / 端口已被占用');
    } finally {
      await first.stop();
    }
  });

  test('refuses a data folder another harness is using, in one line, exit 1; frees it on stop', async () => {
    const first = await startHarnessProcess(dataDir);
    try {
      const second = await runHarnessToExit([], dataDir);
      expect(second.code).toBe(1);
      // One line, naming the process and since when.
      expect(second.stderr.trim()).toMatch(
        /^qinglang browser: 数据文件夹正被本机另一个程序窗口使用（进程 \d+，自 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 起）。请先关闭它，再打开本程序。 \/ The data folder is in use by another copy of the app on this computer \(process \d+, since \d{4}-\d{2}-\d{2} \d{2}:\d{2}\)\. Close it first, then open this one\.$/,
      );
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const third = await startHarnessProcess(dataDir);
    expect(await third.stop()).toBe(0);
  });

  for (const [args, message] of [
    [['--port', 'abc'], /--port must be a whole number/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--bogus'], /Unknown option '--bogus'/],
  ] as const) {
    test(`refuses ${args.join(' ')} with its usage, exit 2`, async () => {
      const result = await runHarnessToExit([...args], dataDir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/用法 Usage: npm run browser/);
    });
  }

  test('prints its usage with --help, exit 0', async () => {
    const result = await runHarnessToExit(['--help'], dataDir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--port N/);
  });
});
