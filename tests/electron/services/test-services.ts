import { confStoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import type { CreateServicesOptions, Services } from '../../../electron/services/services';
import { createServices } from '../../../electron/services/services';

/**
 * The services over `dataDir` as the tests open them: the harness's shell, settings through conf,
 * a silent log; `options` adds the rest (a clock, a saver, no lock).
 */
export function testServices(
  dataDir: string,
  options: Partial<Omit<CreateServicesOptions, 'dataDir'>> = {},
): Services {
  return createServices({
    dataDir,
    version: '0.0.0-test',
    shell: 'browser',
    storeFactory: confStoreFactory,
    log: silentLogger,
    ...options,
  });
}
