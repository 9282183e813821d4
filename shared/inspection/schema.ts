import { z } from 'zod';
import type { IssueKey } from '../issue-messages';
import { idSchema, VERSION_PATTERN } from '../template/schema';
import { ISO_DATE } from '../template/dates';
import { LIMITS, PHONE_PATTERN, SCHOOL_CODE_PATTERN, STAGES, TERMS, TEXT_LIMITS } from './patterns';
import { instantSchema, lineSchema, textSchema } from './text';

/** The format this app writes. It reads `/1` too, upgrading it (shared/migrations/inspection-format.ts). */
export const INSPECTION_FORMAT = 'qinglang-inspection/2';
export const INSPECTION_FORMAT_V1 = 'qinglang-inspection/1';

/** A pattern's message, by key, so whoever reports it says it in the user's language. */
const key = (message: IssueKey) => ({ message });

export { LIMITS };

export { STAGES, TERMS };
export type Stage = (typeof STAGES)[number];

export const schoolProfileSchema = z.strictObject({
  name: lineSchema(100),
  /** 学校标识码 (10 digits) or the code the district uses. */
  code: z.string().regex(SCHOOL_CODE_PATTERN, 'school-code' satisfies IssueKey),
  district: lineSchema(TEXT_LIMITS.district),
  stage: z.enum(STAGES),
  address: textSchema(TEXT_LIMITS.address),
  contactName: textSchema(TEXT_LIMITS.contactName),
  contactPhone: z.string().regex(PHONE_PATTERN, 'phone' satisfies IssueKey),
});
export type SchoolProfile = z.infer<typeof schoolProfileSchema>;

export type Term = (typeof TERMS)[number];
export const periodSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  term: z.enum(TERMS),
});
export type Period = z.infer<typeof periodSchema>;

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
export const sha256Schema = z.string().regex(SHA256_PATTERN, key('sha256'));

/** A file kept in the data folder, named by the SHA-256 of its bytes. */
export const evidenceRefSchema = z.strictObject({
  sha256: sha256Schema,
  name: lineSchema(255),
  size: z.number().int().min(0),
  type: z
    .string()
    .max(100)
    .regex(/^[\w.+-]+\/[\w.+-]+$|^$/, key('media-type')),
  addedAt: instantSchema,
});
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

/**
 * An answer's value, as the template engine reads it: text, a number, or a list of choices.
 * Whether it fits its item is the engine's judgement (a misfit counts as unanswered), so a value
 * typed halfway is kept rather than lost.
 */
