import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locale';
import type { EvidenceRef, Inspection } from '../../../shared/inspection/schema';
import { workbookInspection } from '../../../shared/workbook/envelope';
import { packageFileName } from '../../../shared/workbook/file-names';
import type { ManifestFile, ManifestMissing } from '../../../shared/workbook/manifest';
import {
  evidencePath,
  MANIFEST_PATH,
  MAX_PACKAGE_FILES,
  MAX_PACKAGE_UNPACKED_BYTES,
  packageManifest,
  referencedEvidence,
} from '../../../shared/workbook/manifest';
import type { EvidenceStore } from '../evidence/evidence-store';
import type { PdfPrinter } from '../report/pdf-printer';
import type { ReportSources } from '../report/report-document';
import { reportDocument } from '../report/report-document';
import type { ZipEntry } from '../zip/zip-reader';
import { writeDeflatedZip } from '../zip/zip-writer';
import type { ExportedFile } from './workbook-export';
import { exportWorkbook } from './workbook-export';

/** A package made: its bytes, the name to offer, and the evidence it could not include. */
export interface ExportedPackage extends ExportedFile {
  /** Evidence files not on this computer (or damaged here): listed as missing in the manifest. */
  readonly missing: readonly ManifestMissing[];
}

/** What a package is made from besides the inspection: the app's stores, or the CLI's. */
export interface PackageSources {
  readonly templates: ReportSources['templates'];
  readonly evidence: Pick<EvidenceStore, 'has' | 'read'>;
  readonly printer: PdfPrinter;
  readonly appVersion: string;
  readonly now: () => Date;
}

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const MB = 1024 * 1024;

function tooLarge(bytes: number): AppError {
  const mb = (bytes / MB).toFixed(0);
  const cap = MAX_PACKAGE_UNPACKED_BYTES / MB;
  return new AppError('package-too-large', {
    'zh-CN': `报送材料的文件合计约 ${mb} MB，超过上限 ${cap} MB，无法生成。请只导出工作簿和报告，附件另行报送。`,
    'en-US': `The files of the submission package come to about ${mb} MB, over the ${cap} MB limit, so it cannot be made. Export the workbook and the report, and send the evidence separately.`,
  });
}

/**
 * The evidence files this computer holds, each read and checked against its hash; those it does
 * not hold (or holds damaged) are listed as missing, never silently dropped.
 */
async function collectEvidence(
  refs: readonly EvidenceRef[],
  store: PackageSources['evidence'],
  start: number,
): Promise<{ entries: ZipEntry[]; files: ManifestFile[]; missing: ManifestMissing[] }> {
  const found: { entry: ZipEntry; file: ManifestFile }[] = [];
  const missing: ManifestMissing[] = [];
  let total = start;
  for (const ref of refs) {
    const bytes = store.has(ref.sha256) ? await readOrNull(store, ref.sha256) : null;
    if (!bytes || sha256Of(bytes) !== ref.sha256) {
      missing.push({ sha256: ref.sha256, name: ref.name, size: ref.size });
      continue;
    }
    total += bytes.length;
    if (total > MAX_PACKAGE_UNPACKED_BYTES) throw tooLarge(total);
    const path = evidencePath(ref);
    found.push({
      entry: { name: path, data: bytes },
      file: { path, role: 'evidence', sha256: ref.sha256, size: bytes.length },
    });
  }
  found.sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
  return { entries: found.map((f) => f.entry), files: found.map((f) => f.file), missing };
}

async function readOrNull(
  store: PackageSources['evidence'],
  sha256: string,
): Promise<Uint8Array | null> {
  try {
    return (await store.read(sha256)).bytes;
  } catch {
    return null;
  }
}

/**
 * The submission package of an inspection (docs/formats.md, "The submission package"): its
 * bureau workbook, its PDF report, every evidence file it references that this computer holds,
 * and manifest.json listing each with its SHA-256 and size (and the evidence not here as
 * missing). The same inspection and report give the same bytes. Throws AppError when the
 * template is not installed, the PDF cannot be printed, or the package would pass its size limit.
 */
export async function buildPackage(
  inspection: Inspection,
  language: Locale,
  sources: PackageSources,
): Promise<ExportedPackage> {
  const carried = workbookInspection(inspection);
  const refs = referencedEvidence(carried);
  // What the evidence says it weighs decides before a byte of it is read; what it does weigh, after.
  const declared = refs.reduce((sum, ref) => sum + ref.size, 0);
  if (declared > MAX_PACKAGE_UNPACKED_BYTES || refs.length + 2 > MAX_PACKAGE_FILES)
    throw tooLarge(declared);
  const workbook = exportWorkbook(inspection, language, sources.templates, sources.appVersion);
  const report = await reportDocument(inspection, language, {
    templates: sources.templates,
    evidence: sources.evidence,
    now: sources.now,
  });
  const pdf = await sources.printer.print(report.html, report.pages);
  // The manifest lists at most MAX_PACKAGE_FILES files, in well under 2 MB.
  const fixed = workbook.bytes.length + pdf.length + 2 * MB;
  const evidence = await collectEvidence(refs, sources.evidence, fixed);
  const files: ManifestFile[] = [
    {
      path: workbook.fileName,
      role: 'workbook',
      sha256: sha256Of(workbook.bytes),
      size: workbook.bytes.length,
    },
    { path: report.fileName, role: 'report', sha256: sha256Of(pdf), size: pdf.length },
    ...evidence.files,
  ];
  const manifest = packageManifest(carried, {
    language,
    appVersion: sources.appVersion,
    files,
    missing: evidence.missing,
  });
  const entries: ZipEntry[] = [
    { name: MANIFEST_PATH, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: workbook.fileName, data: workbook.bytes },
    { name: report.fileName, data: pdf },
    ...evidence.entries,
  ];
  const zip = writeDeflatedZip(entries);
  return {
    bytes: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength),
    fileName: packageFileName(inspection, language),
    missing: evidence.missing,
  };
}
