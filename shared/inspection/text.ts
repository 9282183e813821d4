import { z } from 'zod';
import type { IssueKey } from '../issue-messages';
import { FORBIDDEN_CHARACTERS } from './patterns';

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
