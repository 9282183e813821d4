import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface ChildBundle {
  /** The bundled entry, runnable with `node FILE`. */
  readonly file: string;
  remove(): void;
}

/**
 * Bundles a TypeScript entry (and the app code it imports) into one ES module in a temp folder,
 * so that a plain `node` child process can run it: Vitest transforms TypeScript only inside its
 * own workers. Packages stay outside the bundle and are found through a link to the repo's
 * node_modules beside it. Takes a fraction of a second: once per suite.
 */
export async function bundleChild(entry: string): Promise<ChildBundle> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglang-child-'));
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      ssr: entry,
      outDir: dir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: { output: { entryFileNames: 'child.mjs' } },
    },
  });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return {
    file: path.join(dir, 'child.mjs'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
