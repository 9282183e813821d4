import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const { version } = JSON.parse(readFileSync(here('./package.json'), 'utf8')) as { version: string };
const define = { __APP_VERSION__: JSON.stringify(version) };

export default defineConfig({
  // Main process, CLI and browser harness: one Node build, three entries, sharing the services.
  main: {
    define,
    build: {
      outDir: here('./out/main'),
      rollupOptions: {
        input: {
          index: here('./electron/main.ts'),
          cli: here('./electron/cli.ts'),
          harness: here('./electron/browser.ts'),
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
