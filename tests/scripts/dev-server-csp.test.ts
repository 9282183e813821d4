import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { devServerCsp, relaxCspForDevServer } from '../../scripts/dev-server-csp';

describe('the dev-server CSP', () => {
  const html = fs.readFileSync('renderer/index.html', 'utf8');

  it('lets React Refresh and the HMR websocket through while serving', () => {
    const relaxed = relaxCspForDevServer(html);
    expect(relaxed).toContain("script-src 'self' 'unsafe-inline'");
    expect(relaxed).toContain("style-src 'self' 'unsafe-inline'");
    expect(relaxed).toContain('ws://localhost:*');
    expect(relaxed).toContain("default-src 'none'");
    // A hash source next to 'unsafe-inline' would make the browser ignore 'unsafe-inline'.
    expect(relaxed).not.toContain("'sha256-");
  });

  it('applies to the dev server only, never to the build', () => {
    expect(devServerCsp().apply).toBe('serve');
  });
});
