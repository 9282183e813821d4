import type { Inspection } from './schema';
import type { SignatureCheck } from './signature-check';

/** What the user is told about an inspection file that was imported, beyond "it came in". */
export type ImportNotice =
  /** Evidence the file refers to whose bytes are not on this computer (first names, and how many). */
  | { readonly kind: 'evidence-missing'; readonly count: number; readonly names: string[] }
  /** The file said it was signed but carried no sign-off at all: it came in as a draft. */
  | { readonly kind: 'unsigned' }
  /** The sign-off holds: it came in signed, and locked. */
  | { readonly kind: 'signed'; readonly fingerprint: string; readonly ownKey: boolean }
  /**
   * The sign-off does not hold (content changed after signing, or the signature altered): it came
   * in as a draft, the sign-off kept in `reopened` with the reason.
   */
  | { readonly kind: 'signature-broken'; readonly status: 'changed' | 'invalid' };

/** How many missing evidence names a notice lists; the count says the rest. */
export const MAX_LISTED_NAMES = 10;

/**
 * Reviews an incoming inspection before it is stored: what must change so that nothing stored
 * claims more than it is, and what the user must be told. Nothing is dropped: evidence references
 * stay (their files may be copied in later); a sign-off that holds keeps the inspection signed;
 * one that does not, or a "signed" with no sign-off, makes it a draft, with the reason in its
 * audit entry (and a broken sign-off kept in `reopened`).
 */
export function reviewImport(
  incoming: Inspection,
  evidenceExists: (sha256: string) => boolean,
  checkSignature: (inspection: Inspection) => SignatureCheck,
  now: string,
): {
  readonly inspection: Inspection;
  readonly notices: ImportNotice[];
  readonly detail: string | null;
} {
  const notices: ImportNotice[] = [];
  const missing = new Map<string, string>();
  const check = (refs: readonly { sha256: string; name: string }[]) => {
    for (const ref of refs) if (!evidenceExists(ref.sha256)) missing.set(ref.sha256, ref.name);
  };
  for (const answer of Object.values(incoming.answers)) check(answer.evidence);
  for (const rows of Object.values(incoming.registers)) for (const row of rows) check(row.evidence);
  if (incoming.signoff) check([incoming.signoff.image]);
  if (missing.size > 0) {
    notices.push({
      kind: 'evidence-missing',
      count: missing.size,
      names: [...missing.values()].slice(0, MAX_LISTED_NAMES),
    });
  }
  const { signoff } = incoming;
  if (!signoff) {
    // A "signed" with nothing to verify arrives as a draft.
    if (incoming.state !== 'signed') return { inspection: incoming, notices, detail: null };
    notices.push({ kind: 'unsigned' });
    return {
      inspection: { ...incoming, state: 'draft' },
      notices,
      detail: 'signed-without-signature',
    };
  }
  const result = checkSignature(incoming);
  if (result.status === 'valid') {
    notices.push({ kind: 'signed', fingerprint: result.fingerprint, ownKey: result.ownKey });
    return { inspection: { ...incoming, state: 'signed' }, notices, detail: null };
  }
  // A sign-off that does not hold is never dropped and never trusted: it is kept, voided, with
  // the reason, and the content comes in as a draft for someone to look at and sign again.
  const status = result.status === 'changed' ? 'changed' : 'invalid';
  notices.push({ kind: 'signature-broken', status });
  const detail = status === 'changed' ? 'signature-content-changed' : 'signature-invalid';
  const draft = { ...incoming, state: 'draft' as const };
  delete draft.signoff;
  return {
    inspection: {
      ...draft,
      reopened: [...incoming.reopened, { at: now, reason: detail, signoff }],
    },
    notices,
    detail,
  };
}
