import type { Handlers } from '../../shared/ipc/contract';
import type { Services } from '../services/services';
import { createAppHandlers } from './app-handlers';
import { createSettingsHandlers } from './settings-handlers';
import { createTemplatesHandlers } from './templates-handlers';

/** Every channel's handler, one module per domain; the type makes a missing one a compile error. */
export function createHandlers(services: Services): Handlers {
  return {
    app: createAppHandlers(services),
    settings: createSettingsHandlers(services),
    templates: createTemplatesHandlers(services),
  };
}