export const answerValueSchema = z.union([
  textSchema(LIMITS.answerText),
  z.number().finite(),
  z.array(z.string().max(200)).max(200),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const cellValueSchema = z.union([
  textSchema(LIMITS.cellText),
  z.number().finite(),
  z.array(z.string().max(200)).max(200),
]);
export type CellValue = z.infer<typeof cellValueSchema>;

export const answerSchema = z.strictObject({
  value: answerValueSchema.optional(),
  note: textSchema(LIMITS.note).optional(),
  evidence: z.array(evidenceRefSchema).max(LIMITS.evidencePerTarget),
  updatedAt: instantSchema,
});
export type Answer = z.infer<typeof answerSchema>;

export const ROW_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
export const rowIdSchema = z.string().regex(ROW_ID_PATTERN, key('record-id'));

export const registerRowSchema = z.strictObject({
  id: rowIdSchema,
  cells: z.record(idSchema, cellValueSchema),
  evidence: z.array(evidenceRefSchema).max(LIMITS.evidencePerTarget),
});
export type RegisterRow = z.infer<typeof registerRowSchema>;

export const ACTION_STATES = ['open', 'done'] as const;
export type ActionState = (typeof ACTION_STATES)[number];
export const isoDateSchema = z.string().regex(ISO_DATE, key('iso-date'));

/** A corrective action (整改措施) opened against an item, or one row of a register. */
export const actionSchema = z.strictObject({
  id: rowIdSchema,
  itemId: idSchema,
  rowId: rowIdSchema.optional(),
  description: lineSchema(TEXT_LIMITS.actionDescription),
  owner: textSchema(TEXT_LIMITS.actionOwner),
  due: isoDateSchema,
  state: z.enum(ACTION_STATES),
  createdAt: instantSchema,
  doneAt: instantSchema.optional(),
  /** The day the work was finished (整改完成日期), as the person marking it done gives it. */
  doneOn: isoDateSchema.optional(),
  /** What was done (整改情况). */
  doneNote: textSchema(TEXT_LIMITS.actionDoneNote).optional(),
});
export type CorrectiveAction = z.infer<typeof actionSchema>;

export const AUDIT_EVENTS = [
  'created',
  'duplicated',
  'imported',
  'trashed',
  'restored',
  'answer',
  'note',
  'evidence-added',
  'evidence-removed',
  'rows-added',
  'rows-changed',
  'rows-deleted',
  'register-none',
  'action-added',
  'action-changed',
  'action-done',
  'action-deleted',
  'details',
  'state',
  'signed',
  'reopened',
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/** An answer's or a cell's value before or after a change, as it was stored. */
export const auditValueSchema = z.union([
  textSchema(LIMITS.answerText),
  z.number().finite(),
  z.array(z.string().max(200)).max(200),
]);
export type AuditValue = z.infer<typeof auditValueSchema>;

/**
 * One thing that happened to an inspection. Which fields an event fills is documented in
 * docs/formats.md; typing in one field within a few minutes is one entry (audit.ts).
 */
export const auditEntrySchema = z.strictObject({
  at: instantSchema,
  event: z.enum(AUDIT_EVENTS),
  detail: textSchema(2000).optional(),
  itemId: idSchema.optional(),
  rowId: rowIdSchema.optional(),
  columnId: idSchema.optional(),
  actionId: rowIdSchema.optional(),
  /** The value before; absent when there was none. */
  from: auditValueSchema.optional(),
  /** The value after; absent when it was cleared. */
  to: auditValueSchema.optional(),
  /** How many rows or cells one entry covers (a paste, a delete of several rows). */
  count: z.number().int().min(1).optional(),
  /** The evidence file an entry is about. */
  sha256: sha256Schema.optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const INSPECTION_STATES = ['draft', 'ready', 'signed'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];

/** Which template, exactly, an inspection was filled against. */
export const pinnedTemplateSchema = z.strictObject({
  id: idSchema,
  version: z.string().regex(VERSION_PATTERN, key('version')),
  hash: sha256Schema,
});
export type PinnedTemplate = z.infer<typeof pinnedTemplateSchema>;

export const INSPECTION_ID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const inspectionIdSchema = z.string().regex(INSPECTION_ID_PATTERN, key('record-id'));

export const SIGNOFF_METHODS = ['drawn', 'paper'] as const;
export type SignoffMethod = (typeof SIGNOFF_METHODS)[number];

/** An Ed25519 public key as base64 of its SubjectPublicKeyInfo DER (44 bytes, a fixed prefix). */
export const ED25519_PUBLIC_KEY_PATTERN = /^MCowBQYDK2VwAyEA[A-Za-z0-9+/]{43}=$/;
/** An Ed25519 signature (64 bytes) as base64. */
export const ED25519_SIGNATURE_PATTERN = /^[A-Za-z0-9+/]{85}[AQgw]==$/;

/**
 * The principal's sign-off. What of it the signature covers, and why, is in docs/formats.md
 * ("Signed content"); contentHash, keyFingerprint and signature are computed from the rest.
 */
export const signoffSchema = z.strictObject({
  signer: lineSchema(TEXT_LIMITS.signer),
  title: lineSchema(TEXT_LIMITS.signerTitle),
  /** The day the principal signs, as written beside the signature. */
  date: isoDateSchema,
  comment: textSchema(TEXT_LIMITS.signoffComment).optional(),
  method: z.enum(SIGNOFF_METHODS),
  /** The drawn signature (PNG), or the scan of the page signed and sealed on paper. */
  image: evidenceRefSchema,
  signedAt: instantSchema,
  /** How many audit entries, from the first, the signature covers ('signed' is the last of them). */
  auditCount: z.number().int().min(1),
  publicKey: z.string().regex(ED25519_PUBLIC_KEY_PATTERN, key('public-key')),
  /** SHA-256 of the public key's DER bytes, hex: what Settings shows and a person compares. */
  keyFingerprint: sha256Schema,
  /** SHA-256 of the signed content's UTF-8 bytes, hex. */
  contentHash: sha256Schema,
  /** Ed25519 over the signed content's UTF-8 bytes, base64. */
  signature: z.string().regex(ED25519_SIGNATURE_PATTERN, key('signature')),
});
export type Signoff = z.infer<typeof signoffSchema>;

/** A sign-off voided by a reopen: kept whole, with why and when. */
export const reopenedSchema = z.strictObject({
  at: instantSchema,
  reason: lineSchema(TEXT_LIMITS.reopenReason),
  signoff: signoffSchema,
});
export type Reopened = z.infer<typeof reopenedSchema>;

/**
 * One school's inspection for one term: `qinglang-inspection/2`, the interchange form and the
 * form stored on disk. Key order here is the order of every file written (zod keeps it).
 */
export const inspectionSchema = z.strictObject({
  format: z.literal(INSPECTION_FORMAT),
  id: inspectionIdSchema,
  template: pinnedTemplateSchema,
  school: schoolProfileSchema,
  period: periodSchema,
  inspector: lineSchema(TEXT_LIMITS.inspector),
  state: z.enum(INSPECTION_STATES),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  answers: z.record(idSchema, answerSchema),
  registers: z.record(idSchema, z.array(registerRowSchema).max(LIMITS.rowsPerRegister)),
  actions: z.array(actionSchema).max(LIMITS.actions),
  /** Present exactly when state is `signed` (a file claiming more is judged on import). */
  signoff: signoffSchema.optional(),
  /** Earlier sign-offs, voided by a reopen, oldest first. */
  reopened: z.array(reopenedSchema).max(LIMITS.reopened),
  audit: z.array(auditEntrySchema).max(LIMITS.audit),
});
export type Inspection = z.infer<typeof inspectionSchema>;
