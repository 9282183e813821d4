import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const { version } = JSON.parse(readFileSync(here('./package.json'), 'utf8')) as { version: string };
const define = { __APP_VERSION__: JSON.stringify(version) };

/** package.json's bin points at out/main/cli.js: make it runnable, so `npx qinglang` works. */
const executableCli = {
  name: 'qinglang:executable-cli',
  writeBundle(options: { dir?: string }) {
    if (options.dir) chmodSync(path.join(options.dir, 'cli.js'), 0o755);
  },
};

export default defineConfig({
  // Main process, CLI and browser harness: one Node build, three entries, sharing the services.
  main: {
    define,
    plugins: [executableCli],
    build: {
      outDir: here('./out/main'),
      rollupOptions: {
        input: {
          index: here('./electron/main.ts'),
          cli: here('./electron/cli.ts'),
          harness: here('./electron/browser.ts'),
          // The bureau's intake pool runs each worker thread from this file, beside the bundle.
          'intake-worker': here('./electron/services/bureau/intake-worker.ts'),
          // A folder scan reads, decodes and analyses files in worker threads run from this file.
          'scan-worker': here('./electron/services/scan/scan-worker.ts'),
        },
        output: {
          banner: (chunk: { name: string; isEntry: boolean }) =>
            chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : '',
        },
      },
    },
  },
  // A sandboxed preload may require only "electron": one CommonJS file with shared/ and zod inside.
  preload: {
    build: {
      outDir: here('./out/preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: here('./electron/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
