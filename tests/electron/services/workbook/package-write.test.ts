import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import type { PackageManifest } from '../../../../shared/workbook/manifest';
import { referencedEvidence } from '../../../../shared/workbook/manifest';
import { buildPackage } from '../../../../electron/services/workbook/package-write';
import { verifyWorkbook } from '../../../../electron/services/workbook/workbook-verify';
import { entriesOf, packageSamples, sourcesFor, stubPrinter } from './package-fixtures';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function manifestOf(bytes: Uint8Array): PackageManifest {
  const entry = entriesOf(bytes).find((e) => e.name === 'manifest.json')!;
  return JSON.parse(Buffer.from(entry.data).toString('utf8')) as PackageManifest;
}

describe('buildPackage', () => {
  it('holds the workbook, the report and every evidence file, each listed with its hash', async () => {
    const { signed } = packageSamples();
    const printer = stubPrinter();
    const made = await buildPackage(signed.inspection, 'zh-CN', sourcesFor(signed, { printer }));
    const { code } = signed.inspection.school;
    expect(made.fileName).toBe(
      `报送材料-${code}-${signed.inspection.period.year}-${signed.inspection.period.term}.zip`,
    );
    const entries = entriesOf(made.bytes);
    const manifest = manifestOf(made.bytes);
    expect(manifest).toMatchObject({
      format: 'qinglang-package/1',
      language: 'zh-CN',
      school: { code, name: signed.inspection.school.name },
      inspectionId: signed.inspection.id,
      state: 'signed',
      contentHash: signed.inspection.signoff!.contentHash,
      missing: [],
    });
    expect(entries.map((e) => e.name)).toEqual([
      'manifest.json',
      ...manifest.files.map((f) => f.path),
    ]);
    for (const file of manifest.files) {
      const entry = entries.find((e) => e.name === file.path)!;
      expect({ sha256: sha256(entry.data), size: entry.data.length }).toEqual({
        sha256: file.sha256,
        size: file.size,
      });
    }
    expect(manifest.files.filter((f) => f.role === 'workbook')).toHaveLength(1);
    expect(manifest.files.filter((f) => f.role === 'report')).toEqual([
      expect.objectContaining({ path: expect.stringMatching(/^检查报告-.*\.pdf$/) }),
    ]);
    const evidence = manifest.files.filter((f) => f.role === 'evidence');
    const refs = referencedEvidence(signed.inspection);
    expect(refs.length).toBeGreaterThan(1);
    expect(evidence.map((f) => f.sha256).sort()).toEqual(refs.map((r) => r.sha256).sort());
    for (const file of evidence) expect(file.path).toMatch(/^evidence\/[0-9a-f]{64}-[^/\\]+$/);
    const workbook = entries.find((e) => e.name === manifest.files[0]!.path)!;
    expect(verifyWorkbook(workbook.data).check.status).toBe('signed');
    expect(printer.printed).toHaveLength(1);
  });

  it('gives the same bytes for the same inspection', async () => {
    const { signed } = packageSamples();
    const first = await buildPackage(signed.inspection, 'en-US', sourcesFor(signed));
    const second = await buildPackage(signed.inspection, 'en-US', sourcesFor(signed));
    expect(first.fileName).toMatch(/^submission-.*\.zip$/);
    expect(sha256(first.bytes)).toBe(sha256(second.bytes));
  });

  it('lists evidence files not on this computer as missing, and still makes the package', async () => {
    const { signed } = packageSamples();
    const [gone] = referencedEvidence(signed.inspection);
    const made = await buildPackage(
      signed.inspection,
      'zh-CN',
      sourcesFor(signed, { leaveOut: [gone!.sha256] }),
    );
    const manifest = manifestOf(made.bytes);
    expect(manifest.missing).toEqual([
      { sha256: gone!.sha256, name: gone!.name, size: gone!.size },
    ]);
    expect(manifest.files.some((f) => f.sha256 === gone!.sha256)).toBe(false);
  });

  it('packages a draft too, without a content hash', async () => {
    const { draft } = packageSamples();
    const manifest = manifestOf(
      (await buildPackage(draft.inspection, 'zh-CN', sourcesFor(draft))).bytes,
    );
    expect(manifest.state).not.toBe('signed');
    expect(manifest).not.toHaveProperty('contentHash');
  });

  it('refuses, with a reason, a package whose evidence would pass 500 MB', async () => {
    const { signed } = packageSamples();
    const huge = structuredClone(signed.inspection);
    const answer = Object.values(huge.answers).find((a) => a.evidence.length > 0)!;
    answer.evidence[0] = { ...answer.evidence[0]!, size: 600 * 1024 * 1024 };
    const error = await buildPackage(huge, 'zh-CN', sourcesFor(signed)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('package-too-large');
    expect((error as AppError).detail?.['en-US']).toMatch(/600 MB, over the 500 MB limit/);
  });

  it('says which template is missing rather than making a package without one', async () => {
    const { signed } = packageSamples();
    const sources = {
      ...sourcesFor(signed),
      templates: {
        get: () => {
          throw new Error('none');
        },
      },
    };
    await expect(buildPackage(signed.inspection, 'zh-CN', sources)).rejects.toMatchObject({
      code: 'template-not-found',
    });
  });
});
