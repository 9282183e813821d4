import { AppError } from '../../shared/errors';
import type { OverviewSource } from '../../shared/inspection/action-overview';
import { actionOverview } from '../../shared/inspection/action-overview';
import type { Handlers } from '../../shared/ipc/contract';
import { localIsoDate } from '../../shared/local-date';
import type { Services } from '../services/services';

/** The 整改 page's one call: every inspection not in the trash, read once, assembled in shared/. */
export function createActionsHandlers(
  services: Services,
  now: () => Date = () => new Date(),
): Handlers['actions'] {
  return {
    list: () => {
      const { inspections } = services;
      const sources: OverviewSource[] = [];
      for (const summary of inspections.list()) {
        if (summary.trashedAt !== undefined) continue;
        // A file that went missing or bad since it was listed is left out, not the whole page:
        // the inspections list tells the user about it.
        let inspection;
        try {
          inspection = inspections.get(summary.id);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          services.log.warn('actions.skipped', { code: error.code });
          continue;
        }
        sources.push({ inspection, template: inspections.templateOf(inspection) });
      }
      return actionOverview(sources, localIsoDate(now()));
    },
  };
}
