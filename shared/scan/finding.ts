import { z } from 'zod';
import { bilingualSchema } from '../i18n/bilingual-schema';
import { DETECTORS, HIDING_TRICKS } from './detectors';

/** The format of a scan's report (`qinglang scan --json`, and the copy kept with an inspection). */
export const SCAN_REPORT_FORMAT = 'qinglang-scan-report/1';

export const SCAN_LIMITS = {
  /** Findings kept per report; past it the scan goes on counting (`findingsDropped`). */
  findings: 50_000,
  /** Findings kept per detector per file or page, so one generated list cannot fill the report. */
  findingsPerSourcePerDetector: 200,
  /** Notes (skipped files, decoding) kept per report; past it they are counted only. */
  notes: 10_000,
  /** Characters of context on each side of a match. */
  contextChars: 40,
  /** The longest source (a relative path or a URL) recorded. */
  source: 2_048,
  /** Terms in a word list. */
  terms: 100_000,
  /** A term's longest length, in characters. */
  termLength: 100,
  /** A word list file's largest size. */
  wordListBytes: 8 * 1024 * 1024,
  /** Hosts the user may list for a site scan. */
  hosts: 50,
} as const;

/** What the inspector decided about a finding: 待处理, 已处理 (fixed on the site), 误报. */
export const FINDING_STATES = ['open', 'fixed', 'false-positive'] as const;
export type FindingState = (typeof FINDING_STATES)[number];

const positive = z.number().int().min(1);

export const findingSchema = z.strictObject({
  /** Stable within a report: `<detector>:<n>`; marks refer to it. */
  id: z.string().min(1).max(64),
  detector: z.enum(DETECTORS),
  /**
   * A path relative to the scanned folder, with `/`, or the page's absolute URL; like every text
   * shown, its long numbers masked and its invisible direction marks taken out (collect.ts).
   */
  source: z.string().min(1).max(SCAN_LIMITS.source),
  /** 1-based, in the decoded text of the file or page. */
  line: positive,
  column: positive,
  /** What was found; masked when it is personal data (110***********1234). */
  match: z.string().max(400),
  /** The text around it on its line, masked the same way. */
  context: z.string().max(400),
  /** The word list's category of a `word` finding. */
  category: z.string().max(100).optional(),
  /** The link a link finding is about (`hidden-link`, `external-link`, `dead-link`). */
  target: z.string().max(SCAN_LIMITS.source).optional(),
  /** How a `hidden-link` is hidden. */
  trick: z.enum(HIDING_TRICKS).optional(),
  /** The HTTP status of a `dead-link` found by fetching (absent for a missing file). */
  status: z.number().int().min(0).max(999).optional(),
  state: z.enum(FINDING_STATES),
});
export type Finding = z.infer<typeof findingSchema>;

/** Why a file or page was skipped or read with a caveat. */
export const NOTE_CODES = [
  'binary',
  'too-large',
  'encoding-guessed',
  'encoding-invalid',
  'symlink',
  'too-deep',
  'too-many-files',
  'unreadable',
  'unsupported-type',
  'pdf-no-text',
  'docx-unreadable',
  'nesting-too-deep',
  'fetch-failed',
  'fetch-timeout',
  'redirect-refused',
  'redirect-loop',
  'host-refused',
  'page-cap',
  'findings-cap',
  'cancelled',
] as const;
export type NoteCode = (typeof NOTE_CODES)[number];

export const scanNoteSchema = z.strictObject({
  /** The file or URL the note is about; '' for the scan as a whole. */
  source: z.string().max(SCAN_LIMITS.source),
  code: z.enum(NOTE_CODES),
  /** What happened, in both languages (what the CLI prints and the app shows). */
  message: bilingualSchema,
});
export type ScanNote = z.infer<typeof scanNoteSchema>;

export const scanSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('folder'),
    /** The folder's own name (never its full path: the report may leave the computer). */
    name: z.string().min(1).max(255),
  }),
  z.strictObject({
    kind: z.literal('site'),
    start: z.url().max(SCAN_LIMITS.source),
    /** The hosts the scan was allowed to fetch from (and counts as the school's own). */
    hosts: z.array(z.string().min(1).max(253)).min(1).max(SCAN_LIMITS.hosts),
  }),
]);
export type ScanSource = z.infer<typeof scanSourceSchema>;

const count = z.number().int().min(0);

export const scanReportSchema = z.strictObject({
  format: z.literal(SCAN_REPORT_FORMAT),
  appVersion: z.string().max(50),
  id: z.uuid(),
  source: scanSourceSchema,
  /** The school's own hosts: links elsewhere are `external-link` findings. */
  ownHosts: z.array(z.string().min(1).max(253)).max(SCAN_LIMITS.hosts),
  /** The word list used, or null when none was given. */
  words: z
    .strictObject({
      name: z.string().max(255),
      terms: count,
      categories: z.array(z.string().max(100)).max(1000),
    })
    .nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  /** False when the scan was cancelled or stopped at a cap: the findings are of what was read. */
  complete: z.boolean(),
  totals: z.strictObject({
    /** Files or pages read and checked. */
    scanned: count,
    /** Bytes read (before decoding). */
    bytes: count,
    /** Files or pages skipped (each has a note, up to the notes cap). */
    skipped: count,
  }),
  findings: z.array(findingSchema).max(SCAN_LIMITS.findings),
  /** Findings found past the cap and not kept. */
  findingsDropped: count,
  notes: z.array(scanNoteSchema).max(SCAN_LIMITS.notes),
  notesDropped: count,
});
export type ScanReport = z.infer<typeof scanReportSchema>;
