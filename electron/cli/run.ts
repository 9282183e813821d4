import { parseArgs } from 'node:util';
import { APP_VERSION } from '../version';
import type { Command } from './commands';
import { COMMANDS } from './commands';
import type { CliIo } from './io';
import { bilingual, CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './io';

export function usage(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  return [
    'qinglang — 清朗校园网络安全检查 命令行 / Qinglang Inspector command line',
    '',
    '用法 Usage: qinglang <命令 command> [选项 options]',
    '',
    '命令 Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${bilingual(c.summary)}`),
    '',
    '选项 Options:',
    '  -h, --help     显示本帮助 / show this help',
    '  -v, --version  显示版本 / show the version',
    '      --debug    出错时显示详细信息 / show details (stack traces) on errors',
    '',
    '环境变量 Environment:',
    '  QINGLANG_DATA_DIR  数据文件夹（默认 ./.data）/ data folder (default ./.data)',
    '',
    '退出码 Exit codes: 0 成功 success · 1 失败 failure · 2 用法错误 usage error',
  ].join('\n');
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await dispatchCommand(
      argv.filter((arg) => arg !== '--debug'),
      io,
      commands,
    );
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`qinglang: ${bilingual(error.text)}`);
      return error.exitCode;
    }
    io.err(
      `qinglang: ${bilingual({
        'zh-CN': '发生意外错误（加 --debug 查看详情）',
        'en-US': 'unexpected error (add --debug for details)',
      })}`,
    );
    if (debug) io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return EXIT_FAILURE;
  }
}

async function dispatchCommand(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[],
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-')) {
    const { values } = parseTopLevel(argv);
    if (values.version) {
      io.out(APP_VERSION);
      return EXIT_OK;
    }
    if (values.help) {
      io.out(usage(commands));
      return EXIT_OK;
    }
    io.err(usage(commands));
    return EXIT_USAGE;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    throw new CliError(
      {
        'zh-CN': `未知命令 "${first}"，运行 qinglang --help 查看可用命令`,
        'en-US': `unknown command "${first}"; run qinglang --help for the list`,
      },
      EXIT_USAGE,
    );
  }
  return command.run(rest, io);
}

function parseTopLevel(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new CliError(
      {
        'zh-CN': `参数无效：${(error as Error).message}`,
        'en-US': `invalid arguments: ${(error as Error).message}`,
      },
      EXIT_USAGE,
    );
  }
}
