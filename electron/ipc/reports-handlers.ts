import type { Handlers } from '../../shared/ipc/contract';
import { explainingPrinter } from '../services/report/pdf-printer';
import { reportDocument } from '../services/report/report-document';
import type { Services } from '../services/services';

export function createReportsHandlers(services: Services): Handlers['reports'] {
  const build = (id: string, language: 'zh-CN' | 'en-US') =>
    reportDocument(services.inspections.get(id), language, {
      templates: services.templates,
      evidence: services.evidence,
      now: () => new Date(),
    });
  const printer = explainingPrinter(services.printer, services.log, 'report.print-failed');
  return {
    html: async ({ id, language }) => ({ html: (await build(id, language)).html }),
    pdf: async ({ id, language }) => {
      const report = await build(id, language);
      const pdf = await printer.print(report.html, report.pages);
      return { fileName: report.fileName, dataBase64: pdf.toString('base64') };
    },
  };
}
