import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startScan } from '../../../../electron/services/scan/scan-run';
import { useTempDir } from '../../temp-dir';
import { fakeParts } from './scan-fakes';

/**
 * The folder scan's worker threads, with a stand-in worker that speaks the pool's protocol (a
 * file task in, a file result out) and dies on files named "boom": the pool's own behaviour
 * (dispatch, a dead worker replaced, its file noted) apart from the real worker's reading.
 */
const FAKE_WORKER = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', (task) => {
  if (task.file.relative.includes('boom')) process.exit(3);
  parentPort.postMessage({
    index: task.index,
    read: true,
    bytes: task.file.size,
    findings: [{ detector: 'phone', source: task.file.relative, line: 1, column: 1, match: '138****', context: 'x' }],
    links: [{ target: 'http://folder.invalid/missing.html', line: 2, column: 3, context: 'a' }],
    notes: [],
  });
});
`;

/** A scan of `root` in two stand-in workers, their script written into `dir`. */
function scanWithFakeWorkers(dir: string, root: string) {
  const workerPath = path.join(dir, 'worker.mjs');
  fs.writeFileSync(workerPath, FAKE_WORKER);
  return startScan(
    {
      source: { kind: 'folder', root },
      ownHosts: [],
      words: null,
      appVersion: 'test',
      workers: 2,
      workerPath,
    },
    fakeParts(),
  );
}

describe('a folder scan in worker threads', { timeout: 30_000 }, () => {
  const tempDir = useTempDir();

  it('notes the file a worker died on as unreadable and reads every other', async () => {
    const dir = tempDir();
    const root = path.join(dir, 'site');
    fs.mkdirSync(root);
    const names = ['a.txt', 'boom1.txt', 'b.txt', 'boom2.txt', 'c.txt', 'd.txt'];
    for (const name of names) fs.writeFileSync(path.join(root, name), 'text');
    const report = await scanWithFakeWorkers(dir, root).report;
    expect(report.notes.map((n) => [n.source, n.code])).toEqual([
      ['boom1.txt', 'unreadable'],
      ['boom2.txt', 'unreadable'],
    ]);
    expect(report.findings.filter((f) => f.detector === 'phone').map((f) => f.source)).toEqual([
      'a.txt',
      'b.txt',
      'c.txt',
      'd.txt',
    ]);
    expect(report.findings.filter((f) => f.detector === 'dead-link')).toHaveLength(4);
    expect(report.totals).toEqual({ scanned: 4, bytes: 16, skipped: 2 });
    expect(report.complete).toBe(true);
  });

  it('stops handing out files when cancelled, and reports what was read', async () => {
    const dir = tempDir();
    const root = path.join(dir, 'site');
    fs.mkdirSync(root);
    for (let i = 0; i < 40; i += 1) fs.writeFileSync(path.join(root, `p${i}.txt`), 'text');
    const run = scanWithFakeWorkers(dir, root);
    run.cancel();
    const report = await run.report;
    expect(report.complete).toBe(false);
    expect(report.totals.scanned).toBeLessThan(40);
    expect(report.notes.map((n) => n.code)).toEqual(['cancelled']);
  });
});
