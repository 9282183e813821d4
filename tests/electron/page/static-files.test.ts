import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspOf, readStaticFile } from '../../../electron/page/static-files';
import { useTempDir } from '../temp-dir';

describe('readStaticFile', () => {
  const tempDir = useTempDir();

  function build() {
    const root = path.join(tempDir(), 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, '.env'), 'SECRET=1');
    fs.writeFileSync(path.join(root, 'index.html'), '<html></html>');
    fs.writeFileSync(path.join(root, '..', 'secret.js'), 'outside');
    return root;
  }

  it('serves a file of the build with its type', async () => {
    const file = await readStaticFile(build(), '/assets/app.js');
    expect(file?.contentType).toMatch(/^text\/javascript/);
    expect(file?.body.toString()).toBe('console.log(1)');
  });

  it.each([
    '/../secret.js',
    '/assets/../../secret.js',
    '/assets/../../../secret.js',
    '/..\\secret.js',
    '/.env',
    '/assets/app.js\u0000.png',
    '/assets',
    '/assets/missing.js',
    '/etc/passwd',
    '/index.html',
  ])('serves nothing for %s', async (urlPath) => {
    expect(await readStaticFile(build(), urlPath)).toBeNull();
  });
});

describe('the built index.html', () => {
  const html = `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'" />
<script type="module" crossorigin src="./assets/index.js"></script></head></html>`;

  it('yields its CSP, so both shells send the same one as a header', () => {
    expect(cspOf(html)).toBe("default-src 'none'; script-src 'self'");
    expect(cspOf('<html></html>')).toBeNull();
  });
});
