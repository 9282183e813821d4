import { AppError } from '../errors';
import type { Bilingual } from '../i18n/locale';
import { localIsoDate } from '../local-date';
import type { Template } from '../template/schema';
import { canonicalText } from './canonical';
import { MAX_IMPORT_BYTES, SIGNOFF_IMAGE_TYPES } from './patterns';
import { reviewInspection } from './review';
import type { PlannedSave, SaveTarget } from './save';
import type { EvidenceRef, Inspection, Signoff, SignoffMethod } from './schema';
import { inspectionSchema } from './schema';

/** What the principal gives when signing. */
export interface SignRequest {
  readonly signer: string;
  readonly title: string;
  readonly date: string;
  readonly comment?: string;
  readonly method: SignoffMethod;
  /** The drawn signature (a PNG), or the scan of the page signed and sealed on paper. */
  readonly image: EvidenceRef;
}

/**
 * This installation's key, as the pure steps need it. The Node side implements it with
 * node:crypto; the text given is hashed and signed as UTF-8.
 */
export interface Signer {
  /** base64 of the Ed25519 public key's SubjectPublicKeyInfo DER. */
  readonly publicKey: string;
  /** SHA-256 of that DER, hex. */
  readonly fingerprint: string;
  sha256(text: string): string;
  /** Ed25519 signature over the text's UTF-8 bytes, base64. */
  sign(text: string): string;
}

/** The sign-off fields the signature covers; the three left out are computed from the rest. */
type SignedSignoff = Omit<Signoff, 'contentHash' | 'keyFingerprint' | 'signature'>;

/**
 * The content a sign-off signs (docs/formats.md, "Signed content"): the whole inspection but for
 * `state` (signed is what a valid sign-off means), `updatedAt` (moved by what happens after
 * signing: trash, restore), the audit entries after the sign-off's (trash, restore and a reopen
 * happen later), and the sign-off's hash, fingerprint and signature (computed from the rest).
 */
export function signedContent(inspection: Inspection, signoff: SignedSignoff): unknown {
  const { state, updatedAt, audit, signoff: stored, ...rest } = inspection;
  void state;
  void updatedAt;
  void stored;
  const covered: SignedSignoff = {
    signer: signoff.signer,
    title: signoff.title,
    date: signoff.date,
    ...(signoff.comment !== undefined && { comment: signoff.comment }),
    method: signoff.method,
    image: signoff.image,
    signedAt: signoff.signedAt,
    auditCount: signoff.auditCount,
    publicKey: signoff.publicKey,
  };
  return { ...rest, audit: audit.slice(0, signoff.auditCount), signoff: covered };
}

/** The exact text that is hashed and signed: canonical JSON, keys sorted, no whitespace. */
export function signedText(inspection: Inspection & { readonly signoff: Signoff }): string {
  return canonicalText(signedContent(inspection, inspection.signoff));
}

const refuse = (zh: string, en: string): never => {
  throw new AppError('signoff-refused', { 'zh-CN': zh, 'en-US': en });
};

/** The one list the sign-off form checks a chosen scan against, too. */
const IMAGE_TYPES: Readonly<Record<SignoffMethod, readonly string[]>> = SIGNOFF_IMAGE_TYPES;

/**
 * Signs an inspection: nothing may block sign-off, the inspection must have been handed to the
 * principal (ready), and the signature image must be of the right kind. Returns what to write.
 */
