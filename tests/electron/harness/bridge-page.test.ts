import { describe, expect, it } from 'vitest';
import { injectBridge } from '../../../electron/harness/bridge-page';

describe('the page the harness serves', () => {
  const html = `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'" />
<script type="module" crossorigin src="./assets/index.js"></script></head></html>`;

  it('gets the bridge before the app script', () => {
    const out = injectBridge(html);
    expect(out.indexOf('harness-bridge.js')).toBeLessThan(out.indexOf('assets/index.js'));
    expect(() => injectBridge('<html></html>')).toThrow();
  });
});
