import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { checkout } from '../bench-ui/checkout.mjs';

/**
 * The app's own code the aggregate benchmark calls to make its workbooks (sample data, signing,
 * the workbook export), bundled from the TypeScript sources by Vite for Node as
 * scripts/bench-export/load.mjs does (packages stay external, so SheetJS and zlib are the app's),
 * into a folder under node_modules/.cache that the generating processes import from; `remove()`
 * deletes it.
 */
export const ENTRIES = {
  samples: 'electron/services/sample-data.ts',
  templates: 'electron/services/templates/template-store.ts',
  exporter: 'electron/services/workbook/workbook-export.ts',
};

export async function buildAppCode() {
  const cache = path.join(checkout, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const outDir = await mkdtemp(path.join(cache, 'qinglang-bench-aggregate-code-'));
  await build({
    configFile: false,
    root: checkout,
    logLevel: 'warn',
    define: { __APP_VERSION__: JSON.stringify('bench') },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: {
        input: Object.fromEntries(
          Object.entries(ENTRIES).map(([name, file]) => [name, path.join(checkout, file)]),
        ),
        output: { format: 'esm', entryFileNames: '[name].mjs' },
      },
    },
  });
  return { dir: outDir, remove: () => rm(outDir, { recursive: true, force: true }) };
}

/** The bundled modules, by entry name. */
export async function importAppCode(dir) {
  const modules = {};
  for (const name of Object.keys(ENTRIES))
    modules[name] = await import(pathToFileURL(path.join(dir, `${name}.mjs`)).href);
  return modules;
}
