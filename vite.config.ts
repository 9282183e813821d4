import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { UserConfig } from 'vite';
import { devServerCsp } from './scripts/dev-server-csp';
import { firstScreenSize } from './scripts/first-screen-size';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The renderer's build: the React app, plus the harness bridge as a separate entry that only the
 * browser harness loads. electron-vite reuses this object for the desktop build.
 */
export const rendererConfig = {
  root: here('./renderer'),
  base: './',
  plugins: [react(), devServerCsp(), firstScreenSize()],
  build: {
    outDir: here('./out/renderer'),
    emptyOutDir: true,
    minify: true,
    target: 'chrome120',
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        index: here('./renderer/index.html'),
        'harness-bridge': here('./renderer/harness-bridge.ts'),
      },
      output: {
        entryFileNames: (chunk: { name: string }) =>
          chunk.name === 'harness-bridge' ? 'harness-bridge.js' : 'assets/[name]-[hash].js',
      },
    },
  },
} satisfies UserConfig;

export default defineConfig(rendererConfig);
