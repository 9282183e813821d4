import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanRunRequest } from '../../../../electron/services/scan/scan-run';
import { startScan } from '../../../../electron/services/scan/scan-run';
import type { ScanReport } from '../../../../shared/scan/finding';
import { generatePlantedSite } from '../../../../scripts/scan-fixtures/planted-site';
import { useTempDir } from '../../temp-dir';

/**
 * The folder scan with real worker threads: the worker built from its TypeScript source as the
 * app's main build makes out/main/scan-worker.js (packages external), into node_modules/.cache.
 */
const root = path.resolve(import.meta.dirname, '../../../..');
let workerPath = '';
let outDir = '';

beforeAll(async () => {
  const cache = path.join(root, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  outDir = fs.mkdtempSync(path.join(cache, 'qinglang-scan-worker-'));
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    define: { __APP_VERSION__: JSON.stringify('test') },
    build: {
      ssr: true,
      outDir,
      minify: false,
      rollupOptions: {
        input: { 'scan-worker': path.join(root, 'electron/services/scan/scan-worker.ts') },
        output: { format: 'esm', entryFileNames: '[name].mjs' },
      },
    },
  });
  workerPath = path.join(outDir, 'scan-worker.mjs');
}, 120_000);

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

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
      workerPath,
    });
    const threads = await startScan(request(2)).report;
    const here = await startScan(request(0)).report;
    expect(comparable(threads)).toEqual(comparable(here));
    expect(threads.findings.length).toBeGreaterThanOrEqual(manifest.planted.length);
    expect(threads.notes).toMatchObject([{ source: 'blob.html', code: 'binary' }]);
  });
});
