import { api } from '../api/client';

/** Sends an error the renderer caught to the Node side's log; never fails loudly itself. */
export function reportRendererError(error: unknown, where: string): void {
  const err = error instanceof Error ? error : new Error(String(error));
  try {
    void api()
      .app.logRendererError({
        message: err.message.slice(0, 2000),
        stack: err.stack?.slice(0, 8000),
        where: where.slice(0, 200),
      })
      .catch(() => undefined);
  } catch {
    // window.api missing: nothing more can be done from here
  }
}
