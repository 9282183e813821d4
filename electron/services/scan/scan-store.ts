import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { evidenceRefSchema, INSPECTION_ID_PATTERN } from '../../../shared/inspection/schema';
import { instantSchema } from '../../../shared/inspection/text';
import type { ScanSummary } from '../../../shared/ipc/scan';
import type { ScanAttachment } from '../../../shared/scan/attach';
import { scanCounts } from '../../../shared/scan/attach';
import type { FindingState, ScanReport } from '../../../shared/scan/finding';
import { scanReportSchema } from '../../../shared/scan/finding';
import { writeFileAtomic } from '../atomic-file';
import { dataPaths } from '../data-layout';
import { readJsonBytes } from '../json-text';
import type { Logger } from '../logger';
import { quarantine } from '../quarantine';

/**
 * The content review's saved scans, kept with the inspection they were made for:
 * `scans/<inspection id>/<scan id>.json` (the report exactly as qinglang-scan-report/1, its
 * findings carrying the inspector's marks in `state`) and `scans/<inspection id>/scans.json`
 * (what each scan last attached as evidence, when, to which items). Every file is written
 * atomically and validated on every read; a damaged one is set aside (`*.corrupt-<time>.json`),
 * logged and left out, never a crash. Writes are synchronous, so they apply in arrival order.
 */
export interface ScanStore {
  save(inspectionId: string, report: ScanReport): ScanSummary;
  /** The inspection's saved scans, newest first. */
  list(inspectionId: string): ScanSummary[];
  get(inspectionId: string, scanId: string): ScanReport;
  summary(inspectionId: string, scanId: string): ScanSummary;
  /** Marks findings; refused, changing nothing, if any id is not in the scan. */
  mark(
    inspectionId: string,
    scanId: string,
    findingIds: readonly string[],
    state: FindingState,
  ): ScanSummary;
  attachment(inspectionId: string, scanId: string): ScanAttachment | null;
  setAttachment(inspectionId: string, scanId: string, attached: ScanAttachment): ScanSummary;
  remove(inspectionId: string, scanId: string): void;
}

