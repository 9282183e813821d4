import type { Handlers } from '../../shared/ipc/contract';
import type { Services } from '../services/services';
import { parseTemplateFile, serializeTemplate } from '../services/templates/template-files';

const MIME = {
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function createTemplatesHandlers(services: Services): Handlers['templates'] {
  const { templates, settings } = services;
  return {
    list: () => templates.list(),
    get: (ref) => templates.get(ref),
    import: ({ fileName, dataBase64 }) => {
      const checked = parseTemplateFile(fileName, Buffer.from(dataBase64, 'base64'));
      if (!checked.ok) {
        services.log.warn('templates.import-refused', { problems: checked.problems.length });
        return { status: 'invalid', problems: [...checked.problems] };
      }
      return { status: 'imported', template: templates.install(checked.template) };
    },
    export: ({ id, version, format }) => {
      const template = templates.get({ id, version });
      return {
        fileName: `${template.id}-${template.version}.${format}`,
        mimeType: MIME[format],
        dataBase64: Buffer.from(serializeTemplate(template, format)).toString('base64'),
      };
    },
    setDefault: (ref) => {
      templates.get(ref);
      settings.update({ defaultTemplate: { id: ref.id, version: ref.version } });
      return templates.list();
    },
  };
}
