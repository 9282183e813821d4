/**
 * Where the app's own page lives, and the test both shells use to tell it from anything else.
 * The desktop app loads qinglang://app/ rather than file:// (under file:// the CSP's 'self' would
 * admit any local file); the dev server and the harness serve it over http on loopback.
 */
export const APP_SCHEME = 'qinglang';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Whether a URL is the app's own page: under the app's scheme and host (qinglang://app/) or, for
 * the dev server, its origin. Everything else (files, other hosts, javascript:, data:, UNC paths)
 * is foreign.
 */
export function isAppUrl(candidate: string, appUrl: string): boolean {
  let url: URL;
  let app: URL;
  try {
    url = new URL(candidate);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (app.protocol === `${APP_SCHEME}:`) {
    return url.protocol === app.protocol && url.host === app.host && url.username === '';
  }
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false;
  return url.origin === app.origin;
}
