import { createHash } from 'node:crypto';
import type { Bilingual } from '../../../shared/i18n/locale';
import type { WorkbookEnvelope } from '../../../shared/workbook/envelope';
import type { ManifestMissing, PackageManifest } from '../../../shared/workbook/manifest';
import {
  MANIFEST_PATH,
  MAX_PACKAGE_FILES,
  MAX_PACKAGE_UNPACKED_BYTES,
} from '../../../shared/workbook/manifest';
import type { PackageProblem } from '../../../shared/workbook/package-check';
import {
  checkPackageEvidence,
  checkPackageFiles,
  parseManifest,
} from '../../../shared/workbook/package-check';
import type { WorkbookCheck, WorkbookStatus } from '../../../shared/workbook/verdict';
import type { ZipLimits, ZipRefusal } from '../zip/zip-reader';
import { readZip } from '../zip/zip-reader';
import { readStructure } from '../zip/zip-structure';
import { isZipBytes } from './workbook-read';
import { verifyWorkbook } from './workbook-verify';

/** What a package may unpack to: the limit buildPackage keeps to, and its files and manifest. */
export const PACKAGE_ZIP_LIMITS: ZipLimits = {
  maxUnpackedBytes: MAX_PACKAGE_UNPACKED_BYTES,
  maxEntries: MAX_PACKAGE_FILES + 1,
};

/**
 * The largest package file read at all: what it may unpack to (its evidence is mostly stored as
 * it is) and room for the zip's headers of every entry.
 */
export const MAX_PACKAGE_FILE_BYTES = MAX_PACKAGE_UNPACKED_BYTES + 10 * 1024 * 1024;

/** A package checked: what its manifest and workbook say, and everything found wrong. */
export interface PackageVerification {
  readonly manifest: PackageManifest | null;
  readonly envelope: WorkbookEnvelope | null;
  /** The verdict on the package's workbook; without one, why there was none to check. */
  readonly check: WorkbookCheck;
  /** Whatever is wrong with the package itself, each naming the file it is about. */
  readonly problems: readonly PackageProblem[];
  /** How many files the manifest lists (each checked against the zip). */
  readonly filesChecked: number;
  /** Evidence the manifest says the computer that made it did not have: not an error. */
  readonly missing: readonly ManifestMissing[];
}

/**
 * A zip that holds manifest.json, told from its headers alone (nothing is inflated): what verify
 * checks as a package rather than as a workbook.
 */
export function isPackageBytes(bytes: Uint8Array): boolean {
  if (!isZipBytes(bytes)) return false;
  try {
    return readStructure(bytes, PACKAGE_ZIP_LIMITS.maxEntries).some(
      (s) => s.name === MANIFEST_PATH,
    );
  } catch {
    return false;
  }
}

/** A package holds exactly what the principal signed, and every file is the one it lists. */
export const packageVerified = (v: PackageVerification): boolean =>
  v.check.status === 'signed' && v.problems.length === 0;

const b = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

const MB = 1024 * 1024;

const REFUSALS: Readonly<Record<ZipRefusal, Bilingual>> = {
  damaged: b('压缩包已损坏，无法读取', 'the zip is damaged and cannot be read'),
  'too-large': b(
    `解压后超过 ${MAX_PACKAGE_UNPACKED_BYTES / MB} MB（或超过 ${MAX_PACKAGE_FILES} 个文件），不是本程序生成的报送材料`,
    `it unpacks to more than ${MAX_PACKAGE_UNPACKED_BYTES / MB} MB (or more than ${MAX_PACKAGE_FILES} files): more than any package this app makes`,
  ),
  encrypted: b('压缩包已加密，请先取消密码', 'the zip is encrypted; remove its password first'),
  unsupported: b(
    '压缩包使用了无法读取的压缩方式',
    'the zip uses a compression this app cannot read',
  ),
};

const noWorkbook = (status: WorkbookStatus, reason: Bilingual): WorkbookCheck => ({
  status,
  reason,
  differences: [],
  differenceCount: 0,
});

const refused = (status: WorkbookStatus, reason: Bilingual): PackageVerification => ({
  manifest: null,
  envelope: null,
  check: noWorkbook(status, reason),
  problems: [{ kind: 'unreadable', text: reason }],
  filesChecked: 0,
  missing: [],
});

/** The bytes as UTF-8 text; null when they are not UTF-8, undefined when there are none. */
function utf8Text(bytes: Uint8Array | undefined): string | null | undefined {
  if (!bytes) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Checks a submission package (docs/formats.md, "Verifying a package"): read through the app's
 * zip reader within PACKAGE_ZIP_LIMITS, its manifest validated, every path plain and relative,
 * every file listed and there with its SHA-256 and size, its one workbook verified (that verdict
 * is the package's), and each evidence file one the workbook's inspection references. Never
 * throws for bad input and never writes anything.
 */
export function verifyPackage(bytes: Uint8Array): PackageVerification {
  if (!isZipBytes(bytes))
    return refused('not-workbook', b('不是报送材料（.zip）', 'not a submission package (.zip)'));
  const zip = readZip(bytes, PACKAGE_ZIP_LIMITS);
  if (!zip.ok) {
    // The zip reader refuses a name that could reach outside the folder it is unpacked to
    // before anything else: say which.
    const name = /^unsafe entry name (".*")$/.exec(zip.reason)?.[1];
    if (name !== undefined) {
      const text = b(
        `压缩包中的文件名 ${name} 不安全（可能写到解压文件夹之外）`,
        `the zip holds a file with an unsafe name ${name} (it could be written outside the folder it is unpacked to)`,
      );
      const path = JSON.parse(name) as string;
      return { ...refused('unreadable', text), problems: [{ kind: 'unsafe-path', path, text }] };
    }
    return refused('unreadable', REFUSALS[zip.refusal]);
  }
  const read = parseManifest(utf8Text(zip.entries.find((e) => e.name === MANIFEST_PATH)?.data));
  if ('problem' in read) {
    return {
      ...refused('not-workbook', read.problem.text),
      problems: [read.problem],
    };
  }
  const { manifest } = read;
  const files = zip.entries.filter((e) => e.name !== MANIFEST_PATH);
  const problems = checkPackageFiles(
    manifest,
    files.map((e) => ({ path: e.name, sha256: sha256Of(e.data), size: e.data.length })),
  );
  const listed = manifest.files.filter((f) => f.role === 'workbook');
  const entry = listed.length === 1 ? files.find((e) => e.name === listed[0]!.path) : undefined;
  if (!entry) {
    const why = problems.find((p) => p.kind === 'workbook-count' || p.path === listed[0]?.path);
    return {
      manifest,
      envelope: null,
      check: noWorkbook(
        'not-workbook',
        why?.text ?? b('报送材料中没有工作簿', 'the package holds no workbook'),
      ),
      problems,
      filesChecked: manifest.files.length,
      missing: manifest.missing,
    };
  }
  const workbook = verifyWorkbook(entry.data);
  return {
    manifest,
    envelope: workbook.envelope,
    check: workbook.check,
    problems: workbook.envelope
      ? [...problems, ...checkPackageEvidence(manifest, workbook.envelope.inspection)]
      : problems,
    filesChecked: manifest.files.length,
    missing: manifest.missing,
  };
}
