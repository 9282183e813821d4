import path from 'node:path';
import type { Bilingual } from '../../shared/i18n/locale';
import { resolveDataDir } from '../services/data-dir';
import { confStoreFactory } from '../services/json-store';
import { createServices } from '../services/services';
import { APP_VERSION } from '../version';
import type { Services } from '../services/services';
import type { CliIo } from './io';
import { CliError, EXIT_OK } from './io';

export interface Command {
  readonly name: string;
  readonly summary: Bilingual;
  /** Runs with the arguments after the command name; returns the exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** The CLI's default data folder when QINGLANG_DATA_DIR is not set: where the user runs it. */
export function cliDataDir(env: NodeJS.ProcessEnv): string {
  return resolveDataDir(env, path.join(process.cwd(), '.data'));
}

/** The same services the app uses, over the CLI's data folder; a folder it cannot use is a clear error. */
export function openCliServices(env: NodeJS.ProcessEnv): Services {
  const dataDir = cliDataDir(env);
  try {
    return createServices({
      dataDir,
      version: APP_VERSION,
      shell: 'cli',
      storeFactory: confStoreFactory,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliError({
      'zh-CN': `无法使用数据文件夹 ${dataDir}（${code}），请检查路径和权限，或用 QINGLANG_DATA_DIR 指定其他文件夹`,
      'en-US': `cannot use the data folder ${dataDir} (${code}); check the path and permissions, or set QINGLANG_DATA_DIR`,
    });
  }
}

const info: Command = {
  name: 'info',
  summary: {
    'zh-CN': '显示版本、数据文件夹和日志文件位置',
    'en-US': 'show the version, data folder and log file',
  },
  async run(_args, io) {
    const services = openCliServices(io.env);
    io.out(`version      ${services.about.version}`);
    io.out(`data folder  ${services.about.dataDir}`);
    io.out(`log file     ${services.about.logFile}`);
    return EXIT_OK;
  },
};

/** Every subcommand; later features add theirs here. */
export const COMMANDS: readonly Command[] = [info];
