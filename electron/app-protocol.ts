import fs from 'node:fs/promises';
import path from 'node:path';
import { cspOf, readStaticFile } from './harness/static-files';

/**
 * The desktop app loads its page from qinglang://app/ rather than file://. Under file:// the
 * CSP's 'self' would admit any local file; here it admits only the renderer build, which this
 * handler serves with the same rules as the browser harness (no path outside the build, the CSP
 * as a header on the page).
 */
export const APP_SCHEME = 'qinglang';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
} as const;

export function createAppProtocolHandler(
  rendererDir: string,
): (request: Request) => Promise<Response> {
  let page: Promise<{ html: string; csp: string }> | null = null;
  const loadPage = () =>
    (page ??= fs.readFile(path.join(rendererDir, 'index.html'), 'utf8').then((html) => {
      const csp = cspOf(html);
      if (!csp) throw new Error('The renderer build declares no Content-Security-Policy');
      return { html, csp };
    }));

  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET')
      return new Response(null, { status: 404 });
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      return new Response(null, { status: 400 });
    }
    if (decoded === '/' || decoded === '/index.html') {
      const { html, csp } = await loadPage();
      return new Response(html, {
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': csp,
          'x-content-type-options': 'nosniff',
        },
      });
    }
    const file = await readStaticFile(rendererDir, decoded);
    if (!file) return new Response(null, { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.contentType, 'x-content-type-options': 'nosniff' },
    });
  };
}
