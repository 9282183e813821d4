import type { Handlers } from '../../shared/ipc/contract';
import { diffTemplates } from '../../shared/template/diff';
import type { Services } from '../services/services';
import { parseTemplateFile, serializeTemplate } from '../services/templates/template-files';

const MIME = {
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function createTemplatesHandlers(services: Services): Handlers['templates'] {
  // Looked up on every call: a restored backup replaces the stores under the services.
  return {
    list: () => services.templates.list(),
    get: (ref) => services.templates.get(ref),
    import: ({ fileName, dataBase64 }) => {
      const checked = parseTemplateFile(fileName, Buffer.from(dataBase64, 'base64'));
      if (!checked.ok) {
        services.log.warn('templates.import-refused', { problems: checked.problems.length });
        return { status: 'invalid', problems: [...checked.problems] };
      }
      return { status: 'imported', template: services.templates.install(checked.template) };
    },
    export: ({ id, version, format }) => {
      const template = services.templates.get({ id, version });
      return {
        fileName: `${template.id}-${template.version}.${format}`,
        mimeType: MIME[format],
        dataBase64: Buffer.from(serializeTemplate(template, format)).toString('base64'),
      };
    },
    setDefault: (ref) => {
      services.templates.get(ref);
      services.settings.update({ defaultTemplate: { id: ref.id, version: ref.version } });
      return services.templates.list();
    },
    diff: ({ from, to }) => diffTemplates(services.templates.get(from), services.templates.get(to)),
  };
}
