import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST } from '../page/app-url';
import { cspOf, readStaticFile } from '../page/static-files';

/** What the app's scheme may do: a standard, secure origin that fetch works on. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
} as const;

/**
 * Serves qinglang://app/: only the renderer build, with the same rules as the browser harness
 * (no path outside the build, the CSP as a header on the page).
 */
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
