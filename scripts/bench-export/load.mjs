import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { checkout } from '../bench-ui/checkout.mjs';

/**
 * The app's own code the benchmark calls (sample data, the workbook model and writer), bundled
 * from the TypeScript sources by Vite for Node as the app's main build is (packages stay
 * external, so SheetJS and zlib are the very ones the app uses), into a folder under
 * node_modules/.cache (where those packages resolve from), removed after.
 */
const ENTRIES = {
  samples: 'electron/services/sample-data.ts',
  templates: 'electron/services/templates/template-store.ts',
  model: 'shared/workbook/model.ts',
  cells: 'shared/workbook/cells.ts',
  compare: 'shared/workbook/compare.ts',
  envelope: 'shared/workbook/envelope.ts',
  sheet: 'shared/workbook/sheet.ts',
  write: 'electron/services/workbook/workbook-write.ts',
};

export async function loadAppCode() {
  const { dir, remove } = await bundleForNode(ENTRIES, 'qinglang-bench-export-');
  try {
    const modules = {};
    for (const name of Object.keys(ENTRIES))
      modules[name] = await import(pathToFileURL(path.join(dir, `${name}.mjs`)).href);
    return modules;
  } finally {
    await remove();
  }
}

/**
 * Bundles `entries` ({name: source path}) from the TypeScript sources for Node, as the app's main
 * build does, into a new folder under node_modules/.cache (where the external packages resolve
 * from), named `<prefix>…`; each entry becomes `<name>.mjs`. Shared by the benchmarks.
 */
export async function bundleForNode(entries, prefix) {
  const cache = path.join(checkout, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(path.join(cache, prefix));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await build({
      configFile: false,
      root: checkout,
      logLevel: 'warn',
      define: { __APP_VERSION__: JSON.stringify('bench') },
      build: {
        ssr: true,
        outDir: dir,
        emptyOutDir: false,
        minify: false,
        rollupOptions: {
          input: Object.fromEntries(
            Object.entries(entries).map(([name, file]) => [name, path.join(checkout, file)]),
          ),
          output: { format: 'esm', entryFileNames: '[name].mjs' },
        },
      },
    });
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir, remove };
}
