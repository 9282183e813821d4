import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstScreenFiles, gzippedSize } from '../../scripts/first-screen-size';
import { useTempDir } from '../electron/temp-dir';

describe('the first-screen size', () => {
  const tempDir = useTempDir();

  it('counts the entry script, its preloaded chunks and the stylesheets, nothing else', () => {
    const html = `<head>
      <script type="module" crossorigin src="./assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor-b.js">
      <link rel="stylesheet" crossorigin href="./assets/index-c.css">
      <link rel="icon" href="./favicon.svg">
    </head>`;
    expect(firstScreenFiles(html)).toEqual([
      './assets/index-a.js',
      './assets/vendor-b.js',
      './assets/index-c.css',
    ]);
  });

  it('measures them gzipped', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.js'), 'x'.repeat(100_000));
    const size = gzippedSize(['./a.js'], dir);
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThan(1_000);
  });
});
