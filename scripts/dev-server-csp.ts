import type { Plugin } from 'vite';

/**
 * Vite's dev server (npm run dev) injects React Refresh's inline preamble and talks to the page
 * over a websocket, both of which the app's strict CSP forbids. Only while serving, loosen exactly
 * those; the build, which the app and the harness ship, keeps renderer/index.html's policy.
 */
export function relaxCspForDevServer(html: string): string {
  return (
    html
      // A hash source would make browsers ignore 'unsafe-inline' (the report's style hash).
      .replace(/ 'sha256-[A-Za-z0-9+/=]+'/g, '')
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*")
  );
}

export function devServerCsp(): Plugin {
  return {
    name: 'qinglang:dev-server-csp',
    apply: 'serve',
    transformIndexHtml: relaxCspForDevServer,
  };
}
