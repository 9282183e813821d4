import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanRunRequest } from '../../../../electron/services/scan/scan-run';
import { startScan } from '../../../../electron/services/scan/scan-run';
import type { ScanReport } from '../../../../shared/scan/finding';
import { generatePlantedSite } from '../../../../scripts/scan-fixtures/planted-site';
import { useTempDir } from '../../temp-dir';
import { useWorkerBundle } from '../../worker-bundle';

/**
 * The folder scan with real worker threads: the worker built from its TypeScript source as the
 * app's main build makes out/main/scan-worker.js.
 */
const workerPath = useWorkerBundle('scan-worker', 'electron/services/scan/scan-worker.ts');

/** A report without what differs between two runs of the same scan (its id and times). */
const comparable = (report: ScanReport) => ({ ...report, id: '', startedAt: '', finishedAt: '' });

describe('a folder scan in real worker threads', { timeout: 120_000 }, () => {
  const tempDir = useTempDir();

  it('gives the very report reading in this thread gives', async () => {
    const site = path.join(tempDir(), 'site');
    const manifest = generatePlantedSite(site, { seed: 'workers', pages: 30 });
    fs.writeFileSync(path.join(site, 'blob.html'), Buffer.from([0, 1, 2, 3, 0, 0, 255]));
    const request = (workers: number): ScanRunRequest => ({
      source: { kind: 'folder', root: site },
      ownHosts: manifest.ownHosts,
      words: { name: 'words.txt', terms: manifest.words },
      appVersion: 'test',
      today: '2026-11-30',
      workers,
      workerPath: workerPath(),
    });
    const threads = await startScan(request(2)).report;
    const here = await startScan(request(0)).report;
    expect(comparable(threads)).toEqual(comparable(here));
    expect(threads.findings.length).toBeGreaterThanOrEqual(manifest.planted.length);
    expect(threads.notes).toMatchObject([{ source: 'blob.html', code: 'binary' }]);
  });
});
