import { createHash } from 'node:crypto';
import type { FileIntake, RejectedIntake, RejectionStatus } from '../../../shared/bureau/intake';
import type { EvaluatedAs, SubmissionTemplate } from '../../../shared/bureau/submission';
import { submissionTemplate, summariseSubmission } from '../../../shared/bureau/submission';
import type { Bilingual } from '../../../shared/i18n/locale';
import type { WorkbookEnvelope } from '../../../shared/workbook/envelope';
import { MAX_WORKBOOK_BYTES } from '../../../shared/workbook/opened';
import type { WorkbookCheck } from '../../../shared/workbook/verdict';
import { isPackageBytes, MAX_PACKAGE_FILE_BYTES, verifyPackage } from '../workbook/package-verify';
import { isZipBytes } from '../workbook/workbook-read';
import { verifyWorkbook } from '../workbook/workbook-verify';

/**
 * One file a bureau received, checked exactly as `qinglang verify` checks it: a zip holding
 * manifest.json is a submission package (verifyPackage), anything else a bureau workbook
 * (verifyWorkbook). A signed workbook (or a draft: the merge decides whether drafts count) is
 * accepted with what the bureau keeps of it; anything else is rejected with verify's reason.
 */

export interface IntakeResult {
  readonly intake: FileIntake;
  /** The checklist the accepted submission was filled against (the same for most files). */
  readonly template?: SubmissionTemplate;
}

const MB = 1024 * 1024;

const b = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

export const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** The largest file of either kind read at all: a package may carry evidence. */
export const MAX_INTAKE_FILE_BYTES = Math.max(MAX_WORKBOOK_BYTES, MAX_PACKAGE_FILE_BYTES);

export const tooLargeReason = (size: number, cap: number): Bilingual =>
  b(
    `文件太大（${(size / MB).toFixed(1)} MB），不是本程序导出的工作簿或报送材料（最大 ${cap / MB} MB）`,
    `the file is too large (${(size / MB).toFixed(1)} MB): more than any workbook or package this app writes (at most ${cap / MB} MB)`,
  );

const UNREADABLE = b(
  '读取文件时出错，无法检查',
  'something went wrong while reading the file; it could not be checked',
);

export function rejected(
  file: string,
  size: number,
  status: RejectionStatus,
  reason: Bilingual,
  sha256?: string,
): RejectedIntake {
  return {
    outcome: 'rejected',
    file,
    ...(sha256 !== undefined && { sha256 }),
    size,
    status,
    reason,
  };
}

/** Checks one file's bytes (`file` is the name shown). Never throws. */
export function intakeFile(file: string, bytes: Uint8Array, today: string): IntakeResult {
  const size = bytes.length;
  try {
    // A zip's first bytes decide which cap applies, before anything is inflated.
    const zip = isZipBytes(bytes);
    const cap = zip ? MAX_PACKAGE_FILE_BYTES : MAX_WORKBOOK_BYTES;
    if (size > cap) return { intake: rejected(file, size, 'too-large', tooLargeReason(size, cap)) };
    const sha256 = sha256Hex(bytes);
    // A zip holding manifest.json is a package, as verify tells it; so is a zip named .zip whose
    // names verify refuses to list (one reaching outside its folder): the package check says why.
    const isPackage = zip && (isPackageBytes(bytes) || /\.zip$/i.test(file));
    if (!isPackage && size > MAX_WORKBOOK_BYTES)
      return {
        intake: rejected(file, size, 'too-large', tooLargeReason(size, MAX_WORKBOOK_BYTES), sha256),
      };
    const verified: Verified = isPackage ? packageVerdict(bytes) : verifyWorkbook(bytes);
    const { envelope, check, problem } = verified;
    if (problem) return { intake: rejected(file, size, 'package-invalid', problem, sha256) };
    if (!envelope || (check.status !== 'signed' && check.status !== 'draft'))
      return { intake: rejected(file, size, rejectionOf(check), check.reason, sha256) };
    return {
      intake: {
        outcome: 'accepted',
        file,
        sha256,
        size,
        kind: isPackage ? 'package' : 'workbook',
        submission: summariseSubmission(envelope, today, verified.evaluated),
      },
      template: submissionTemplate(envelope),
    };
  } catch {
    return { intake: rejected(file, size, 'unreadable', UNREADABLE) };
  }
}

function rejectionOf(check: WorkbookCheck): RejectionStatus {
  // 'signed' with no envelope cannot happen; were it to, the file is not taken.
  return check.status === 'signed' ? 'unreadable' : check.status;
}

interface Verified {
  readonly envelope: WorkbookEnvelope | null;
  readonly check: WorkbookCheck;
  readonly evaluated?: EvaluatedAs;
  /** What is wrong with the package itself: its first problem. */
  readonly problem?: Bilingual;
}

/** A package is taken only when nothing about it is wrong; its workbook's verdict is its own. */
function packageVerdict(bytes: Uint8Array): Verified {
  const result = verifyPackage(bytes);
  const first = result.problems[0];
  return {
    envelope: result.envelope,
    check: result.check,
    ...(first && { problem: first.text }),
  };
}
