/** The answer scale of a check item. (Zod-free, so the renderer can use it without zod.) */
export const CHECK_ANSWERS = ['compliant', 'partial', 'non-compliant', 'na'] as const;
export type CheckAnswer = (typeof CHECK_ANSWERS)[number];
