import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * A worker built from its TypeScript source before the suite, as the app's main build makes
 * out/main/<name>.js (packages external), into node_modules/.cache (so its packages resolve);
 * removed after the suite. `source` is the entry's path from the repo root. Returns the built
 * file's path, known once the suite's beforeAll has run.
 */
export function useWorkerBundle(name: string, source: string): () => string {
  let workerPath = '';
  let outDir = '';
  beforeAll(async () => {
    const cache = path.join(root, 'node_modules', '.cache');
    fs.mkdirSync(cache, { recursive: true });
    outDir = fs.mkdtempSync(path.join(cache, `qinglang-${name}-`));
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      define: { __APP_VERSION__: JSON.stringify('test') },
      build: {
        ssr: true,
        outDir,
        minify: false,
        rollupOptions: {
          input: { [name]: path.join(root, source) },
          output: { format: 'esm', entryFileNames: '[name].mjs' },
        },
      },
    });
    workerPath = path.join(outDir, `${name}.mjs`);
  }, 120_000);
  // (A process 'exit' hook never runs in a Vitest worker: each run left its build behind.)
  afterAll(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });
  return () => workerPath;
}
