import { AppError } from '../../shared/errors';
import type { Handlers } from '../../shared/ipc/contract';
import { reportDocument } from '../services/report/report-document';
import type { Services } from '../services/services';

export function createReportsHandlers(services: Services): Handlers['reports'] {
  const build = (id: string, language: 'zh-CN' | 'en-US') =>
    reportDocument(services.inspections.get(id), language, {
      templates: services.templates,
      evidence: services.evidence,
      now: () => new Date(),
    });
  return {
    html: async ({ id, language }) => ({ html: (await build(id, language)).html }),
    pdf: async ({ id, language }) => {
      const report = await build(id, language);
      let pdf: Buffer;
      try {
        pdf = await services.printer.print(report.html, report.pages);
      } catch (error) {
        if (error instanceof AppError) throw error;
        services.log.error('report.print-failed', error);
        throw new AppError('pdf-failed');
      }
      return { fileName: report.fileName, dataBase64: pdf.toString('base64') };
    },
  };
}
