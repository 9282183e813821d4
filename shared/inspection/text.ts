import { z } from 'zod';
import type { IssueKey } from '../issue-messages';

/**
 * Characters no field of an inspection may hold: C0/C1 controls other than tab and line breaks,
 * and the bidirectional overrides that can make "doc.exe" read as "exe.cod" in a report.
 */
export const FORBIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Free text a person typed, bounded, with no hidden control characters. */
export const textSchema = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !FORBIDDEN_CHARACTERS.test(s), {
      message: 'control-characters' satisfies IssueKey,
    });

/** A one-line text that must be filled in (names, titles). */
export const lineSchema = (max: number) =>
  textSchema(max)
    .refine((s) => !/[\r\n]/.test(s), { message: 'one-line' satisfies IssueKey })
    .refine((s) => s.trim().length > 0, { message: 'required' satisfies IssueKey });

/** An instant, as JavaScript writes it: 2026-11-29T08:30:00.000Z. */
export const instantSchema = z.iso.datetime();
