import { z } from 'zod';
import { bilingualSchema } from '../i18n/bilingual-schema';
import { LOCALES } from '../i18n/locale';
import { evidenceRefSchema, inspectionIdSchema } from '../inspection/schema';
import { DETECTORS } from '../scan/detectors';
import { HOST_PATTERN } from '../scan/hosts';
import { FINDING_STATES, SCAN_LIMITS, scanReportSchema, scanSourceSchema } from '../scan/finding';
import { scanRunStatusSchema } from '../scan/progress';
import { defineDomain } from './define';
import { saveOutcomeSchema } from './exports';

const host = z.string().min(1).max(253).regex(HOST_PATTERN);

/** A folder the user chose: the main process keeps its path; the page holds only a token. */
export const pickedFolderSchema = z.strictObject({
  token: z.uuid(),
  /** The folder's own name, to show. */
  name: z.string().min(1).max(255),
});
export type PickedFolder = z.infer<typeof pickedFolderSchema>;

export const scanRequestSchema = z.strictObject({
  inspectionId: inspectionIdSchema,
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('folder'), token: z.uuid() }),
    z.strictObject({
      kind: z.literal('site'),
      start: z.url({ protocol: /^https?$/ }).max(SCAN_LIMITS.source),
      /** Only these hosts are fetched from; a redirect anywhere else is refused. */
      hosts: z.array(host).min(1).max(SCAN_LIMITS.hosts),
    }),
  ]),
  /** The school's own hosts (its site's names); links anywhere else are external. */
  ownHosts: z.array(host).max(SCAN_LIMITS.hosts),
  /** The bureau's word list as the user chose it (plain text, one term a line), or null. */
  words: z
    .strictObject({
      name: z.string().min(1).max(255),
      text: z.string().max(SCAN_LIMITS.wordListBytes),
    })
    .nullable(),
});
export type ScanRequest = z.infer<typeof scanRequestSchema>;

const scanRef = z.strictObject({ inspectionId: inspectionIdSchema, scanId: z.uuid() });

/** A saved scan as the list shows it, without its findings. */
export const scanSummarySchema = z.strictObject({
  id: z.uuid(),
  source: scanSourceSchema,
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  complete: z.boolean(),
  scanned: z.number().int().min(0),
  /** Findings by detector and by state. */
  byDetector: z.partialRecord(z.enum(DETECTORS), z.number().int().min(0)),
  byState: z.record(z.enum(FINDING_STATES), z.number().int().min(0)),
  /** The evidence files this scan was last attached as, and to which items; null if never. */
  attached: z
    .strictObject({
      at: z.iso.datetime(),
      items: z.array(z.string()),
      evidence: z.array(evidenceRefSchema),
    })
    .nullable(),
});
export type ScanSummary = z.infer<typeof scanSummarySchema>;

/** A word list as read: how many terms, which categories, and lines that were not usable. */
export const wordListCheckSchema = z.strictObject({
  terms: z.number().int().min(0),
  categories: z.array(z.string()),
  problems: z.array(z.strictObject({ line: z.number().int().min(1), message: bilingualSchema })),
});
export type WordListCheck = z.infer<typeof wordListCheckSchema>;

/**
 * Content review (网站内容审查, issue 13): scans a folder or the school's own site for leaked
 * personal data, hidden, external and dead links, listed words and missing filing numbers, keeps
 * each scan with its inspection (`scans/<inspectionId>/<scanId>.json`, a qinglang-scan-report/1
 * whose findings carry the inspector's marks), and attaches it to the checklist items as evidence.
 */
export const scanContract = defineDomain({
  /** Lets the user choose a folder (desktop: a dialog; harness: answered in the page); null if cancelled. */
  pickFolder: { input: z.undefined(), output: pickedFolderSchema.nullable() },
  /** Reads a word list without scanning: what the page shows before the user starts. */
  checkWords: {
    input: z.strictObject({ text: z.string().max(SCAN_LIMITS.wordListBytes) }),
    output: wordListCheckSchema,
  },
  /** Starts a scan in the background; poll `status`. One scan runs at a time. */
  start: { input: scanRequestSchema, output: z.strictObject({ runId: z.uuid() }) },
  status: { input: z.strictObject({ runId: z.uuid() }), output: scanRunStatusSchema },
  /** Stops a run after the file or page it is reading; what was read is saved, marked incomplete. */
  cancel: { input: z.strictObject({ runId: z.uuid() }), output: z.null() },
  /** The inspection's saved scans, newest first. */
  list: {
    input: z.strictObject({ inspectionId: inspectionIdSchema }),
    output: z.array(scanSummarySchema),
  },
  get: { input: scanRef, output: scanReportSchema },
  /** Marks findings 待处理 / 已处理 / 误报. */
  mark: {
    input: scanRef.extend({
      findingIds: z.array(z.string().min(1).max(64)).min(1).max(SCAN_LIMITS.findings),
      state: z.enum(FINDING_STATES),
    }),
    output: scanSummarySchema,
  },
  /**
   * Saves the scan's report (a workbook in the chosen language, and the JSON) as evidence of the
   * matching checklist items, replacing what this scan attached before. Refused on a signed inspection.
   */
  attach: {
    input: scanRef.extend({ language: z.enum(LOCALES) }),
    output: scanSummarySchema,
  },
  /** Offers the scan's report workbook for saving. */
  exportWorkbook: {
    input: scanRef.extend({ language: z.enum(LOCALES) }),
    output: saveOutcomeSchema,
  },
  remove: { input: scanRef, output: z.null() },
});
