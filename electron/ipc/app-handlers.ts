import type { Handlers } from '../../shared/ipc/contract';
import type { Services } from '../services/services';

export function createAppHandlers(services: Services): Handlers['app'] {
  return {
    info: () => ({
      ...services.about,
      notices: services.notices(),
    }),
    logRendererError: (report) => {
      services.log.error('renderer.error', undefined, {
        where: report.where ?? null,
        message: report.message,
        stack: report.stack ?? null,
      });
      return null;
    },
  };
}
