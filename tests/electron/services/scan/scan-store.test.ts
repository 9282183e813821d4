import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../electron/services/logger';
import { openScanStore } from '../../../../electron/services/scan/scan-store';
import { useTempDir } from '../../temp-dir';
import { NOW } from '../inspection-fixtures';
import { finding, SAMPLE_FINDINGS, scanReport } from './scan-fixtures';

const INSPECTION = 'b6f0a0c2-5d2e-4d2a-9d0f-3c8b1e2a4f61';

describe('the scan store (scans/<inspection id>/)', () => {
  const tempDir = useTempDir();

  const open = (dataDir = tempDir()) => ({
    dataDir,
    store: openScanStore({ dataDir, log: silentLogger, now: () => NOW }),
    dir: path.join(dataDir, 'scans', INSPECTION),
  });

  it('keeps a report exactly as given and lists it with its counts, newest first', () => {
    const { store, dir, dataDir } = open();
    const older = scanReport(SAMPLE_FINDINGS, { startedAt: '2026-11-01T08:00:00.000Z' });
    const newer = scanReport([finding({ detector: 'phone' })]);
    store.save(INSPECTION, older);
    store.save(INSPECTION, newer);

    expect(JSON.parse(fs.readFileSync(path.join(dir, `${older.id}.json`), 'utf8'))).toEqual(older);
    // A store opened afresh (the next start) reads the same.
    const again = open(dataDir).store;
    expect(again.get(INSPECTION, older.id)).toEqual(older);
    const listed = again.list(INSPECTION);
    expect(listed.map((s) => s.id)).toEqual([newer.id, older.id]);
    expect(listed[1]).toEqual({
      id: older.id,
      source: older.source,
      startedAt: older.startedAt,
      finishedAt: older.finishedAt,
      complete: true,
      scanned: 120,
      byDetector: { 'id-number': 1, phone: 1, 'hidden-link': 1, word: 1 },
      byState: { open: 4, fixed: 0, 'false-positive': 0 },
      attached: null,
    });
    expect(again.list('c0ffee00-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('saves marks in the report, where a new start finds them', () => {
    const { store, dataDir } = open();
    const report = scanReport(SAMPLE_FINDINGS);
    store.save(INSPECTION, report);
    const summary = store.mark(INSPECTION, report.id, ['id-number:1', 'phone:1'], 'false-positive');
    expect(summary.byState).toEqual({ open: 2, fixed: 0, 'false-positive': 2 });
    store.mark(INSPECTION, report.id, ['phone:1'], 'fixed');

    const reread = open(dataDir).store.get(INSPECTION, report.id);
    expect(reread.findings.map((f) => [f.id, f.state])).toEqual([
      ['id-number:1', 'false-positive'],
      ['phone:1', 'fixed'],
      ['hidden-link:1', 'open'],
      ['word:1', 'open'],
    ]);
  });

  it('refuses marks for findings the scan does not have, changing nothing', () => {
    const { store } = open();
    const report = scanReport(SAMPLE_FINDINGS);
    store.save(INSPECTION, report);
    expect(() => store.mark(INSPECTION, report.id, ['phone:1', 'phone:99'], 'fixed')).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    expect(store.get(INSPECTION, report.id)).toEqual(report);
  });

  it('sets a damaged report aside, logs it and lists the rest, never a crash', () => {
    const { store, dir } = open();
    const good = scanReport(SAMPLE_FINDINGS);
    store.save(INSPECTION, good);
    const broken = 'e1d2c3b4-a5f6-4789-8abc-def012345678';
    fs.writeFileSync(path.join(dir, `${broken}.json`), '{"format":"qinglang-scan-report/1",');
    // Valid JSON but not a report, and a report saved under another scan's name.
    const wrong = 'f1d2c3b4-a5f6-4789-8abc-def012345678';
    fs.writeFileSync(path.join(dir, `${wrong}.json`), JSON.stringify(scanReport([])));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not ours');

    expect(store.list(INSPECTION).map((s) => s.id)).toEqual([good.id]);
    const names = fs.readdirSync(dir).sort();
    expect(names.filter((n) => n.includes('.corrupt-'))).toHaveLength(2);
    expect(names).toContain('notes.txt');
    expect(() => store.get(INSPECTION, broken)).toThrow(
      expect.objectContaining({ code: 'scan-not-found' }),
    );
  });

  it('sets a damaged scans.json aside: the scans stay, their attachments read as none', () => {
    const { store, dir } = open();
    const report = scanReport(SAMPLE_FINDINGS);
    store.save(INSPECTION, report);
    const attached = { at: NOW.toISOString(), items: ['content_past_review'], evidence: [] };
    store.setAttachment(INSPECTION, report.id, attached);
    expect(store.attachment(INSPECTION, report.id)).toEqual(attached);
    fs.writeFileSync(path.join(dir, 'scans.json'), '{"not": "a state"}');

    expect(store.list(INSPECTION)[0]!.attached).toBeNull();
    expect(fs.readdirSync(dir).some((n) => /^scans\.corrupt-.*\.json$/.test(n))).toBe(true);
  });

  it('removes a scan and what it attached, and says so for one that is not there', () => {
    const { store, dir } = open();
    const report = scanReport(SAMPLE_FINDINGS);
    store.save(INSPECTION, report);
    store.setAttachment(INSPECTION, report.id, { at: NOW.toISOString(), items: [], evidence: [] });
    store.remove(INSPECTION, report.id);
    expect(store.list(INSPECTION)).toEqual([]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'scans.json'), 'utf8'))).toEqual({});
    expect(() => store.remove(INSPECTION, report.id)).toThrow(
      expect.objectContaining({ code: 'scan-not-found' }),
    );
  });

  it('makes no path from ids that are not ids', () => {
    const { store, dataDir } = open();
    for (const [inspection, scan] of [
      ['../..', 'e1d2c3b4-a5f6-4789-8abc-def012345678'],
      [INSPECTION, '../../settings'],
    ] as const) {
      expect(() => store.get(inspection, scan)).toThrow(
        expect.objectContaining({ code: 'scan-not-found' }),
      );
    }
    expect(store.list('../..')).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'scans'))).toBe(false);
  });
});
