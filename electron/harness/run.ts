import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError, ERROR_MESSAGES } from '../../shared/errors';
import type { AppCore } from '../ipc/app-core';
import { openAppCore } from '../ipc/app-core';
import { resolveDataDir } from '../services/data-dir';
import { readLockHolder } from '../services/data-lock';
import { confStoreFactory } from '../services/json-store';
import { downloadSaver } from '../services/export/file-saver';
import { createChromiumPrinter } from '../services/report/chromium-printer';
import { APP_VERSION } from '../version';
import { HARNESS_USAGE, parseHarnessArgs } from './args';
import { startHarness } from './server';

export interface HarnessIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** The checkout: the renderer build is in out/renderer, the default data folder is .data. */
  readonly root: string;
}

export type HarnessRun =
  | { readonly kind: 'exited'; readonly code: number }
  | {
      readonly kind: 'running';
      readonly url: string;
      /** Closes the server and frees the data folder. */
      stop(reason: string): Promise<void>;
    };

/**
 * `npm run browser`: the real renderer build and the real handlers on 127.0.0.1, for machines
 * where Electron cannot run. Prints one line with the address to open, or one line saying why
 * it cannot start (exit 2 for usage, 1 for anything else). Never throws.
 */
export async function runHarness(argv: readonly string[], io: HarnessIo): Promise<HarnessRun> {
  const args = parseHarnessArgs(argv);
  if (args.kind === 'help') {
    io.out(HARNESS_USAGE);
    return { kind: 'exited', code: 0 };
  }
  if (args.kind === 'error') {
    io.err(`qinglang browser: ${args.message}\n\n${HARNESS_USAGE}`);
    return { kind: 'exited', code: 2 };
  }

  // The harness claims its data folder like the app does: a second one on it is told why it stops.
  let core: AppCore;
  const dataDir = resolveDataDir(io.env, path.join(io.root, '.data'));
  try {
    core = openAppCore({
      dataDir,
      version: APP_VERSION,
      shell: 'browser',
      storeFactory: confStoreFactory,
      lock: true,
      takeOver: args.takeOver,
      // No Electron here: reports are printed in the system's headless Chromium.
      printer: createChromiumPrinter({ env: io.env }),
      // Nor a save dialog: exported files come back to the page as downloads.
      saver: downloadSaver,
    });
  } catch (error) {
    io.err(`qinglang browser: ${reasonOf(error)}`);
    const holder =
      error instanceof AppError && error.code === 'data-locked' ? readLockHolder(dataDir) : null;
    if (holder?.foreign) {
      io.err(
        '如确认那台电脑已不再使用，加 --take-over 接管 / if nobody uses it there, add --take-over to take it over',
      );
    }
    return { kind: 'exited', code: 1 };
  }
  const { services } = core;

  try {
    const harness = await startHarness({
      rendererDir: path.join(io.root, 'out/renderer'),
      dispatch: core.dispatch,
      token: randomBytes(24).toString('base64url'),
      port: args.port,
      log: services.log,
      upload: { evidence: services.evidence, locale: core.locale },
      folderUpload: { uploads: services.scans.uploads, locale: core.locale },
      locale: core.locale,
    });
    io.out(`Qinglang Inspector: ${harness.url}`);
    return {
      kind: 'running',
      url: harness.url,
      async stop(reason) {
        services.log.info('harness.stopping', { signal: reason });
        await harness.close();
        services.close();
      },
    };
  } catch (error) {
    services.log.error('harness.start-failed', error);
    services.close();
    io.err(`qinglang browser: ${reasonOf(error)}`);
    return { kind: 'exited', code: 1 };
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof AppError) {
    const message = error.detail ?? ERROR_MESSAGES[error.code];
    return `${message['zh-CN']} / ${message['en-US']}`;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return 'port in use / 端口已被占用';
  if (code === 'ENOENT')
    return '找不到界面文件，请先运行 npm run build / the renderer build is missing: run npm run build first';
  return code ?? (error as Error).message;
}
