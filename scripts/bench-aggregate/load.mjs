import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleForNode } from '../bench-export/load.mjs';

/**
 * The app's own code the aggregate benchmark calls to make its workbooks (sample data, signing,
 * the workbook export), bundled from the TypeScript sources by Vite for Node by
 * scripts/bench-export/load.mjs's bundleForNode (packages stay external, so SheetJS and zlib are the app's),
 * into a folder under node_modules/.cache that the generating processes import from; `remove()`
 * deletes it.
 */
export const ENTRIES = {
  samples: 'electron/services/sample-data.ts',
  templates: 'electron/services/templates/template-store.ts',
  exporter: 'electron/services/workbook/workbook-export.ts',
};

export function buildAppCode() {
  return bundleForNode(ENTRIES, 'qinglang-bench-aggregate-code-');
}

/** The bundled modules, by entry name. */
export async function importAppCode(dir) {
  const modules = {};
  for (const name of Object.keys(ENTRIES))
    modules[name] = await import(pathToFileURL(path.join(dir, `${name}.mjs`)).href);
  return modules;
}
