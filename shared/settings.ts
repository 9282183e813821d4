import { z } from 'zod';
import { bureauProfileSchema } from './bureau/feedback';
import { DEFAULT_LOCALE, LOCALES } from './i18n/locale';
import { schoolProfileSchema } from './inspection/schema';
import { TEXT_LIMITS } from './inspection/patterns';
import { lineSchema } from './inspection/text';

export const ROLES = ['school', 'bureau'] as const;
export type Role = (typeof ROLES)[number];

/** What the user chooses once and the app remembers across restarts. */
export const templateRefSchema = z.strictObject({
  id: z.string().min(1).max(64),
  version: z.string().min(1).max(40),
});
export type TemplateRef = z.infer<typeof templateRefSchema>;

export const settingsSchema = z.object({
  language: z.enum(LOCALES),
  /** The template new inspections use; absent means the latest built-in one. */
  defaultTemplate: templateRefSchema.optional(),
  /** The school this installation inspects; asked for on first run. */
  profile: schoolProfileSchema.optional(),
  /** Who usually fills in inspections here; new inspections start with this name. */
  inspector: lineSchema(TEXT_LIMITS.inspector).optional(),
  /**
   * Whose copy of the app this is: a school's or a bureau's (区教育局). Absent: the first run
   * asks (an installation that already has a school profile is read as a school's: withRole).
   */
  role: z.enum(ROLES).optional(),
  /** The bureau this installation belongs to, when its role is 'bureau'. */
  bureau: bureauProfileSchema.optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { language: DEFAULT_LOCALE };

/**
 * Settings as read from the disk, with the role made explicit for an installation from before
 * roles existed: one with a school profile is a school's. Without a profile the role stays
 * absent, and the first run asks.
 */
export function withRole(settings: Settings): Settings {
  if (settings.role !== undefined || settings.profile === undefined) return settings;
  return { ...settings, role: 'school' };
}

/** A change to some settings; unknown keys are refused rather than stored. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
