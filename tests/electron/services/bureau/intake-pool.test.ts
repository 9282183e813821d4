import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { intakeAll } from '../../../../electron/services/bureau/intake-pool';
import { intakeSource } from '../../../../electron/services/bureau/intake-read';
import type { FileIntake } from '../../../../shared/bureau/intake';
import { useTempDir } from '../../temp-dir';
import { bureauSamples, TODAY, workbookOf } from './bureau-fixtures';

describe('intakeAll: many files read and checked, outcomes in the order given', () => {
  const tempDir = useTempDir();

  function folder() {
    const dir = tempDir();
    const samples = bureauSamples('all', 3, 'bureau-pool');
    const sources = samples.map((sample, i) => {
      const file = `school-${i}.xlsx`;
      fs.writeFileSync(path.join(dir, file), workbookOf(sample));
      return { file, path: path.join(dir, file) };
    });
    fs.writeFileSync(path.join(dir, 'notes.xlsx'), 'not a workbook');
    sources.splice(1, 0, { file: 'notes.xlsx', path: path.join(dir, 'notes.xlsx') });
    sources.push({ file: 'gone.xlsx', path: path.join(dir, 'gone.xlsx') });
    return { dir, sources, samples };
  }

  it('accepts the signed workbooks, rejects the rest with reasons, keeps one checklist', async () => {
    const { sources, samples } = folder();
    const progress: [number, number, FileIntake][] = [];
    const run = await intakeAll(sources, {
      today: TODAY,
      workers: 0,
      onProgress: (done, total, last) => progress.push([done, total, last]),
    });
    expect(run.cancelled).toBe(false);
    expect(run.accepted.map((a) => a.file)).toEqual([
      'school-0.xlsx',
      'school-1.xlsx',
      'school-2.xlsx',
    ]);
    expect(run.accepted.map((a) => a.submission.school.code)).toEqual(
      samples.map((s) => s.inspection.school.code),
    );
    expect(run.rejected.map((r) => [r.file, r.status])).toEqual([
      ['notes.xlsx', 'not-workbook'],
      ['gone.xlsx', 'read-failed'],
    ]);
    expect([...run.templates.keys()]).toEqual([samples[0]!.inspection.template.hash]);
    expect(progress.map(([done, total]) => [done, total])).toEqual(
      sources.map((_, i) => [i + 1, sources.length]),
    );
  });

  it('stops between files when cancelled and says so', async () => {
    const { sources } = folder();
    const controller = new AbortController();
    const run = await intakeAll(sources, {
      today: TODAY,
      workers: 0,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 2) controller.abort();
      },
    });
    expect(run.cancelled).toBe(true);
    expect(run.accepted.length + run.rejected.length).toBe(2);
  });

  it('runs nothing when cancelled before it starts', async () => {
    const { sources } = folder();
    const run = await intakeAll(sources, { today: TODAY, signal: AbortSignal.abort() });
    expect(run).toMatchObject({ cancelled: true, accepted: [], rejected: [] });
  });

  it('with no built worker beside it, checks in this thread all the same', async () => {
    const { sources } = folder();
    const run = await intakeAll(sources, { today: TODAY, workers: 2 });
    expect(run.accepted).toHaveLength(3);
    expect(run.rejected).toHaveLength(2);
  });

  it('reads a folder or a file too large as rejected with a reason, not a crash', async () => {
    const dir = tempDir();
    const huge = path.join(dir, 'huge.xlsx');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 30 * 1024 * 1024);
    const outcomes = await Promise.all(
      [
        { file: 'dir', path: dir },
        { file: 'huge.xlsx', path: huge },
      ].map((source) => intakeSource(source, TODAY)),
    );
    expect(outcomes.map((o) => o.intake)).toEqual([
      expect.objectContaining({ outcome: 'rejected', status: 'not-supported' }),
      expect.objectContaining({ outcome: 'rejected', status: 'too-large', size: 30 * 1024 * 1024 }),
    ]);
  });
});
