import { z } from 'zod';
import { storageNoticeSchema } from '../storage-notice';
import { defineDomain } from './define';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** "desktop" inside Electron, "browser" in the browser harness, "cli" on the command line. */
  shell: z.enum(['desktop', 'browser', 'cli']),
  dataDir: z.string(),
  logFile: z.string(),
  /** Problems with the data folder found at start-up, for the shell to show. */
  notices: z.array(storageNoticeSchema),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** An error the renderer caught and wants kept in the log; bounded so it cannot flood it. */
export const rendererErrorSchema = z.strictObject({
  message: z.string().max(2000),
  stack: z.string().max(8000).optional(),
  where: z.string().max(200).optional(),
});
export type RendererError = z.infer<typeof rendererErrorSchema>;

export const appContract = defineDomain({
  info: { input: z.undefined(), output: appInfoSchema },
  logRendererError: { input: rendererErrorSchema, output: z.null() },
});
