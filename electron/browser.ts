import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { contract } from '../shared/ipc/contract';
import { parseHarnessArgs, HARNESS_USAGE } from './harness/args';
import { startHarness } from './harness/server';
import { createDispatcher } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import { resolveDataDir } from './services/data-dir';
import { confStoreFactory } from './services/json-store';
import { AppError, ERROR_MESSAGES } from '../shared/errors';
import { createServices } from './services/services';
import { APP_VERSION } from './version';

/**
 * The browser harness: the real renderer build and the real handlers, served on 127.0.0.1 for
 * machines where Electron cannot run. Prints one line with the address to open.
 */
const args = parseHarnessArgs(process.argv.slice(2));
if (args.kind === 'help') {
  console.log(HARNESS_USAGE);
  process.exit(0);
}
if (args.kind === 'error') {
  console.error(`qinglang browser: ${args.message}\n\n${HARNESS_USAGE}`);
  process.exit(2);
}

const checkout = path.resolve(import.meta.dirname, '../..');
const services = openServices();

/** The harness claims its data folder like the app does: a second one on it is told why it stops. */
function openServices() {
  try {
    return createServices({
      dataDir: resolveDataDir(process.env, path.join(checkout, '.data')),
      version: APP_VERSION,
      shell: 'browser',
      storeFactory: confStoreFactory,
      lock: true,
    });
  } catch (error) {
    if (error instanceof AppError) {
      const message = ERROR_MESSAGES[error.code];
      console.error(`qinglang browser: ${message['zh-CN']} / ${message['en-US']}`);
      process.exit(1);
    }
    throw error;
  }
}
const locale = () => services.settings.get().language;

try {
  const harness = await startHarness({
    rendererDir: path.join(checkout, 'out/renderer'),
    dispatch: createDispatcher({
      contract,
      handlers: createHandlers(services),
      locale,
      log: services.log,
    }),
    token: randomBytes(24).toString('base64url'),
    port: args.port,
    log: services.log,
    upload: { evidence: services.evidence, locale },
  });
  console.log(`Qinglang Inspector: ${harness.url}`);
  const stop = (signal: string) => {
    services.log.info('harness.stopping', { signal });
    void harness.close().then(() => {
      services.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  services.log.error('harness.start-failed', error);
  const reason =
    (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? 'port in use / 端口已被占用'
      : (error as Error).message;
  console.error(`qinglang browser: ${reason}`);
  process.exit(1);
}
