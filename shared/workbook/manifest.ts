import { z } from 'zod';
import type { Bilingual } from '../i18n/locale';
import { LOCALES } from '../i18n/locale';
import { evidenceName } from '../inspection/evidence-files';
import type { EvidenceRef, Inspection } from '../inspection/schema';
import {
  INSPECTION_STATES,
  inspectionIdSchema,
  periodSchema,
  sha256Schema,
} from '../inspection/schema';

/**
 * The submission package (docs/formats.md, "The submission package"): one zip holding the bureau
 * workbook, the PDF report, the evidence files the inspection references, and `manifest.json`
 * listing each of them with its SHA-256 and size. This module is its pure part: the manifest's
 * schema, the rules every path in it must follow, and which evidence an inspection references.
 */

export const PACKAGE_FORMAT = 'qinglang-package/1';
/** The manifest's place in the zip; it does not list itself. */
export const MANIFEST_PATH = 'manifest.json';
/** Evidence files sit in this folder, as `evidence/<sha256>-<name>`. */
export const EVIDENCE_FOLDER = 'evidence';

export const PACKAGE_ROLES = ['workbook', 'report', 'evidence'] as const;
export type PackageRole = (typeof PACKAGE_ROLES)[number];

/** The longest path a manifest may name (an evidence path is at most 9 + 64 + 1 + 80). */
export const MAX_PACKAGE_PATH = 300;
/** How many files a package may hold besides its manifest. */
export const MAX_PACKAGE_FILES = 10_000;
/**
 * What all the files of a package together may come to: evidence files are at most 50 MB each,
 * and a package bigger than this is not made, and refused by verify before it is unpacked.
 */
export const MAX_PACKAGE_UNPACKED_BYTES = 500 * 1024 * 1024;
/** The longest original name kept in an evidence file's path, in characters. */
const MAX_EVIDENCE_PATH_NAME = 80;

export const manifestFileSchema = z.strictObject({
  /** Checked by packagePathProblem, which says what is wrong with it. */
  path: z.string().max(4096),
  role: z.enum(PACKAGE_ROLES),
  sha256: sha256Schema,
  size: z.number().int().min(0),
});
export type ManifestFile = z.infer<typeof manifestFileSchema>;

/** An evidence file the inspection references that was not on the computer that made the package. */
export const manifestMissingSchema = z.strictObject({
  sha256: sha256Schema,
  name: z.string().max(255),
  size: z.number().int().min(0),
});
export type ManifestMissing = z.infer<typeof manifestMissingSchema>;

export const manifestSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  /** The language of the workbook and the report in the package. */
  language: z.enum(LOCALES),
  appVersion: z.string().max(50),
  school: z.strictObject({ code: z.string().max(32), name: z.string().max(100) }),
  period: periodSchema,
  inspectionId: inspectionIdSchema,
  state: z.enum(INSPECTION_STATES),
  /** The sign-off's content hash, when the inspection is signed. */
  contentHash: sha256Schema.optional(),
  files: z.array(manifestFileSchema).max(MAX_PACKAGE_FILES),
  missing: z.array(manifestMissingSchema).max(MAX_PACKAGE_FILES),
});
export type PackageManifest = z.infer<typeof manifestSchema>;

const b = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

/**
 * Why a path may not be in a package, or null when it may: it must be a plain relative path, the
 * same on every system and inside the folder it is unpacked to. No `..` or `.` segment, no
 * absolute path, no backslash, no drive letter, no empty segment, no control character.
 */
export function packagePathProblem(path: string): Bilingual | null {
  if (path === '') return b('路径为空', 'the path is empty');
  if (path.length > MAX_PACKAGE_PATH)
    return b(
      `路径超过 ${MAX_PACKAGE_PATH} 个字符`,
      `the path is over ${MAX_PACKAGE_PATH} characters`,
    );
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path))
    return b('路径含控制字符', 'the path has control characters');
  if (path.includes('\\')) return b('路径含反斜杠 \\', 'the path has a backslash');
  if (/^[A-Za-z]:/.test(path)) return b('路径含盘符', 'the path names a drive');
  if (path.startsWith('/')) return b('是绝对路径', 'it is an absolute path');
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return b('路径含 ..', 'the path has a ".." segment');
  if (segments.some((s) => s === '.')) return b('路径含 .', 'the path has a "." segment');
  if (segments.some((s) => s === ''))
    return b('路径含空的一段（//）', 'the path has an empty segment');
  return null;
}

/**
 * Every evidence file the inspection references, once each: its answers' files, its register
 * rows' files and the sign-off image, in that order (a file attached twice keeps its first name).
 */
export function referencedEvidence(inspection: Inspection): EvidenceRef[] {
  const seen = new Map<string, EvidenceRef>();
  const add = (ref: EvidenceRef) => {
    if (!seen.has(ref.sha256)) seen.set(ref.sha256, ref);
  };
  for (const answer of Object.values(inspection.answers)) answer.evidence.forEach(add);
  for (const rows of Object.values(inspection.registers))
    for (const row of rows) row.evidence.forEach(add);
  if (inspection.signoff) add(inspection.signoff.image);
  return [...seen.values()];
}

/**
 * Where an evidence file goes in the package: `evidence/<sha256>-<name>`, the name as the
 * evidence store shows it, with the characters Windows refuses in a file name replaced and cut to
 * 80 characters (keeping a short extension), so every unzip tool on every system can write it.
 */
export function evidencePath(ref: Pick<EvidenceRef, 'sha256' | 'name'>): string {
  let name = evidenceName(ref.name)
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/[. ]+$/, '');
  if (name.length > MAX_EVIDENCE_PATH_NAME) {
    const ext = /\.[^.]{1,10}$/.exec(name)?.[0] ?? '';
    let end = MAX_EVIDENCE_PATH_NAME - ext.length;
    if (/[\uD800-\uDBFF]/.test(name.charAt(end - 1))) end -= 1;
    name = `${name.slice(0, end)}${ext}`;
  }
  return `${EVIDENCE_FOLDER}/${ref.sha256}-${name === '' ? 'file' : name}`;
}

/** The manifest of a package made from `inspection` (as the workbook carries it). */
export function packageManifest(
  inspection: Inspection,
  options: {
    readonly language: PackageManifest['language'];
    readonly appVersion: string;
    readonly files: readonly ManifestFile[];
    readonly missing: readonly ManifestMissing[];
  },
): PackageManifest {
  const { signoff } = inspection;
  return {
    format: PACKAGE_FORMAT,
    language: options.language,
    appVersion: options.appVersion,
    school: { code: inspection.school.code, name: inspection.school.name },
    period: { year: inspection.period.year, term: inspection.period.term },
    inspectionId: inspection.id,
    state: inspection.state,
    ...(signoff ? { contentHash: signoff.contentHash } : {}),
    files: [...options.files],
    missing: [...options.missing],
  };
}
