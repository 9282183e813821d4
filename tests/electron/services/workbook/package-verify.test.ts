import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackageManifest } from '../../../../shared/workbook/manifest';
import { referencedEvidence } from '../../../../shared/workbook/manifest';
import { buildPackage } from '../../../../electron/services/workbook/package-write';
import {
  packageVerified,
  verifyPackage,
} from '../../../../electron/services/workbook/package-verify';
import type { ZipEntry } from '../../../../electron/services/zip/zip-reader';
import { writeDeflatedZip } from '../../../../electron/services/zip/zip-writer';
import { entriesOf, packageSamples, sourcesFor } from './package-fixtures';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let signedPackage: Buffer;
let draftPackage: Buffer;
beforeAll(async () => {
  const { signed, draft } = packageSamples();
  signedPackage = (await buildPackage(signed.inspection, 'zh-CN', sourcesFor(signed))).bytes;
  draftPackage = (await buildPackage(draft.inspection, 'en-US', sourcesFor(draft))).bytes;
});

/** The package rebuilt after `edit` changes its files and manifest (as parsed). */
function repacked(
  bytes: Uint8Array,
  edit: (files: Map<string, Uint8Array>, manifest: PackageManifest) => void,
): Uint8Array {
  const files = new Map(entriesOf(bytes).map((e) => [e.name, e.data] as const));
  const manifest = JSON.parse(
    Buffer.from(files.get('manifest.json')!).toString('utf8'),
  ) as PackageManifest;
  files.delete('manifest.json');
  edit(files, manifest);
  const entries: ZipEntry[] = [
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) },
    ...[...files].map(([name, data]) => ({ name, data })),
  ];
  return writeDeflatedZip(entries);
}

const evidencePathOf = (manifest: PackageManifest) =>
  manifest.files.find((f) => f.role === 'evidence')!.path;

