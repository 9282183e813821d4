import html from '../../renderer/index.html?raw';
import { describe, expect, it } from 'vitest';

const csp = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1] ?? '';
const directives = new Map(
  csp.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name, values] as const;
  }),
);

describe('the Content-Security-Policy of the renderer', () => {
  it("starts from default-src 'none'", () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });

  it('allows scripts, styles and connections from the app itself only', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    // Besides its own stylesheets, one inline style by its hash: the printed report's, shown in
    // an iframe that inherits this policy (tests/shared/report/report-style.test.ts names it).
    expect(directives.get('style-src')).toEqual([
      "'self'",
      expect.stringMatching(/^'sha256-[A-Za-z0-9+/]{43}='$/),
    ]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('names no remote origin and allows no inline code or eval', () => {
    expect(csp).not.toMatch(/https?:|wss?:|\*|unsafe-inline|unsafe-eval|unsafe-hashes/);
  });

  it('forbids plugins, frames, base rewriting and form posts', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('loads no remote font, script or stylesheet in the page itself', () => {
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
