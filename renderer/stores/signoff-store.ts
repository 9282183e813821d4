import i18next from 'i18next';
import { create } from 'zustand';
import type { ErrorCode } from '../../shared/errors';
import type { Bilingual } from '../../shared/i18n/locale';
import { MAX_MADE_EVIDENCE_BYTES } from '../../shared/inspection/evidence';
import { SIGNOFF_IMAGE_TYPES } from '../../shared/inspection/patterns';
import type { EvidenceRef } from '../../shared/inspection/schema';
import type { SignatureCheck } from '../../shared/inspection/signature-check';
import type { KeyStatus } from '../../shared/signing-key';
import { api, ApiError, unwrap } from '../api/client';
import { fileToBase64 } from '../api/files';
import { useEvidenceStore } from './evidence-store';
import { useWalkStore } from './walk-store';

/** What the principal writes beside the signature. */
export interface SignDetails {
  readonly signer: string;
  readonly title: string;
  readonly date: string;
  readonly comment: string;
}

/** The signature itself: drawn on screen (its PNG), or the scan of the page signed on paper. */
export type Signature =
  | { readonly method: 'drawn'; readonly png: Blob }
  | { readonly method: 'paper'; readonly image: EvidenceRef };

/** How an action ended: done, or why not, with the Node side's code and words. */
export type Outcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: ErrorCode | 'unknown'; readonly message: string };

/** A scan chosen for a paper sign-off, or why the chosen file cannot be one. */
export type ScanPick =
  | { readonly kind: 'chosen'; readonly image: EvidenceRef }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'refused'; readonly message: string };

interface SignoffState {
  /** The last signature check, with the inspection it is of. */
  readonly check: { readonly id: string; readonly result: SignatureCheck } | null;
  /** This installation's signing key; null until read. */
  readonly key: KeyStatus | null;
  /** Checks whether the stored inspection's sign-off still holds. */
  loadCheck(id: string): Promise<void>;
  /** Hands the inspection to the principal (ready) or takes it back (draft). */
  handOver(id: string, to: 'ready' | 'draft'): Promise<Outcome>;
  /** Stores the signature image, then signs; the walk-through shows the locked inspection after. */
  sign(id: string, details: SignDetails, signature: Signature): Promise<Outcome>;
  /** Lets the user choose the scan of the signed page (PDF, PNG or JPEG). */
  pickScan(): Promise<ScanPick>;
  /** Voids the sign-off, with the reason: a draft again. */
  reopen(id: string, reason: string): Promise<Outcome>;
  loadKey(): Promise<void>;
  /** A new key where the old one is missing or damaged; only after the user agreed. */
  replaceKey(): Promise<Outcome>;
}

const pick = (text: Bilingual) => (i18next.language === 'en-US' ? text['en-US'] : text['zh-CN']);

function failure(error: unknown): Outcome {
  if (error instanceof ApiError) return { ok: false, code: error.code, message: error.message };
  return {
    ok: false,
    code: 'unknown',
    message: error instanceof Error && error.message ? error.message : i18next.t('signoff.failed'),
  };
}

async function outcome(action: () => Promise<unknown>): Promise<Outcome> {
  try {
    await action();
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

/** Edits still on their way are stored first: a hand-over or a signature covers what is on screen. */
const saved = () => useWalkStore.getState().whenSaved(10_000);
/** What is stored now, on the screen: the state, the lock, the sign-off. */
const reread = () => useWalkStore.getState().reload();

/**
 * The principal's sign-off: handing over, signing (drawn or on paper), reopening, whether a
 * signature still holds, and this installation's key. The Node side decides; this store asks,
 * then reads the inspection again.
 */
export const useSignoffStore = create<SignoffState>()((set, get) => ({
  check: null,
  key: null,
  async loadCheck(id) {
    const result = await unwrap(api().signoff.check({ id }));
    set({ check: { id, result } });
  },
  handOver: (id, to) =>
    outcome(async () => {
      await saved();
      try {
        await unwrap(api().inspections.update({ id, changes: [{ kind: 'state', to }] }));
      } finally {
        await reread();
      }
    }),
  sign: (id, details, signature) =>
    outcome(async () => {
      await saved();
      const image =
        signature.method === 'paper' ? signature.image : await storeDrawn(signature.png);
      const comment = details.comment.trim();
      const request = {
        signer: details.signer.trim(),
        title: details.title.trim(),
        date: details.date,
        ...(comment !== '' && { comment }),
        method: signature.method,
        image,
      };
      try {
        await unwrap(api().signoff.sign({ id, request }));
      } finally {
        await reread();
      }
      await get().loadCheck(id);
    }),
  async pickScan() {
    const { files, problems } = await useEvidenceStore.getState().pick();
    const allowed: readonly string[] = SIGNOFF_IMAGE_TYPES.paper;
    const scan = files.find((f) => allowed.includes(f.type));
    if (scan) return { kind: 'chosen', image: scan };
    const problem = problems[0];
    if (problem) return { kind: 'refused', message: `${problem.name}: ${pick(problem.message)}` };
    if (files[0]) {
      return {
        kind: 'refused',
        message: i18next.t('signoff.paper.wrongType', { name: files[0].name }),
      };
    }
    return { kind: 'cancelled' };
  },
  reopen: (id, reason) =>
    outcome(async () => {
      try {
        await unwrap(api().signoff.reopen({ id, reason: reason.trim() }));
      } finally {
        await reread();
      }
      set({ check: null });
    }),
  async loadKey() {
    set({ key: await unwrap(api().signoff.key()) });
  },
  replaceKey: () =>
    outcome(async () => {
      set({ key: await unwrap(api().signoff.replaceKey()) });
    }),
}));

async function storeDrawn(png: Blob): Promise<EvidenceRef> {
  if (png.size > MAX_MADE_EVIDENCE_BYTES) throw new Error(i18next.t('signoff.pad.tooLarge'));
  const dataBase64 = await fileToBase64(png);
  return unwrap(api().evidence.add({ name: i18next.t('signoff.pad.fileName'), dataBase64 }));
}
