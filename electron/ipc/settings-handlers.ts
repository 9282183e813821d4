import type { Handlers } from '../../shared/ipc/contract';
import type { Services } from '../services/services';

export function createSettingsHandlers(services: Services): Handlers['settings'] {
  return {
    get: () => services.settings.get(),
    set: (patch) => services.settings.update(patch),
  };
}
