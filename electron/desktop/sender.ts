import { isAppUrl } from '../page/app-url';

/** What the main process knows about who sent an IPC message. */
export interface SenderInfo {
  /** webContents id of the sender. */
  readonly webContentsId: number;
  /** The frame that sent it; null when the frame is gone. */
  readonly frame: { readonly url: string; readonly isMainFrame: boolean } | null;
}

/**
 * Only the app's own window, from its top frame, showing the app's own page, may call the Node
 * side. An iframe, a navigated-away page or a foreign window is refused.
 */
export function isTrustedSender(
  sender: SenderInfo,
  trusted: { readonly webContentsIds: ReadonlySet<number>; readonly appUrl: string },
): boolean {
  if (!trusted.webContentsIds.has(sender.webContentsId)) return false;
  if (!sender.frame || !sender.frame.isMainFrame) return false;
  return isAppUrl(sender.frame.url, trusted.appUrl);
}