interface Options {
  readonly dataDir: string;
  readonly log: Logger;
  readonly now: () => Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** scans.json: by scan id, what it was last attached as. */
const stateSchema = z.record(
  z.string().regex(UUID),
  z.strictObject({
    attached: z.strictObject({
      at: instantSchema,
      items: z.array(z.string().max(200)).max(100),
      evidence: z.array(evidenceRefSchema).max(10),
    }),
  }),
);
type ScansState = z.infer<typeof stateSchema>;

const notFound = () => new AppError('scan-not-found');

export function openScanStore({ dataDir, log, now }: Options): ScanStore {
  const paths = dataPaths(dataDir);
  /** Summaries of reports already read, by file, while its size and time are unchanged. */
  const cache = new Map<string, { size: number; mtimeMs: number; report: ScanReport }>();

  const checkIds = (inspectionId: string, scanId: string) => {
    // Checked before any path is made from them.
    if (!INSPECTION_ID_PATTERN.test(inspectionId) || !UUID.test(scanId)) throw notFound();
  };

  const setAside = (file: string, event: string, inspectionId: string) => {
    cache.delete(file);
    const keptAs = quarantine(file, now());
    log.warn(event, { inspection: inspectionId, keptAs });
  };

  /** A saved report, or null when there is none or it was damaged (and is now set aside). */
  const readReport = (inspectionId: string, scanId: string): ScanReport | null => {
    const file = paths.scanFile(inspectionId, scanId);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) return null;
    const cached = cache.get(file);
    if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) {
      return cached.report;
    }
    const read = readJsonBytes(fs.readFileSync(file));
    const parsed = read.ok ? scanReportSchema.safeParse(read.value) : null;
    if (!parsed?.success || parsed.data.id !== scanId) {
      setAside(file, 'scans.file-corrupt', inspectionId);
      return null;
    }
    cache.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, report: parsed.data });
    return parsed.data;
  };

  const writeReport = (inspectionId: string, report: ScanReport) => {
    fs.mkdirSync(paths.scansOf(inspectionId), { recursive: true });
    const file = paths.scanFile(inspectionId, report.id);
    writeFileAtomic(file, `${JSON.stringify(report)}\n`);
    cache.delete(file);
  };

  const readState = (inspectionId: string): ScansState => {
    const file = paths.scansStateFile(inspectionId);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      return {};
    }
    const read = readJsonBytes(bytes);
    const parsed = read.ok ? stateSchema.safeParse(read.value) : null;
    if (parsed?.success) return parsed.data;
    setAside(file, 'scans.state-corrupt', inspectionId);
    return {};
  };

  const writeState = (inspectionId: string, state: ScansState) => {
    fs.mkdirSync(paths.scansOf(inspectionId), { recursive: true });
    writeFileAtomic(paths.scansStateFile(inspectionId), `${JSON.stringify(state, null, 2)}\n`);
  };

  const existing = (inspectionId: string, scanId: string): ScanReport => {
    checkIds(inspectionId, scanId);
    const report = readReport(inspectionId, scanId);
    if (!report) throw notFound();
    return report;
  };

  return {
    save(inspectionId, report) {
      if (!INSPECTION_ID_PATTERN.test(inspectionId)) throw notFound();
      const checked = scanReportSchema.parse(report);
      writeReport(inspectionId, checked);
      log.info('scans.saved', { findings: checked.findings.length, complete: checked.complete });
      return summaryOf(checked, readState(inspectionId));
    },
    list(inspectionId) {
      if (!INSPECTION_ID_PATTERN.test(inspectionId)) return [];
      let names: string[];
      try {
        names = fs.readdirSync(paths.scansOf(inspectionId));
      } catch {
        return [];
      }
      const state = readState(inspectionId);
      const out: ScanSummary[] = [];
      for (const name of names) {
        const scanId = /^(.+)\.json$/.exec(name)?.[1];
        if (scanId === undefined || !UUID.test(scanId)) continue;
        const report = readReport(inspectionId, scanId);
        if (report) out.push(summaryOf(report, state));
      }
      return out.sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id));
    },
    get: (inspectionId, scanId) => existing(inspectionId, scanId),
    summary: (inspectionId, scanId) =>
      summaryOf(existing(inspectionId, scanId), readState(inspectionId)),
    mark(inspectionId, scanId, findingIds, state) {
      const report = existing(inspectionId, scanId);
      const known = new Set(report.findings.map((f) => f.id));
      const unknown = findingIds.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw new AppError('invalid-input', {
          'zh-CN': `这次审查中没有这些发现：${unknown.slice(0, 5).join('、')}。未作任何更改。`,
          'en-US': `This scan has no findings ${unknown.slice(0, 5).join(', ')}; nothing was changed.`,
        });
      }
      const marked = new Set(findingIds);
      const next: ScanReport = {
        ...report,
        findings: report.findings.map((f) => (marked.has(f.id) ? { ...f, state } : f)),
      };
      writeReport(inspectionId, next);
      log.info('scans.marked', { findings: marked.size, state });
      return summaryOf(next, readState(inspectionId));
    },
    attachment(inspectionId, scanId) {
      existing(inspectionId, scanId);
      return readState(inspectionId)[scanId]?.attached ?? null;
    },
    setAttachment(inspectionId, scanId, attached) {
      const report = existing(inspectionId, scanId);
      const state: ScansState = {
        ...readState(inspectionId),
        [scanId]: {
          attached: {
            at: attached.at,
            items: [...attached.items],
            evidence: attached.evidence.map((ref) => ({ ...ref })),
          },
        },
      };
      writeState(inspectionId, state);
      return summaryOf(report, state);
    },
    remove(inspectionId, scanId) {
      checkIds(inspectionId, scanId);
      const file = paths.scanFile(inspectionId, scanId);
      if (!fs.existsSync(file)) throw notFound();
      fs.rmSync(file, { force: true });
      cache.delete(file);
      const state = readState(inspectionId);
      if (Object.hasOwn(state, scanId)) {
        writeState(
          inspectionId,
          Object.fromEntries(Object.entries(state).filter(([id]) => id !== scanId)),
        );
      }
      log.info('scans.removed');
    },
  };
}

/** A saved scan as the list shows it. */
function summaryOf(report: ScanReport, state: ScansState): ScanSummary {
  const attached = state[report.id]?.attached ?? null;
  return {
    id: report.id,
    source: report.source,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    complete: report.complete,
    scanned: report.totals.scanned,
    ...scanCounts(report),
    attached: attached && {
      at: attached.at,
      items: [...attached.items],
      evidence: attached.evidence.map((ref) => ({ ...ref })),
    },
  };
}
