import type { Inspection } from './schema';

/** What the user is told about an inspection file that was imported, beyond "it came in". */
export type ImportNotice =
  /** Evidence the file refers to whose bytes are not on this computer (first names, and how many). */
  | { readonly kind: 'evidence-missing'; readonly count: number; readonly names: string[] }
  /** The file said it was signed but carried no signature this app could verify: it came in as a draft. */
  | { readonly kind: 'unsigned' };

/** How many missing evidence names a notice lists; the count says the rest. */
export const MAX_LISTED_NAMES = 10;

/**
 * Reviews an incoming inspection before it is stored: what must change so that nothing stored
 * claims more than it is, and what the user must be told. Nothing is dropped: evidence references
 * stay (their files may be copied in later), and a "signed" that cannot be shown to hold becomes
 * a draft, with the reason in its audit entry.
 */
export function reviewImport(
  incoming: Inspection,
  evidenceExists: (sha256: string) => boolean,
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
  if (missing.size > 0) {
    notices.push({
      kind: 'evidence-missing',
      count: missing.size,
      names: [...missing.values()].slice(0, MAX_LISTED_NAMES),
    });
  }
  // This version of the format carries no signature at all, so no "signed" can be verified:
  // it arrives as a draft (sign-off, and with it verification, comes in a later version).
  if (incoming.state === 'signed') {
    notices.push({ kind: 'unsigned' });
    return {
      inspection: { ...incoming, state: 'draft' },
      notices,
      detail: 'signed-without-signature',
    };
  }
  return { inspection: incoming, notices, detail: null };
}
