import { reviewInspection } from '../../../shared/inspection/review';
import type { Inspection, Signoff } from '../../../shared/inspection/schema';
import type { ReportInput } from '../../../shared/report/report-input';
import type { Template } from '../../../shared/template/schema';
import { b, evidence, newInspection, NOW, sha, TEMPLATE } from '../inspection/fixtures';

export const TODAY = '2026-11-30';

/** A sign-off as a file holds it (the report takes the signature check's verdict as given). */
export function signoff(extra: Partial<Signoff> = {}): Signoff {
  return {
    signer: '王校长',
    title: '校长',
    date: '2026-11-30',
    comment: '同意。',
    method: 'drawn',
    image: evidence(9, '签名.png'),
    signedAt: '2026-11-30T02:10:00.000Z',
    auditCount: 1,
    publicKey: `MCowBQYDK2VwAyEA${'A'.repeat(43)}=`,
    keyFingerprint: '3f2a9c01'.repeat(8),
    contentHash: sha(0xc0ffee),
    signature: `${'A'.repeat(85)}A==`,
    ...extra,
  };
}

export function signedInspection(extra: Partial<Signoff> = {}, base = newInspection()): Inspection {
  return { ...base, state: 'signed', signoff: signoff(extra) };
}

/** A PNG as a data: URL, as the Node side embeds a drawn signature. */
export const SIGNATURE_DATA_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAE=';

interface Options {
  readonly inspection?: Inspection;
  readonly template?: Template;
  readonly language?: ReportInput['language'];
  readonly signatureStatus?: ReportInput['signatureStatus'];
  readonly signatureImage?: string;
}

/** Everything the report needs, the review worked out as the Node side does. */
export function reportInput(options: Options = {}): ReportInput {
  const inspection = options.inspection ?? newInspection();
  const template = options.template ?? TEMPLATE;
  return {
    inspection,
    template,
    review: reviewInspection(template, inspection, TODAY),
    language: options.language ?? 'zh-CN',
    today: TODAY,
    timeZone: 'Asia/Shanghai',
    signatureStatus: options.signatureStatus ?? (inspection.signoff ? 'valid' : 'unsigned'),
    ...(options.signatureImage === undefined ? {} : { signatureImage: options.signatureImage }),
  };
}

export { b, NOW };
