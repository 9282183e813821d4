/**
 * Patterns the forms check as the user types and the schemas check at the door: one source.
 * (Its own module, free of zod, so the renderer can use it.)
 */
export const SCHOOL_CODE_PATTERN = /^[0-9A-Za-z-]{4,32}$/;
export const PHONE_PATTERN = /^[0-9+\-() ]{0,30}$/;
export const STAGES = [
  'primary',
  'junior',
  'senior',
  'nine-year',
  'complete',
  'vocational',
  'other',
] as const;
export const TERMS = ['spring', 'autumn'] as const;
export const TEXT_LIMITS = {
  schoolName: 100,
  district: 100,
  address: 200,
  contactName: 50,
  inspector: 50,
  actionDescription: 2000,
  actionOwner: 100,
  actionDoneNote: 2000,
  signer: 50,
  signerTitle: 50,
  signoffComment: 1000,
  reopenReason: 500,
} as const;

/** What a sign-off's image may be, by its sniffed type: a drawn signature, or the signed page's scan. */
export const SIGNOFF_IMAGE_TYPES = {
  drawn: ['image/png'],
  paper: ['image/png', 'image/jpeg', 'application/pdf'],
} as const satisfies Record<'drawn' | 'paper', readonly string[]>;

/** Limits that keep one inspection file workable on a school PC (and a hostile file out). */
export const LIMITS = {
  rowsPerRegister: 5000,
  evidencePerTarget: 100,
  actions: 2000,
  /** Above what fits in a 20 MB file, so the trail is never cut short: a save is refused first. */
  audit: 500000,
  reopened: 200,
  cellText: 2000,
  answerText: 10000,
  note: 4000,
} as const;

/**
 * Characters no field of an inspection may hold: C0/C1 controls other than tab and line breaks,
 * and the bidirectional overrides that can make "doc.exe" read as "exe.cod" in a report.
 */
export const FORBIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** An inspection file a person may import; one with full registers is well under 2 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Edits go to the Node side in batches of at most this many. */
export const MAX_CHANGES_PER_UPDATE = 500;
