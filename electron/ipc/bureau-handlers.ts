import { AppError } from '../../shared/errors';
import type { Handlers } from '../../shared/ipc/contract';
import type { Services } from '../services/services';

/** Bureau mode's door. (Being built: the store behind it lands next.) */
export function createBureauHandlers(services: Services): Handlers['bureau'] {
  const pending = () => {
    services.log.warn('bureau.unavailable');
    throw new AppError('bureau-unavailable');
  };
  return {
    state: pending,
    counts: pending,
    addFile: pending,
    remove: pending,
    review: pending,
    saveFeedback: pending,
    loadSchools: pending,
    clearSchools: pending,
    clearRejected: pending,
    exportSummary: pending,
  };
}
