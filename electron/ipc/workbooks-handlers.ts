import { AppError } from '../../shared/errors';
import type { Handlers } from '../../shared/ipc/contract';
import { workbookSignatureStatus } from '../../shared/workbook/opened';
import { reportDocument } from '../services/report/report-document';
import type { Services } from '../services/services';
import type { OpenedWorkbook, OpenedWorkbooks } from '../services/workbook/opened-workbooks';
import { createOpenedWorkbooks } from '../services/workbook/opened-workbooks';

/** An opened workbook's evidence is not in it: its report names the signature, shows no image. */
const NO_EVIDENCE = {
  has: () => false,
  read: () => Promise.reject(new AppError('evidence-not-found')),
};

const shown = ({ key, fileName, check, envelope }: OpenedWorkbook) => ({
  opened: true as const,
  key,
  fileName,
  check,
  inspection: envelope.inspection,
  template: envelope.template,
});

export function createWorkbooksHandlers(
  services: Services,
  opened: OpenedWorkbooks = createOpenedWorkbooks(),
): Handlers['workbooks'] {
  const find = (key: string): OpenedWorkbook => {
    const workbook = opened.get(key);
    if (!workbook) throw new AppError('workbook-not-open');
    return workbook;
  };
  return {
    open: ({ fileName, dataBase64 }) => {
      const outcome = opened.open(fileName, Buffer.from(dataBase64, 'base64'));
      if (!outcome.opened) {
        services.log.warn('workbooks.open-refused', { status: outcome.check.status });
        return { opened: false, fileName, check: outcome.check };
      }
      return shown(outcome.workbook);
    },
    get: ({ key }) => shown(find(key)),
    report: async ({ key, language }) => {
      const { envelope, check } = find(key);
      const { inspection, template } = envelope;
      const document = await reportDocument(
        inspection,
        language,
        { templates: services.templates, evidence: NO_EVIDENCE, now: () => new Date() },
        {
          template,
          signatureStatus: workbookSignatureStatus(check, inspection.signoff !== undefined),
        },
      );
      return { html: document.html };
    },
    close: ({ key }) => {
      opened.close(key);
      return null;
    },
  };
}
