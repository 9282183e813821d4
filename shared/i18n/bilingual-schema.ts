import { z } from 'zod';

/** A text in both of the app's languages, as messages and titles cross the door. */
export const bilingualSchema = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

/** A problem found in a file, at a JSON path, said in both languages. */
export const fileProblemSchema = z.object({ path: z.string(), message: bilingualSchema });
