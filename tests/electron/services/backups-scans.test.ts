import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../temp-dir';
import { AUTUMN_2026, INSPECTOR, movingClock, PROFILE, snapshot } from './inspection-fixtures';
import { SAMPLE_FINDINGS, scanReport } from './scan/scan-fixtures';
import { testServices } from './test-services';

/**
 * The content review's saved scans (scans/<id>/<scan id>.json and scans.json, one folder deeper
 * than inspections/) are in every backup, and a restore brings them back as they were; the
 * harness's uploaded folder copies (.scan-uploads/) never are.
 */
describe('backups of the saved scans', () => {
  const tempDir = useTempDir();

  function setUp() {
    const dataDir = tempDir();
    const clock = movingClock();
    const services = testServices(dataDir, { now: clock.now });
    services.settings.update({ profile: PROFILE, inspector: INSPECTOR });
    const draft = services.inspections.create({ period: AUTUMN_2026, inspector: INSPECTOR });
    const scansDir = path.join(dataDir, 'scans', draft.id);
    return { dataDir, services, clock, draft, scansDir };
  }

  it('copies each scan and scans.json, and no damaged, temp or uploaded file', () => {
    const { dataDir, services, draft, scansDir } = setUp();
    const report = scanReport(SAMPLE_FINDINGS);
    services.scans.store.save(draft.id, report);
    services.scans.store.setAttachment(draft.id, report.id, {
      at: '2026-11-29T08:30:00.000Z',
      items: ['content_past_review'],
      evidence: [],
    });
    fs.writeFileSync(path.join(scansDir, `${report.id}.corrupt-x.json`), '{');
    fs.writeFileSync(path.join(scansDir, `${report.id}.json.tmp-${'0'.repeat(36)}`), '{');
    const token = services.scans.uploads.begin();
    fs.writeFileSync(path.join(dataDir, '.scan-uploads', token, 'a.html'), '<p>copy</p>');

    const info = services.backups.create('manual');
    const folder = path.join(dataDir, 'backups', info.id);
    expect(Object.keys(snapshot(path.join(folder, 'scans'))).sort()).toEqual(
      [`${draft.id}/${report.id}.json`, `${draft.id}/scans.json`].sort(),
    );
    expect(fs.existsSync(path.join(folder, '.scan-uploads'))).toBe(false);
  });

  it('a restore brings the scans back with their marks, and drops scans made after', () => {
    const { services, clock, draft, scansDir } = setUp();
    const report = scanReport(SAMPLE_FINDINGS);
    services.scans.store.save(draft.id, report);
    services.scans.store.mark(draft.id, report.id, ['phone:1'], 'false-positive');
    const info = services.backups.create('manual');
    const before = snapshot(scansDir);

    // Later: the scan is marked again, removed, and another one is saved.
    clock.tick(60_000);
    services.scans.store.mark(draft.id, report.id, ['phone:1'], 'fixed');
    services.scans.store.remove(draft.id, report.id);
    const later = scanReport([]);
    services.scans.store.save(draft.id, later);

    clock.tick(60_000);
    services.backups.restore(info.id);
    expect(snapshot(scansDir)).toEqual(before);
    const listed = services.scans.store.list(draft.id);
    expect(listed.map((s) => s.id)).toEqual([report.id]);
    expect(listed[0]!.byState).toEqual({ open: 3, fixed: 0, 'false-positive': 1 });
  });
});
