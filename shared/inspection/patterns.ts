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
} as const;

/** Limits that keep one inspection file workable on a school PC (and a hostile file out). */
export const LIMITS = {
  rowsPerRegister: 5000,
  evidencePerTarget: 100,
  actions: 2000,
  audit: 2000,
  cellText: 2000,
  answerText: 10000,
  note: 4000,
} as const;
