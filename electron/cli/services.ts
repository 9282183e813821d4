import { desktopDataDir, resolveDataDir } from '../services/data-dir';
import { confStoreFactory } from '../services/json-store';
import type { Services } from '../services/services';
import { createServices } from '../services/services';
import { APP_VERSION } from '../version';
import { CliError } from './io';

/**
 * The CLI works on the desktop app's own data folder (QINGLANG_DATA_DIR overrides it), so
 * `qinglang` and the app on one PC see the same data.
 */
export function cliDataDir(env: NodeJS.ProcessEnv): string {
  return resolveDataDir(env, desktopDataDir(process.platform, env));
}

/** The same services the app uses; a data folder it cannot use is a clear one-line error. */
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
