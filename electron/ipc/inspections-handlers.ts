import { AppError } from '../../shared/errors';
import { inspectionJson } from '../../shared/inspection/canonical';
import type { Handlers } from '../../shared/ipc/contract';
import { MAX_IMPORT_BYTES } from '../../shared/ipc/inspections';
import { loadSample } from '../services/inspections/sample';
import { parseJsonBytes } from '../services/json-text';
import type { Services } from '../services/services';

export function createInspectionsHandlers(services: Services): Handlers['inspections'] {
  return {
    list: () => services.inspections.list(),
    get: ({ id }) => services.inspections.get(id),
    create: (input) => services.inspections.create(input),
    duplicate: (input) => services.inspections.duplicate(input),
    update: ({ id, changes }) => services.inspections.update(id, changes),
    trash: ({ id }) => (services.inspections.trash(id), null),
    restore: ({ id }) => (services.inspections.restore(id), null),
    purge: ({ id }) => (services.inspections.purge(id), null),
    export: ({ id }) => {
      const inspection = services.inspections.exportJson(id);
      const { code } = inspection.school;
      const { year, term } = inspection.period;
      return {
        fileName: `qinglang-${code}-${year}-${term}.json`,
        text: inspectionJson(inspection),
      };
    },
    import: ({ dataBase64 }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      if (bytes.length > MAX_IMPORT_BYTES) throw new AppError('import-invalid');
      const parsed = parseJsonBytes(bytes);
      if (!parsed) throw new AppError('import-invalid');
      return services.inspections.importJson(parsed.value);
    },
    loadSample: () => loadSample(services),
  };
}