export function planSign(
  target: SaveTarget,
  request: SignRequest,
  now: string,
  signer: Signer,
): PlannedSave {
  const { inspection, template } = target;
  if (target.trashed) throw new AppError('inspection-not-found');
  if (inspection.state === 'signed' || inspection.signoff) throw new AppError('inspection-signed');
  if (!template) throw new AppError('template-not-found');
  if (inspection.state !== 'ready') {
    refuse(
      '请先在“审阅”中点击“交给校长签字”，再签字。',
      'Hand it to the principal under Review first ("Ready for sign-off"), then sign.',
    );
  }
  const blockers = blockersOf(template, inspection, now);
  if (blockers > 0) throw new AppError('signoff-blocked', blockedMessage(blockers));
  if (!IMAGE_TYPES[request.method].includes(request.image.type)) {
    if (request.method === 'drawn')
      refuse('签名图片应为 PNG。', 'A drawn signature must be a PNG.');
    refuse(
      '纸质签字页的扫描件应为 PDF、PNG 或 JPEG。',
      'The scan of the signed page must be a PDF, PNG or JPEG.',
    );
  }
  if (request.date > localIsoDate(new Date(now))) {
    refuse('签字日期不能晚于今天。', 'The date of signing cannot be after today.');
  }
  return signInspection(inspection, request, now, signer);
}

/**
 * The signing itself, without the workflow checks planSign makes first (ready, nothing blocking,
 * the image's kind, the date): adds the `signed` audit entry, signs the content and locks the
 * inspection. planSign is the only door for a person's sign-off; sample data, "signed at the
 * school" with the school's own key, is signed here once its generator found nothing blocking.
 */
export function signInspection(
  inspection: Inspection,
  request: SignRequest,
  now: string,
  signer: Signer,
): PlannedSave {
  if (inspection.state === 'signed' || inspection.signoff) throw new AppError('inspection-signed');
  const audit = [
    ...inspection.audit,
    { at: now, event: 'signed' as const, detail: `${request.signer} ${request.title}` },
  ];
  const covered: SignedSignoff = {
    signer: request.signer,
    title: request.title,
    date: request.date,
    ...(request.comment !== undefined &&
      request.comment.trim() !== '' && { comment: request.comment }),
    method: request.method,
    image: request.image,
    signedAt: now,
    auditCount: audit.length,
    publicKey: signer.publicKey,
  };
  const text = canonicalText(signedContent({ ...inspection, audit }, covered));
  const signoff: Signoff = {
    ...covered,
    keyFingerprint: signer.fingerprint,
    contentHash: signer.sha256(text),
    signature: signer.sign(text),
  };
  return checked({ ...inspection, state: 'signed', updatedAt: now, signoff, audit });
}

/**
 * Reopens a signed inspection: the sign-off is voided, kept whole in `reopened` with the reason,
 * and the inspection is a draft again.
 */
export function planReopen(target: SaveTarget, reason: string, now: string): PlannedSave {
  const { inspection } = target;
  if (target.trashed) throw new AppError('inspection-not-found');
  const { signoff } = inspection;
  if (!signoff) {
    refuse(
      '这份检查还没有签字，不需要重新打开。',
      'This inspection is not signed; there is nothing to reopen.',
    );
  }
  const trimmed = reason.trim();
  if (trimmed === '') refuse('请写明重新打开的原因。', 'Give the reason for reopening it.');
  const rest = { ...inspection };
  delete rest.signoff;
  return checked({
    ...rest,
    state: 'draft',
    updatedAt: now,
    reopened: [...inspection.reopened, { at: now, reason: trimmed, signoff: signoff! }],
    audit: [...inspection.audit, { at: now, event: 'reopened', detail: trimmed }],
  });
}

function blockersOf(template: Template, inspection: Inspection, now: string): number {
  return reviewInspection(template, inspection, localIsoDate(new Date(now))).blockers.length;
}

const blockedMessage = (count: number): Bilingual => ({
  'zh-CN': `还有 ${count} 处问题没有处理，不能签字。`,
  'en-US': `${count} ${count === 1 ? 'thing is' : 'things are'} left to fix; it cannot be signed yet.`,
});

function checked(inspection: Inspection): PlannedSave {
  const parsed = inspectionSchema.safeParse(inspection);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    refuse(`签字信息不符合要求（${where}）。`, `The sign-off is not valid (${where}).`);
  }
  const data = parsed.data!;
  const json = JSON.stringify(data);
  if (json.length > MAX_IMPORT_BYTES) {
    refuse(
      '这份检查已达到 20 MB 的上限，无法保存。',
      'This inspection has reached the 20 MB limit.',
    );
  }
  return { inspection: data, json };
}
