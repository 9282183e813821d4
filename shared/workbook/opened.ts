import type { SignatureCheck } from '../inspection/signature-check';
import { MAX_IMPORT_BYTES } from '../inspection/patterns';
import type { WorkbookCheck, WorkbookStatus } from './verdict';

/**
 * The largest workbook the app opens: the inspection import limit, which is also what the browser
 * harness's door carries. A workbook unpacks to far more than its file, and the largest
 * inspection's workbook is well under this.
 */
export const MAX_WORKBOOK_BYTES = MAX_IMPORT_BYTES;

/** The statuses under which a workbook carries readable data: it can be opened and looked at. */
const OPENABLE: ReadonlySet<WorkbookStatus> = new Set([
  'data-altered',
  'signature-invalid',
  'cells-differ',
  'draft',
  'signed',
]);

/** Whether a workbook so checked has data the app can show (read-only). */
export function canOpenWorkbook(status: WorkbookStatus): boolean {
  return OPENABLE.has(status);
}

/**
 * What the report of an opened workbook says of its signature: valid only when the whole workbook
 * is exactly what was signed. Data or cells changed after signing read as changed, a signature
 * that does not hold as invalid, no sign-off as a draft.
 */
export function workbookSignatureStatus(
  check: Pick<WorkbookCheck, 'status'>,
  signed: boolean,
): SignatureCheck['status'] {
  if (!signed) return 'unsigned';
  if (check.status === 'signed') return 'valid';
  if (check.status === 'signature-invalid') return 'invalid';
  return 'changed';
}
