import { z } from 'zod';
import type { Bilingual } from '../i18n/locale';
import type { Inspection } from '../inspection/schema';
import type { PackageManifest } from './manifest';
import {
  EVIDENCE_FOLDER,
  MANIFEST_PATH,
  manifestSchema,
  PACKAGE_FORMAT,
  packagePathProblem,
  referencedEvidence,
} from './manifest';

/**
 * Checking a submission package against its manifest, as pure decisions: the service reads the
 * zip and hashes each file, this says what is wrong, each problem in both languages and naming
 * the file. What the package's workbook says is judged by verifyWorkbook, not here.
 */

export const PACKAGE_PROBLEM_KINDS = [
  'unreadable',
  'no-manifest',
  'manifest-invalid',
  'newer-format',
  'unsafe-path',
  'duplicate-path',
  'extra-file',
  'missing-file',
  'file-changed',
  'workbook-count',
  'report-count',
  'evidence-path',
  'evidence-unreferenced',
  'evidence-unlisted',
  'manifest-mismatch',
] as const;
export type PackageProblemKind = (typeof PACKAGE_PROBLEM_KINDS)[number];

export const packageProblemSchema = z.object({
  kind: z.enum(PACKAGE_PROBLEM_KINDS),
  /** The file (a path in the zip or the manifest) the problem is about, when it is about one. */
  path: z.string().optional(),
  text: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
});
export type PackageProblem = z.infer<typeof packageProblemSchema>;

/** One file found in the zip, hashed. */
export interface PackageEntryFacts {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

const b = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

/** A path as it may be printed: quoted, control characters escaped, long ones cut. */
export function shownPath(path: string): string {
  const cut = path.length > 120 ? `${path.slice(0, 117)}…` : path;
  return JSON.stringify(cut);
}

const problem = (kind: PackageProblemKind, text: Bilingual, path?: string): PackageProblem =>
  path === undefined ? { kind, text } : { kind, path, text };

/**
 * The manifest's JSON read and checked, or the problem that stops the package being checked.
 * `text` is the manifest's UTF-8 text: undefined when the zip has none, null when it is not UTF-8.
 */
export function parseManifest(
  text: string | null | undefined,
): { readonly manifest: PackageManifest } | { readonly problem: PackageProblem } {
  if (text === undefined) {
    return {
      problem: problem(
        'no-manifest',
        b(
          `不是报送材料：压缩包中没有 ${MANIFEST_PATH}`,
          `not a submission package: the zip has no ${MANIFEST_PATH}`,
        ),
      ),
    };
  }
  let value: unknown;
  try {
    if (text === null) throw new Error('not UTF-8');
    value = JSON.parse(text);
  } catch {
    return { problem: invalid(b('不是有效的 UTF-8 JSON', 'it is not valid UTF-8 JSON')) };
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (
    typeof format === 'string' &&
    format !== PACKAGE_FORMAT &&
    /^qinglang-package\/\d+$/.test(format)
  ) {
    return {
      problem: problem(
        'newer-format',
        b(
          `报送材料的格式 ${format} 比本程序新，请升级后再验证`,
          `the package's format ${format} is newer than this app; upgrade to verify it`,
        ),
        MANIFEST_PATH,
      ),
    };
  }
  const parsed = manifestSchema.safeParse(value);
  if (parsed.success) return { manifest: parsed.data };
  const [issue] = parsed.error.issues;
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : '$';
  return {
    problem: invalid(b(`字段 ${where} 的值无效`, `${where}: ${issue?.message ?? ''}`)),
  };
}

const invalid = (why: Bilingual) =>
  problem(
    'manifest-invalid',
    b(
      `清单 ${MANIFEST_PATH} 无效：${why['zh-CN']}`,
      `the manifest ${MANIFEST_PATH} is not valid: ${why['en-US']}`,
    ),
    MANIFEST_PATH,
  );

const unsafe = (path: string, why: Bilingual, where: Bilingual) =>
  problem(
    'unsafe-path',
    b(
      `${where['zh-CN']}的路径 ${shownPath(path)} 不安全：${why['zh-CN']}`,
      `${where['en-US']} names an unsafe path ${shownPath(path)}: ${why['en-US']}`,
    ),
    path,
  );

const IN_MANIFEST = b('清单', 'the manifest');
const IN_ZIP = b('压缩包', 'the zip');

/**
 * Every file of the zip against the manifest: each path plain and relative, listed once, every
 * file listed and every listed file there, with the size and SHA-256 the manifest gives; and
 * exactly one workbook and one report.
 */
export function checkPackageFiles(
  manifest: PackageManifest,
  entries: readonly PackageEntryFacts[],
): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const found = new Map(entries.map((e) => [e.path, e] as const));
  const listed = new Set<string>();
  for (const file of manifest.files) {
    const why = packagePathProblem(file.path);
    if (why) {
      problems.push(unsafe(file.path, why, IN_MANIFEST));
      listed.add(file.path); // said once, not again as a file of the zip
      continue;
    }
    if (file.path === MANIFEST_PATH || listed.has(file.path)) {
      problems.push(
        problem(
          'duplicate-path',
          b(
            `清单重复列出 ${shownPath(file.path)}`,
            `the manifest lists ${shownPath(file.path)} twice`,
          ),
          file.path,
        ),
      );
      continue;
    }
    listed.add(file.path);
    const entry = found.get(file.path);
    if (!entry) {
      problems.push(
        problem(
          'missing-file',
          b(
            `缺少清单所列的文件 ${shownPath(file.path)}`,
            `the file ${shownPath(file.path)} the manifest lists is not in the zip`,
          ),
          file.path,
        ),
      );
    } else if (entry.sha256 !== file.sha256 || entry.size !== file.size) {
      problems.push(
        problem(
          'file-changed',
          b(
            `文件 ${shownPath(file.path)} 与清单不符（大小或 SHA-256 不同），已被改动或损坏`,
            `the file ${shownPath(file.path)} does not match the manifest (its size or SHA-256 differs): it was changed or damaged`,
          ),
          file.path,
        ),
      );
    }
  }
  for (const entry of entries) {
    if (listed.has(entry.path)) continue;
    const why = packagePathProblem(entry.path);
    problems.push(
      why
        ? unsafe(entry.path, why, IN_ZIP)
        : problem(
            'extra-file',
            b(
              `多出清单未列的文件 ${shownPath(entry.path)}`,
              `the zip holds ${shownPath(entry.path)}, which the manifest does not list`,
            ),
            entry.path,
          ),
    );
  }
  return [...problems, ...countProblems(manifest)];
}

function countProblems(manifest: PackageManifest): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const workbooks = manifest.files.filter((f) => f.role === 'workbook').length;
  const reports = manifest.files.filter((f) => f.role === 'report').length;
  if (workbooks !== 1) {
    problems.push(
      problem(
        'workbook-count',
        b(
          `清单列出 ${workbooks} 个工作簿，应为 1 个`,
          `the manifest lists ${workbooks} workbooks, not exactly one`,
        ),
      ),
    );
  }
  if (reports !== 1) {
    problems.push(
      problem(
        'report-count',
        b(
          `清单列出 ${reports} 份报告，应为 1 份`,
          `the manifest lists ${reports} reports, not exactly one`,
        ),
      ),
    );
  }
  return problems;
}

