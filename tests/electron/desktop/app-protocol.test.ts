import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/desktop/app-protocol';
import { APP_ENTRY_URL } from '../../../electron/page/app-url';
import { useTempDir } from '../temp-dir';

const CSP = "default-src 'none'; script-src 'self'";

describe('the qinglang:// protocol', () => {
  const tempDir = useTempDir();

  function handler() {
    const root = path.join(tempDir(), 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'index.html'),
      `<html><head><meta http-equiv="Content-Security-Policy" content="${CSP}" /></head></html>`,
    );
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
    fs.writeFileSync(path.join(root, '..', 'outside.js'), 'secret');
    return createAppProtocolHandler(root);
  }

  it('serves the page with its CSP as a header', async () => {
    const response = await handler()(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(await response.text()).toContain('<html>');
  });

  it('serves the build’s assets with their type', async () => {
    const response = await handler()(new Request('qinglang://app/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('serves no page at all from a build whose page declares no CSP', async () => {
    const root = path.join(tempDir(), 'no-csp');
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<html><head></head></html>');
    await expect(createAppProtocolHandler(root)(new Request(APP_ENTRY_URL))).rejects.toThrow(
      /declares no Content-Security-Policy/,
    );
  });

  it.each([
    ['qinglang://app/../outside.js', 404],
    ['qinglang://app/..%2foutside.js', 404],
    ['qinglang://app/%2e%2e%2foutside.js', 404],
    ['qinglang://other/index.html', 404],
    ['qinglang://app/%E0%A4%A', 400],
    ['qinglang://app/missing.js', 404],
  ])('refuses %s', async (url, status) => {
    expect((await handler()(new Request(url))).status).toBe(status);
  });
});
