import { parseArgs } from 'node:util';

export type HarnessArgs =
  | { readonly kind: 'run'; readonly port: number; readonly takeOver: boolean }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

export const HARNESS_USAGE = [
  '用法 Usage: npm run browser -- [--port N]',
  '',
  '  --port N   监听端口，0 表示任意空闲端口（默认 0）/ port to listen on, 0 = any free port (default 0)',
  '  --take-over 接管另一台电脑留下锁定的数据文件夹（确认那台电脑已不再使用时）/',
  '              take over a data folder another computer left locked (when nobody uses it there)',
  '  -h, --help 显示本帮助 / show this help',
  '',
  '数据文件夹 Data folder: QINGLANG_DATA_DIR，默认 default ./.data',
].join('\n');

export function parseHarnessArgs(argv: readonly string[]): HarnessArgs {
  let values: { port?: string; help?: boolean; 'take-over'?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        'take-over': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return {
      kind: 'error',
      message: `--port must be a whole number from 0 to 65535, got "${values.port}"`,
    };
  }
  return { kind: 'run', port, takeOver: values['take-over'] === true };
}
