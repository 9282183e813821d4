import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES } from './i18n/locale';
import { schoolProfileSchema } from './inspection/schema';
import { TEXT_LIMITS } from './inspection/patterns';
import { lineSchema } from './inspection/text';

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
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { language: DEFAULT_LOCALE };

/** A change to some settings; unknown keys are refused rather than stored. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