describe('verifyPackage', () => {
  it('verifies the package it made: the workbook signed, every file as listed', () => {
    const result = verifyPackage(signedPackage);
    expect(result.check.status).toBe('signed');
    expect(result.problems).toEqual([]);
    expect(packageVerified(result)).toBe(true);
    expect(result.filesChecked).toBe(
      2 + referencedEvidence(packageSamples().signed.inspection).length,
    );
    expect(result.envelope?.inspection.id).toBe(packageSamples().signed.inspection.id);
  });

  it('gives a draft package the draft verdict, with no package problem', () => {
    const result = verifyPackage(draftPackage);
    expect(result.check.status).toBe('draft');
    expect(result.problems).toEqual([]);
    expect(packageVerified(result)).toBe(false);
  });

  it.each(['../x', '/etc/passwd', 'C:\\x', 'C:/x', 'a//b', './a', 'evidence/', ''])(
    'refuses a manifest that names the path %j, naming it',
    (path) => {
      const bytes = repacked(signedPackage, (_, manifest) => {
        manifest.files.push({ path, role: 'evidence', sha256: '0'.repeat(64), size: 1 });
      });
      const { problems } = verifyPackage(bytes);
      expect(problems).toContainEqual(
        expect.objectContaining({ kind: 'unsafe-path', path, text: expect.anything() }),
      );
      const text = problems.find((p) => p.kind === 'unsafe-path')!.text;
      expect(text['en-US']).toContain(JSON.stringify(path));
      expect(text['zh-CN']).toContain(JSON.stringify(path));
    },
  );

  it('refuses a zip that holds a file named ../evil, naming it', () => {
    const bytes = repacked(signedPackage, (files) => {
      files.set('../evil.txt', Buffer.from('x'));
    });
    const result = verifyPackage(bytes);
    expect(result.check.status).toBe('unreadable');
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'unsafe-path', path: '../evil.txt' }),
    ]);
  });

  it('refuses a zip that holds a file named a//b, naming it', () => {
    const bytes = repacked(signedPackage, (files) => {
      files.set('a//b', Buffer.from('x'));
    });
    expect(verifyPackage(bytes).problems).toEqual([
      expect.objectContaining({ kind: 'unsafe-path', path: 'a//b' }),
    ]);
  });

  it('names a file in the zip that the manifest does not list', () => {
    const bytes = repacked(signedPackage, (files) => {
      files.set('notes.txt', Buffer.from('added later'));
    });
    const result = verifyPackage(bytes);
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'extra-file', path: 'notes.txt' }),
    ]);
    expect(result.check.status).toBe('signed');
    expect(packageVerified(result)).toBe(false);
  });

  it('names a listed file that is not in the zip', () => {
    let gone = '';
    const bytes = repacked(signedPackage, (files, manifest) => {
      gone = evidencePathOf(manifest);
      files.delete(gone);
    });
    expect(verifyPackage(bytes).problems).toEqual([
      expect.objectContaining({ kind: 'missing-file', path: gone }),
    ]);
  });

  it('names a file whose bytes changed', () => {
    let changed = '';
    const bytes = repacked(signedPackage, (files, manifest) => {
      changed = evidencePathOf(manifest);
      const data = Buffer.from(files.get(changed)!);
      data.writeUInt8(data.readUInt8(data.length - 1) ^ 0xff, data.length - 1);
      files.set(changed, data);
    });
    const { problems } = verifyPackage(bytes);
    expect(problems).toEqual([expect.objectContaining({ kind: 'file-changed', path: changed })]);
    expect(problems[0]!.text['zh-CN']).toContain(changed);
  });

  it('names an evidence file the inspection does not reference, even when listed', () => {
    const data = Buffer.from('not part of it');
    const path = `evidence/${sha256(data)}-extra.txt`;
    const bytes = repacked(signedPackage, (files, manifest) => {
      files.set(path, data);
      manifest.files.push({ path, role: 'evidence', sha256: sha256(data), size: data.length });
    });
    const { problems } = verifyPackage(bytes);
    expect(problems).toEqual([expect.objectContaining({ kind: 'evidence-unreferenced', path })]);
    expect(problems[0]!.text['en-US']).toMatch(/not part of the inspection/);
  });

  it('says evidence listed as missing is missing, and still verifies', async () => {
    const { signed } = packageSamples();
    const [gone] = referencedEvidence(signed.inspection);
    const made = await buildPackage(
      signed.inspection,
      'zh-CN',
      sourcesFor(signed, { leaveOut: [gone!.sha256] }),
    );
    const result = verifyPackage(made.bytes);
    expect(packageVerified(result)).toBe(true);
    expect(result.missing).toEqual([expect.objectContaining({ sha256: gone!.sha256 })]);
  });

  it('names evidence dropped without being listed as missing', () => {
    const bytes = repacked(signedPackage, (files, manifest) => {
      const path = evidencePathOf(manifest);
      files.delete(path);
      manifest.files = manifest.files.filter((f) => f.path !== path);
    });
    expect(verifyPackage(bytes).problems).toEqual([
      expect.objectContaining({ kind: 'evidence-unlisted' }),
    ]);
  });

  it('names a manifest that claims another school', () => {
    const bytes = repacked(signedPackage, (_, manifest) => {
      manifest.school.code = '9999999999';
    });
    expect(verifyPackage(bytes).problems).toEqual([
      expect.objectContaining({ kind: 'manifest-mismatch' }),
    ]);
  });

  it('takes the workbook verdict as the package verdict: an edited workbook fails', () => {
    const bytes = repacked(signedPackage, (files, manifest) => {
      const listed = manifest.files.find((f) => f.role === 'workbook')!;
      // A package's workbook swapped for a draft's, re-listed with its own hash.
      const other = entriesOf(draftPackage).find((e) => e.name.endsWith('.xlsx'))!;
      files.delete(listed.path);
      files.set(listed.path, other.data);
      listed.sha256 = sha256(other.data);
      listed.size = other.data.length;
    });
    const result = verifyPackage(bytes);
    expect(result.check.status).toBe('draft');
    expect(result.problems.map((p) => p.kind)).toContain('manifest-mismatch');
  });

  it('refuses a zip with no manifest, a bad manifest, or a newer one', () => {
    const workbook = entriesOf(signedPackage).find((e) => e.name.endsWith('.xlsx'))!.data;
    expect(verifyPackage(workbook).problems).toEqual([
      expect.objectContaining({ kind: 'no-manifest' }),
    ]);
    const bad = writeDeflatedZip([{ name: 'manifest.json', data: Buffer.from('{"format": 1') }]);
    expect(verifyPackage(bad).problems).toEqual([
      expect.objectContaining({ kind: 'manifest-invalid' }),
    ]);
    const latin1 = writeDeflatedZip([
      { name: 'manifest.json', data: Buffer.from([0x7b, 0xff, 0x7d]) },
    ]);
    expect(verifyPackage(latin1).problems).toEqual([
      expect.objectContaining({
        kind: 'manifest-invalid',
        text: expect.objectContaining({ 'en-US': expect.stringMatching(/not valid UTF-8 JSON/) }),
      }),
    ]);
    const newer = repacked(signedPackage, (_, manifest) => {
      (manifest as { format: string }).format = 'qinglang-package/2';
    });
    const result = verifyPackage(newer);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'newer-format' })]);
    expect(result.check.status).toBe('not-workbook');
  });

  it('refuses what is not a zip', () => {
    const result = verifyPackage(Buffer.from('{"format":"qinglang-inspection/2"}'));
    expect(result.check.status).toBe('not-workbook');
    expect(result.problems).toHaveLength(1);
    expect(packageVerified(result)).toBe(false);
  });

  it('refuses a zip bomb before inflating it', () => {
    // 1 MB of zeros deflates to about a kilobyte; its headers then claim 600 MB.
    const zip = Buffer.from(
      writeDeflatedZip([{ name: 'bomb.bin', data: Buffer.alloc(1024 * 1024) }]),
    );
    const claimed = 600 * 1024 * 1024;
    zip.writeUInt32LE(claimed, 22); // the local header's size
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(claimed, central + 24); // the central entry's size
    const result = verifyPackage(zip);
    expect(result.check.status).toBe('unreadable');
    expect(result.check.reason['en-US']).toMatch(/more than 500 MB/);
  });
});
