import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { intakeAll } from '../../../../electron/services/bureau/intake-pool';
import type { IntakeSource } from '../../../../electron/services/bureau/intake-read';
import { useTempDir } from '../../temp-dir';
import { useWorkerBundle } from '../../worker-bundle';
import { bureauSamples, TODAY, workbookOf } from './bureau-fixtures';

/**
 * The pool with real worker threads: the worker built from its TypeScript source as the app's
 * main build makes out/main/intake-worker.js.
 */
const workerPath = useWorkerBundle('intake-worker', 'electron/services/bureau/intake-worker.ts');

describe('intakeAll with worker threads', { timeout: 120_000 }, () => {
  const tempDir = useTempDir();

  function sources(): IntakeSource[] {
    const dir = tempDir();
    const made = bureauSamples('all', 4, 'bureau-workers').map((sample, i) => {
      const file = `s${i}.xlsx`;
      fs.writeFileSync(path.join(dir, file), workbookOf(sample));
      return { file, path: path.join(dir, file) };
    });
    fs.writeFileSync(path.join(dir, 'bad.xlsx'), 'not a workbook');
    return [...made, { file: 'bad.xlsx', path: path.join(dir, 'bad.xlsx') }];
  }

  it('gives what checking in this thread gives, in the order given, each checklist once', async () => {
    const given = sources();
    let calls = 0;
    const threads = await intakeAll(given, {
      today: TODAY,
      workers: 2,
      workerPath: workerPath(),
      onProgress: (done, total) => {
        calls += 1;
        expect(done).toBe(calls);
        expect(total).toBe(given.length);
      },
    });
    const here = await intakeAll(given, { today: TODAY, workers: 0 });
    expect(threads).toEqual(here);
    expect(threads.accepted.map((a) => a.file)).toEqual([
      's0.xlsx',
      's1.xlsx',
      's2.xlsx',
      's3.xlsx',
    ]);
    expect(threads.templates.size).toBe(1);
    expect(calls).toBe(given.length);
  });

  it('stops between files when cancelled', async () => {
    const given = sources();
    const controller = new AbortController();
    const run = await intakeAll(given, {
      today: TODAY,
      workers: 2,
      workerPath: workerPath(),
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(run.cancelled).toBe(true);
    expect(run.accepted.length + run.rejected.length).toBeLessThan(given.length);
  });

  it('rejects the file a worker died on, and goes on with the rest', async () => {
    const given = sources();
    const dying = path.join(tempDir(), 'dying-worker.mjs');
    fs.writeFileSync(
      dying,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n",
    );
    const run = await intakeAll(given, { today: TODAY, workers: 2, workerPath: dying });
    expect(run.cancelled).toBe(false);
    expect(run.rejected.map((r) => [r.file, r.status])).toEqual(
      given.map((s) => [s.file, 'unreadable']),
    );
  });
});
