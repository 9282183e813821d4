import path from 'node:path';
import { createScanHandlers } from '../../../electron/ipc/scan-handlers';
import { downloadSaver } from '../../../electron/services/export/file-saver';
import { silentLogger } from '../../../electron/services/logger';
import { scanWorkbook } from '../../../electron/services/scan/report-workbook';
import type { ScanRun, ScanRunRequest } from '../../../electron/services/scan/scan-run';
import { openScanService } from '../../../electron/services/scan/scan-service';
import { parseWordList } from '../../../shared/scan/words/word-list';
import type { ScanReport } from '../../../shared/scan/finding';
import type { ScanProgress } from '../../../shared/scan/progress';
import { AUTUMN_2026, INSPECTOR, NOW, PROFILE } from '../services/inspection-fixtures';
import { testServices } from '../services/test-services';

/** The content review's services and handlers over a fresh data folder, with runs ended by hand. */
/** A scan run the test ends by hand: `finish` or `fail`; cancel is recorded. */
export interface FakeRun {
  readonly request: ScanRunRequest;
  cancelled: boolean;
  finish(report: ScanReport): void;
  fail(error: unknown): void;
}

export const PROGRESS: ScanProgress = {
  phase: 'reading',
  scanned: 3,
  total: 10,
  bytes: 4096,
  findings: 2,
  current: 'news/a.html',
};

export function setUpScans(dataDir: string) {
  const services = testServices(dataDir, { now: () => NOW });
  services.settings.update({ profile: PROFILE, inspector: INSPECTOR });
  const runs: FakeRun[] = [];
  const runner = (request: ScanRunRequest): ScanRun => {
    let settle!: { finish: (r: ScanReport) => void; fail: (e: unknown) => void };
    const report = new Promise<ScanReport>((finish, fail) => (settle = { finish, fail }));
    const fake: FakeRun = { request, cancelled: false, ...settle };
    runs.push(fake);
    return {
      report,
      progress: () => PROGRESS,
      cancel: () => {
        fake.cancelled = true;
      },
    };
  };
  const scans = openScanService({
    dataDir,
    log: silentLogger,
    now: () => NOW,
    appVersion: '0.0.0-test',
    inspections: () => services.inspections,
    evidence: services.evidence,
    saver: () => downloadSaver,
    picker: { pickFolder: () => Promise.resolve(path.join(dataDir, '..', 'site')) },
    runner,
    readWords: parseWordList,
    workbook: scanWorkbook,
    tidy: true,
  });
  const direct = createScanHandlers({ scans });
  // As the dispatcher calls them: a handler that throws is a rejected call.
  const handlers = new Proxy(direct, {
    get: (target, key: keyof typeof direct) => (input: never) =>
      Promise.resolve().then(() => (target[key] as (i: never) => unknown)(input)),
  }) as {
    [K in keyof typeof direct]: (
      ...a: Parameters<(typeof direct)[K]>
    ) => Promise<Awaited<ReturnType<(typeof direct)[K]>>>;
  };
  const draft = services.inspections.create({ period: AUTUMN_2026, inspector: INSPECTOR });
  return { dataDir, services, scans, handlers, runs, draft };
}
