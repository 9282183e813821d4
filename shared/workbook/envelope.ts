import type { Locale } from '../i18n/locale';
import type { Inspection } from '../inspection/schema';
import type { Template } from '../template/schema';

/** The bureau workbook's format, written in its meta and data sheets. */
export const WORKBOOK_FORMAT = 'qinglang-workbook/1';

/** The hidden sheet that carries the data; its name is the same in every language. */
export const DATA_SHEET_NAME = 'qinglang-data';

/** Characters of JSON per data-sheet cell: well below Excel's 32,767. */
export const DATA_CHUNK = 30000;

/**
 * What the hidden data sheet holds, as one JSON text cut into cells: the inspection as signed
 * (or the draft as it stands), the template it was filled against (its hash is pinned in the
 * inspection, so the signature covers it too), and the two things that shape the visible sheets
 * but are not the school's data: their language and the app version that wrote them.
 */
export interface WorkbookEnvelope {
  readonly format: typeof WORKBOOK_FORMAT;
  readonly language: Locale;
  readonly appVersion: string;
  readonly inspection: Inspection;
  readonly template: Template;
}

/** The inspection a workbook carries: for a signed one, exactly what was signed. */
export function workbookInspection(inspection: Inspection): Inspection {
  const { signoff } = inspection;
  if (!signoff) return inspection;
  // What happens after signing (trash, restore) is not the principal's, and would make two
  // exports of one signed inspection differ.
  return {
    ...inspection,
    updatedAt: signoff.signedAt,
    audit: inspection.audit.slice(0, signoff.auditCount),
  };
}

/** The envelope's JSON in cells of DATA_CHUNK characters, never splitting a surrogate pair. */
export function chunkText(json: string): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < json.length;) {
    let end = Math.min(at + DATA_CHUNK, json.length);
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(json.slice(at, end));
    at = end;
  }
  return chunks;
}
