import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../electron/cli/command';
import { runCli, usage } from '../../../electron/cli/run';
import { cliDataDir } from '../../../electron/cli/services';
import { APP_VERSION } from '../../../electron/version';
import { useTempDir } from '../temp-dir';

async function run(argv: string[], env: NodeJS.ProcessEnv = {}, commands?: Command[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env };
  const code = await runCli(argv, io, commands);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the qinglang CLI', () => {
  const tempDir = useTempDir();

  it('prints its usage in Chinese and English with --help, exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, out, err } = await run([flag]);
      expect(code).toBe(0);
      expect(out).toBe(usage());
      expect(out).toMatch(/用法 Usage: qinglang/);
      expect(out).toMatch(/info\s+显示版本/);
      expect(err).toBe('');
    }
  });

  it('prints the version with --version, exit 0', async () => {
    for (const flag of ['--version', '-v']) {
      await expect(run([flag])).resolves.toEqual({ code: 0, out: APP_VERSION, err: '' });
    }
    expect(APP_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [[], /用法 Usage/],
    [['frobnicate'], /^qinglang: 未知命令 "frobnicate".* \/ unknown command "frobnicate"/],
    [['--frobnicate'], /^qinglang: 参数无效.* \/ invalid arguments/],
    [['--help', 'extra'], /^qinglang: 参数个数不对/],
    [['info', '--bogus'], /^qinglang: 参数无效：.*'--bogus'.*qinglang info --help/],
    [
      ['info', 'extra'],
      /^qinglang: 参数个数不对：需要 0 个，实际 1 个.* \/ expected 0 argument\(s\), got 1/,
    ],
  ])('answers %j with a usage error, exit 2', async (argv, message) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('info reports the version, data folder and log file, using the same services as the app', async () => {
    const dir = tempDir();
    const { code, out } = await run(['info'], { QINGLANG_DATA_DIR: dir });
    expect(code).toBe(0);
    expect(out).toContain(`data folder  ${dir}`);
    expect(out).toContain(`log file     ${path.join(dir, 'logs', 'qinglang.log')}`);
    expect(fs.existsSync(path.join(dir, 'logs', 'qinglang.log'))).toBe(true);
  });

  it('says in one line, without a stack trace, when the data folder cannot be used, exit 1', async () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, '');
    const { code, err } = await run(['info'], { QINGLANG_DATA_DIR: path.join(blocker, 'data') });
    expect(code).toBe(1);
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(
      /^qinglang: 无法使用数据文件夹 .*a-file\/data（ENOTDIR）.* \/ cannot use the data folder/,
    );
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('hides an unexpected failure behind one line, and shows it with --debug, exit 1', async () => {
    const crash: Command = {
      name: 'crash',
      summary: { 'zh-CN': '崩溃', 'en-US': 'crash' },
      synopsis: '',
      options: {},
      positionals: [0, 0],
      run: () => Promise.reject(new Error('kaboom at /home/teacher')),
    };
    const quiet = await run(['crash'], {}, [crash]);
    expect(quiet).toMatchObject({ code: 1, out: '' });
    expect(quiet.err).toBe(
      'qinglang: 发生意外错误（加 --debug 查看详情） / unexpected error (add --debug for details)',
    );
    const loud = await run(['crash', '--debug'], {}, [crash]);
    expect(loud.code).toBe(1);
    expect(loud.err).toMatch(/Error: kaboom[\s\S]*\n\s+at /);
  });

  it("prints a command's own usage with COMMAND --help, exit 0, and runs nothing", async () => {
    const dir = tempDir();
    const { code, out } = await run(['info', '--help'], { QINGLANG_DATA_DIR: dir });
    expect(code).toBe(0);
    expect(out).toMatch(/^用法 Usage: qinglang info\n/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("uses the desktop app's data folder when QINGLANG_DATA_DIR is not set", () => {
    expect(cliDataDir({ XDG_CONFIG_HOME: '/cfg' })).toBe(
      process.platform === 'linux' ? '/cfg/Qinglang Inspector' : cliDataDir({}),
    );
    expect(cliDataDir({ QINGLANG_DATA_DIR: '/elsewhere' })).toBe('/elsewhere');
  });
});
