import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleData } from '../../../electron/services/sample-data';
import { useTempDir } from '../temp-dir';
import { AUTUMN_2026, INSPECTOR } from '../services/inspection-fixtures';
import { SAMPLE_FINDINGS, scanReport } from '../services/scan/scan-fixtures';
import { setUpScans } from './scan-handlers-fixture';

/**
 * What a signed, trashed or deleted inspection does to its content reviews: a signed one's scans
 * change no more (no start, mark or remove); a run whose inspection went or was signed while it
 * ran keeps nothing and says why; deleting an inspection for good deletes its scans.
 */
describe('the scan handlers and the inspection they belong to', () => {
  const tempDir = useTempDir();

  function signedInspection(services: ReturnType<typeof setUpScans>['services']) {
    const [sample] = sampleData({
      count: 1,
      seed: 'scan-lock',
      asOf: '2026-11-28',
      signing: 'all',
    });
    services.inspections.add([sample!.inspection]);
    return sample!.inspection;
  }

  it('refuses to start, mark or remove the scans of a signed inspection, and changes nothing', async () => {
    const { dataDir, services, scans, handlers, runs } = setUpScans(tempDir());
    const signed = signedInspection(services);
    const report = scanReport(SAMPLE_FINDINGS);
    scans.store.save(signed.id, report);
    const file = path.join(dataDir, 'scans', signed.id, `${report.id}.json`);
    const before = fs.readFileSync(file);
    const folder = scans.runs.registerFolder('/sites/school', 'school');
    const ref = { inspectionId: signed.id, scanId: report.id };

    const refusals = [
      () =>
        handlers.start({
          inspectionId: signed.id,
          source: { kind: 'folder', token: folder.token },
          ownHosts: [],
          words: null,
        }),
      () => handlers.mark({ ...ref, findingIds: ['phone:1'], state: 'fixed' }),
      () => handlers.remove(ref),
    ];
    for (const refused of refusals) {
      await expect(refused()).rejects.toMatchObject({ code: 'inspection-signed' });
    }
    expect(runs).toHaveLength(0);
    expect(fs.readFileSync(file)).toEqual(before);
    expect((await handlers.list({ inspectionId: signed.id })).map((s) => s.id)).toEqual([
      report.id,
    ]);
    // Reading and exporting it still work.
    expect(await handlers.get(ref)).toEqual(report);
  });

  async function runOn(setUp: ReturnType<typeof setUpScans>, inspectionId: string) {
    const folder = setUp.scans.runs.registerFolder('/sites/school', 'school');
    return setUp.handlers.start({
      inspectionId,
      source: { kind: 'folder', token: folder.token },
      ownHosts: [],
      words: null,
    });
  }

  it.each([
    ['deleted for good', /彻底删除/, /deleted for good/],
    ['moved to the trash', /回收站/, /moved to the trash/],
    ['signed', /签字/, /signed/],
  ] as const)(
    'keeps nothing of a run whose inspection was %s while it ran, and says so',
    async (what, zh, en) => {
      const setUp = setUpScans(tempDir());
      const { dataDir, services, scans, handlers, runs, draft } = setUp;
      const id = draft.id;
      const { runId } = await runOn(setUp, id);
      if (what === 'signed') {
        // The same inspection, signed off while the scan ran.
        const [sample] = sampleData({
          count: 1,
          seed: 'scan-lock',
          asOf: '2026-11-28',
          signing: 'all',
        });
        services.inspections.add([{ ...sample!.inspection, id }]);
        expect(services.inspections.get(id).state).toBe('signed');
      } else {
        services.inspections.trash(id);
        if (what === 'deleted for good') services.inspections.purge(id);
      }
      const report = scanReport(SAMPLE_FINDINGS);
      runs[0]!.finish(report);
      await scans.runs.settled(runId);
      const status = await handlers.status({ runId });
      expect(status.state).toBe('failed');
      expect(status.scanId).toBeNull();
      expect(status.error?.['zh-CN']).toMatch(zh);
      expect(status.error?.['en-US']).toMatch(en);
      expect(fs.existsSync(path.join(dataDir, 'scans', id, `${report.id}.json`))).toBe(false);
    },
  );

  it("deletes an inspection's scans when it is deleted for good; a backup taken before keeps them", async () => {
    const { dataDir, services, scans, draft } = setUpScans(tempDir());
    const report = scanReport(SAMPLE_FINDINGS);
    scans.store.save(draft.id, report);
    services.inspections.trash(draft.id);
    const backup = services.backups.create('manual');
    // Only the trashed inspection's scans go; another's stay.
    const other = services.inspections.create({ period: AUTUMN_2026, inspector: INSPECTOR }).id;
    scans.store.save(other, scanReport([]));
    services.inspections.purge(draft.id);
    expect(fs.existsSync(path.join(dataDir, 'scans', draft.id))).toBe(false);
    expect(scans.store.list(other)).toHaveLength(1);
    const kept = path.join(dataDir, 'backups', backup.id, 'scans', draft.id, `${report.id}.json`);
    expect(fs.existsSync(kept)).toBe(true);
  });
});
