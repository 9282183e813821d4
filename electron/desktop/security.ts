import type { Session, WebContents } from 'electron';
import { isAppUrl } from '../page/app-url';
import type { Logger } from '../services/logger';

/**
 * Guards every web contents the app creates: no navigation or redirect away from the app,
 * no new windows, no <webview>. The app has no external links; if one is ever needed it goes
 * through a helper that opens http(s) only, never user data.
 */
export function hardenWebContents(contents: WebContents, appUrl: string, log: Logger): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) {
      event.preventDefault();
      log.warn('security.navigation-blocked');
    }
  });
  contents.on('will-frame-navigate', (event) => {
    // The report view shows the report in an iframe given its document inline (srcdoc): no
    // address and nothing fetched; it may run no script (docs/security.md).
    if (!event.isMainFrame && event.url === 'about:srcdoc') return;
    if (!isAppUrl(event.url, appUrl)) {
      event.preventDefault();
      log.warn('security.frame-navigation-blocked');
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) {
      event.preventDefault();
      log.warn('security.redirect-blocked');
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('security.webview-blocked');
  });
  contents.setWindowOpenHandler(() => {
    log.warn('security.window-open-blocked');
    return { action: 'deny' };
  });
}

/**
 * The one permission the app uses: writing to the clipboard (the "copy path" buttons). Reading the
 * clipboard, camera, microphone, notifications, geolocation and everything else stay denied.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function restrictPermissions(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const granted = GRANTED_PERMISSIONS.has(permission);
    if (!granted) log.warn('security.permission-denied', { permission });
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission) => GRANTED_PERMISSIONS.has(permission));
}
