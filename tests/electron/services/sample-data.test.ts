import { describe, expect, it } from 'vitest';
import { loadSample } from '../../../electron/services/inspections/sample';
import { confStoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import { sampleData } from '../../../electron/services/sample-data';
import type { Services } from '../../../electron/services/services';
import { createServices } from '../../../electron/services/services';
import { checkSignature } from '../../../electron/services/signing/verify';
import { inspectionJson } from '../../../shared/inspection/canonical';
import { periodKey } from '../../../shared/inspection/period';
import type { Inspection } from '../../../shared/inspection/schema';
import { useTempDir } from '../temp-dir';
import { PROFILE } from './inspection-fixtures';

describe('sample data against the built-in checklist', () => {
  const options = { count: 15, seed: 'service', asOf: '2026-11-30', signing: 'varied' } as const;

  it('signs the samples that are to be signed, each with its school’s own key', () => {
    const samples = sampleData(options);
    const signed = samples.map((s) => s.inspection).filter((i) => i.state === 'signed');
    expect(signed.length).toBeGreaterThan(3);
    for (const inspection of signed) {
      expect(checkSignature(inspection)).toMatchObject({ status: 'valid' });
      expect(inspection.audit.at(-1)).toMatchObject({ event: 'signed' });
    }
    expect(new Set(signed.map((i) => i.signoff!.keyFingerprint)).size).toBe(signed.length);
    for (const { inspection } of samples.filter((s) => s.inspection.state !== 'signed')) {
      expect(checkSignature(inspection)).toEqual({ status: 'unsigned' });
    }
  });

  it('is byte-identical from run to run, signatures included (Ed25519 is deterministic)', () => {
    const texts = () => sampleData(options).map((s) => inspectionJson(s.inspection));
    expect(texts()).toEqual(texts());
  });
});

describe('"load sample data" on first run', () => {
  const tempDir = useTempDir();
  const open = (dataDir: string): Services =>
    createServices({
      dataDir,
      version: '0.0.0-test',
      shell: 'browser',
      storeFactory: confStoreFactory,
      log: silentLogger,
      lock: false,
    });
  const evidenceOf = (inspection: Inspection) => [
    ...Object.values(inspection.answers).flatMap((a) => a.evidence),
    ...(inspection.signoff ? [inspection.signoff.image] : []),
  ];

  it('gives last term’s inspection signed at the school, with its files, and this term’s draft', async () => {
    const services = open(tempDir());
    try {
      const list = await loadSample(services);
      expect(list).toHaveLength(2);
      const [previous, current] = [...list]
        .sort((a, b) => periodKey(a.period).localeCompare(periodKey(b.period)))
        .map((s) => services.inspections.get(s.id));
      expect(previous!.state).toBe('signed');
      expect(previous!.signoff).toMatchObject({ title: '校长', method: 'drawn' });
      // Signed on the school's computer then: valid, but not with this installation's key.
      expect(checkSignature(previous!, services.keys.fingerprint())).toMatchObject({
        status: 'valid',
        ownKey: false,
      });
      expect(services.keys.status().state).toBe('none');
      // Its scans and the drawn signature are here, so they open.
      const refs = evidenceOf(previous!);
      expect(refs.length).toBeGreaterThan(5);
      for (const ref of refs) expect(services.evidence.has(ref.sha256), ref.name).toBe(true);
      expect((await services.evidence.read(previous!.signoff!.image.sha256)).type).toBe(
        'image/png',
      );

      expect(current!.state).toBe('draft');
      expect(current!.signoff).toBeUndefined();
      expect(current!.audit).toEqual([
        { at: current!.createdAt, event: 'duplicated', detail: previous!.id },
      ]);
      expect(services.settings.get().profile).toEqual(previous!.school);
    } finally {
      services.close();
    }
  });

  it('signs it for the school already set up here, so the signature holds for that profile', async () => {
    const services = open(tempDir());
    try {
      services.settings.update({ profile: PROFILE, inspector: '李明' });
      const list = await loadSample(services);
      const signed = list.map((s) => services.inspections.get(s.id)).find((i) => i.signoff)!;
      expect(signed.school).toEqual(PROFILE);
      expect(checkSignature(signed)).toMatchObject({ status: 'valid' });
      expect(services.settings.get().profile).toEqual(PROFILE);
    } finally {
      services.close();
    }
  });
});
