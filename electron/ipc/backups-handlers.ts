import type { Handlers } from '../../shared/ipc/contract';
import type { Services } from '../services/services';

export function createBackupsHandlers(services: Services): Handlers['backups'] {
  return {
    list: () => services.backups.list(),
    create: () => services.backups.create('manual'),
    restore: ({ id }) => {
      const info = services.backups.restore(id);
      // The files under the services changed: read them again, as at start-up.
      services.reload();
      return info;
    },
  };
}
