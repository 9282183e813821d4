import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as prettier from 'prettier';
import { checkout } from './checkout.mjs';

/** bench/ui-baseline.json: the figures each run is compared with, refreshed by --save-baseline. */
export const BASELINE = path.join(checkout, 'bench/ui-baseline.json');

export async function readBaseline() {
  try {
    return JSON.parse(await readFile(BASELINE, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    throw new Error(`cannot read ${path.relative(checkout, BASELINE)}: ${error.message}`);
  }
}

export async function saveBaseline(current, machine) {
  await mkdir(path.dirname(BASELINE), { recursive: true });
  const saved = {
    savedAt: new Date().toISOString(),
    machine,
    metrics: current.metrics,
    counts: current.counts,
  };
  // Written as Prettier would, so `npm run lint` accepts the committed file as it is.
  const options = { ...(await prettier.resolveConfig(BASELINE)), filepath: BASELINE };
  await writeFile(BASELINE, await prettier.format(JSON.stringify(saved, null, 2), options));
  console.log(`baseline saved to ${path.relative(checkout, BASELINE)}`);
}
