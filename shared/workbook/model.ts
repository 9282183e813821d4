import type { Locale } from '../i18n/locale';
import type { Inspection } from '../inspection/schema';
import type { Template } from '../template/schema';
import type { WorkbookEnvelope } from './envelope';
import { chunkText, DATA_SHEET_NAME, WORKBOOK_FORMAT, workbookInspection } from './envelope';
import type { WorkbookInput } from './input';
import { workbookInput } from './input';
import type { WorkbookSheet } from './sheet';
import { pickerFor, sheetName } from './sheet';
import { actionsSheet } from './sheet-actions';
import { auditSheet } from './sheet-audit';
import { itemsSheet } from './sheet-items';
import { metaSheet } from './sheet-meta';
import { registerItems, registerSheet } from './sheet-registers';
import { summarySheet } from './sheet-summary';

/** The whole bureau workbook, as values: the visible sheets in order, then the data sheet's cells. */
export interface WorkbookModel {
  readonly sheets: readonly WorkbookSheet[];
  /** The hidden data sheet's column A: the format, then the envelope's JSON in chunks. */
  readonly data: readonly string[];
}

/**
 * The bureau workbook of an inspection (docs/formats.md, "The bureau workbook"). Pure: the same
 * inspection, template, language and app version always give the same model, and so the same
 * bytes. Verify rebuilds it from the data sheet and compares what it finds with it.
 */
export function workbookModel(
  inspection: Inspection,
  template: Template,
  language: Locale,
  appVersion: string,
): WorkbookModel {
  const carried = workbookInspection(inspection);
  const envelope: WorkbookEnvelope = {
    format: WORKBOOK_FORMAT,
    language,
    appVersion,
    inspection: carried,
    template,
  };
  return {
    sheets: visibleSheets(envelope),
    data: [WORKBOOK_FORMAT, ...chunkText(JSON.stringify(envelope))],
  };
}

/** What an envelope's sheets are made from (its evaluation among it). */
export function envelopeInput(envelope: WorkbookEnvelope): WorkbookInput {
  const { inspection, template, language, appVersion } = envelope;
  return workbookInput(inspection, template, language, appVersion);
}

/**
 * The visible sheets an envelope gives: what verify expects to find. `input`, when given, is
 * envelopeInput(envelope), made once by a caller that uses its evaluation too.
 */
export function visibleSheets(
  envelope: WorkbookEnvelope,
  input: WorkbookInput = envelopeInput(envelope),
): WorkbookSheet[] {
  const { language } = envelope;
  const say = pickerFor(language);
  // The data sheet's name is reserved first, so no register can take it.
  const taken = new Set<string>([DATA_SHEET_NAME.toLowerCase()]);
  const name = (zh: string, en: string) => sheetName(say(zh, en), taken);
  const summary = summarySheet(input, name('汇总', 'Summary'));
  const items = itemsSheet(input, name('检查项', 'Items'));
  const actions = actionsSheet(input, name('整改', 'Actions'));
  const registers = registerItems(input).map((item) =>
    registerSheet(input, item, sheetName(shortName(item.prompt[language]), taken)),
  );
  const audit = auditSheet(input, name('审计', 'Audit'));
  const meta = metaSheet(input, name('说明', 'About'));
  return [summary, items, actions, ...registers, audit, meta];
}

/**
 * A register's prompt up to its first bracket, and in English without "Register of", so that it
 * fits a sheet name: "宣传渠道登记表（网站、公众号……）" → "宣传渠道登记表", "Register of security
 * devices" → "Security devices".
 */
function shortName(prompt: string): string {
  const cut = prompt
    .split(/[（(]/)[0]!
    .trim()
    .replace(/^register of\s+/i, '');
  return cut === '' ? prompt : cut.charAt(0).toUpperCase() + cut.slice(1);
}
