import { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from '../settings';
import { defineDomain } from './define';

export const settingsContract = defineDomain({
  get: { input: z.undefined(), output: settingsSchema },
  /** Applies a partial change and returns the settings as stored. */
  set: { input: settingsPatchSchema, output: settingsSchema },
});