/**
 * The manifest against the inspection the package's workbook carries: the same school, term,
 * inspection, state and content hash; every evidence file one the inspection references; and
 * every file it references either in the package or listed as missing.
 */
export function checkPackageEvidence(
  manifest: PackageManifest,
  inspection: Inspection,
): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const mismatch = (zh: string, en: string) =>
    problems.push(
      problem(
        'manifest-mismatch',
        b(`清单与工作簿不符：${zh}`, `the manifest does not match the workbook: ${en}`),
        MANIFEST_PATH,
      ),
    );
  if (manifest.school.code !== inspection.school.code)
    mismatch('学校标识码不同', 'another school code');
  if (
    manifest.period.year !== inspection.period.year ||
    manifest.period.term !== inspection.period.term
  )
    mismatch('学期不同', 'another term');
  if (manifest.inspectionId !== inspection.id) mismatch('检查编号不同', 'another inspection id');
  if (manifest.state !== inspection.state) mismatch('状态不同', 'another state');
  if (manifest.contentHash !== inspection.signoff?.contentHash)
    mismatch('内容散列不同', 'another content hash');

  const referenced = new Set(referencedEvidence(inspection).map((r) => r.sha256));
  const accounted = new Set<string>();
  for (const file of manifest.files) {
    if (file.role !== 'evidence') continue;
    accounted.add(file.sha256);
    if (!file.path.startsWith(`${EVIDENCE_FOLDER}/${file.sha256}-`)) {
      problems.push(
        problem(
          'evidence-path',
          b(
            `附件 ${shownPath(file.path)} 应位于 ${EVIDENCE_FOLDER}/ 下并以其 SHA-256 开头`,
            `the evidence file ${shownPath(file.path)} should be in ${EVIDENCE_FOLDER}/ and named by its SHA-256`,
          ),
          file.path,
        ),
      );
    }
    if (!referenced.has(file.sha256)) problems.push(unreferenced(file.path));
  }
  for (const gone of manifest.missing) {
    accounted.add(gone.sha256);
    if (!referenced.has(gone.sha256)) problems.push(unreferenced(gone.name));
  }
  const unlisted = [...referenced].filter((sha256) => !accounted.has(sha256));
  if (unlisted.length > 0) {
    problems.push(
      problem(
        'evidence-unlisted',
        b(
          `检查引用的 ${unlisted.length} 个附件既不在报送材料中，也未列为缺失`,
          `${unlisted.length} evidence file(s) the inspection references are neither in the package nor listed as missing`,
        ),
      ),
    );
  }
  return problems;
}

const unreferenced = (path: string) =>
  problem(
    'evidence-unreferenced',
    b(
      `附件 ${shownPath(path)} 不属于这份检查（检查中没有引用它）`,
      `the evidence file ${shownPath(path)} is not part of the inspection (it references no such file)`,
    ),
    path,
  );
