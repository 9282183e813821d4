import { parseArgs } from 'node:util';
import { APP_VERSION } from '../version';
import type { Command, ParsedArgs } from './command';
import { COMMANDS } from './commands';
import type { CliIo } from './io';
import { bilingual, CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './io';

export function usage(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8) + 2;
  return [
    'qinglang — 清朗校园网络安全检查 命令行 / Qinglang Inspector command line',
    '',
    '用法 Usage: qinglang <命令 command> [选项 options]',
    '',
    '命令 Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${bilingual(c.summary)}`),
    '',
    '选项 Options:',
    '  -h, --help     显示帮助（命令后加 --help 显示该命令的帮助）/ show help (after a command: its help)',
    '  -v, --version  显示版本 / show the version',
    '      --debug    出错时显示详细信息 / show details (stack traces) on errors',
    '',
    '环境变量 Environment:',
    '  QINGLANG_DATA_DIR  数据文件夹（默认与桌面应用相同）/ data folder (default: the desktop app’s)',
    '',
    '退出码 Exit codes: 0 成功 success · 1 失败 failure · 2 用法错误 usage error',
  ].join('\n');
}

export function commandUsage(command: Command): string {
  const options = Object.entries(command.options).map(([name, spec]) => {
    const flag = `--${name}${spec.type === 'string' ? ' VALUE' : ''}`;
    const help = command.optionHelp?.[name];
    return `  ${flag.padEnd(16)} ${help ? bilingual(help) : ''}`.trimEnd();
  });
  return [
    `用法 Usage: qinglang ${command.name}${command.synopsis ? ` ${command.synopsis}` : ''}`,
    '',
    bilingual(command.summary),
    ...(options.length > 0 ? ['', '选项 Options:', ...options] : []),
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
  const [first] = argv;
  if (first === undefined || first.startsWith('-')) {
    const { values } = parse(
      argv,
      { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
      [0, 0],
    );
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
  // A command's name may be two words ("template check"): match the longest.
  const command = [...commands]
    .sort((a, b) => b.name.length - a.name.length)
    .find((c) => c.name.split(' ').every((word, i) => argv[i] === word));
  const family = commands.filter((c) => c.name.startsWith(`${first} `));
  if (!command && family.length > 0) {
    const names = family.map((c) => c.name).join(', ');
    throw new CliError(
      {
        'zh-CN': `“${first}”后应接子命令：${names}`,
        'en-US': `"${first}" takes a subcommand: ${names}`,
      },
      EXIT_USAGE,
    );
  }
  if (!command) {
    throw new CliError(
      {
        'zh-CN': `未知命令 "${first}"，运行 qinglang --help 查看可用命令`,
        'en-US': `unknown command "${first}"; run qinglang --help for the list`,
      },
      EXIT_USAGE,
    );
  }
  const args = argv.slice(command.name.split(' ').length);
  if (args.includes('--help') || args.includes('-h')) {
    io.out(commandUsage(command));
    return EXIT_OK;
  }
  return command.run(parse(args, command.options, command.positionals, command.name), io);
}

function parse(
  args: readonly string[],
  options: Command['options'],
  [min, max]: Command['positionals'],
  commandName?: string,
): ParsedArgs {
  const hint = commandName ? `qinglang ${commandName} --help` : 'qinglang --help';
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliError(
      {
        'zh-CN': `参数无效：${(error as Error).message}（运行 ${hint} 查看用法）`,
        'en-US': `invalid arguments: ${(error as Error).message} (see ${hint})`,
      },
      EXIT_USAGE,
    );
  }
  const count = parsed.positionals.length;
  if (count < min || count > max) {
    throw new CliError(
      {
        'zh-CN': `参数个数不对：需要 ${min === max ? min : `${min} 到 ${max}`} 个，实际 ${count} 个（运行 ${hint} 查看用法）`,
        'en-US': `expected ${min === max ? min : `${min} to ${max}`} argument(s), got ${count} (see ${hint})`,
      },
      EXIT_USAGE,
    );
  }
  return parsed;
}
