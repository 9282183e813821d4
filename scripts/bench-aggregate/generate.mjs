import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importAppCode } from './load.mjs';

/**
 * The benchmark's workbooks: `count` signed sample workbooks of as many schools (distinct codes),
 * against the latest built-in checklist, cached in a folder named after what they depend on, so
 * a second run reuses them. Made by worker processes, each taking every n-th block of schools.
 */

export const AS_OF = '2026-11-30';
/** Schools drawn per seed: the sample catalogue has at most 1,000 per seed. */
const BLOCK = 50;
const GENERATOR = 'g1';

export const fileName = (index) => `school-${String(index).padStart(5, '0')}.xlsx`;

/** The cache folder for `count` workbooks of this app version and checklist. */
export async function cacheFolder(cacheRoot, appVersion, codeDir, count) {
  const app = await importAppCode(codeDir);
  const hash = app.templates.templateHash(app.templates.LATEST_BUILT_IN).slice(0, 12);
  return path.join(cacheRoot, `${GENERATOR}-${appVersion}-${hash}-${count}`);
}

/** Makes what is missing of the folder's workbooks (all of them, unless a run completed). */
export async function ensureWorkbooks({ folder, count, codeDir, processes, log }) {
  const marker = path.join(folder, 'complete.json');
  if (existsSync(marker)) {
    const done = JSON.parse(await readFile(marker, 'utf8'));
    if (done.count === count) {
      log(`using ${count} cached workbooks in ${path.relative(process.cwd(), folder)}`);
      return;
    }
  }
  await mkdir(folder, { recursive: true });
  const blocks = Math.ceil(count / BLOCK);
  const started = Date.now();
  let made = 0;
  let shown = 0;
  log(`generating ${count} signed sample workbooks with ${processes} processes…`);
  await Promise.all(
    Array.from({ length: processes }, (_, worker) => {
      const child = fork(fileURLToPath(import.meta.url), [], { stdio: 'inherit' });
      child.send({ codeDir, folder, count, blocks, worker, processes });
      return new Promise((resolve, reject) => {
        child.on('message', (message) => {
          made += message.made;
          if (made - shown >= Math.max(100, count / 20) || made === count) {
            shown = made;
            const seconds = (Date.now() - started) / 1000;
            log(`  ${made}/${count} workbooks (${seconds.toFixed(0)} s)`);
          }
        });
        child.on('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`a generating process exited with ${code}`)),
        );
      });
    }),
  );
  await writeFile(marker, JSON.stringify({ count, asOf: AS_OF }));
}

/** In a generating process: every `processes`-th block of schools, from `worker` on. */
async function generate({ codeDir, folder, count, blocks, worker, processes }) {
  const app = await importAppCode(codeDir);
  const templates = { get: () => app.templates.LATEST_BUILT_IN };
  for (let block = worker; block < blocks; block += processes) {
    const first = block * BLOCK;
    const drawn = app.samples.unsignedSamples({
      count: Math.min(BLOCK, count - first),
      seed: `bench-aggregate/${block}`,
      asOf: AS_OF,
      signing: 'all',
    });
    let made = 0;
    for (const [offset, sample] of drawn.entries()) {
      const index = first + offset;
      const file = path.join(folder, fileName(index));
      if (existsSync(file)) continue;
      if (!sample.signoff) throw new Error(`sample ${index} is not to be signed`);
      // Distinct codes across seeds: the code is set before the principal signs.
      const school = { ...sample.inspection.school, code: `B${String(index).padStart(7, '0')}` };
      const inspection = app.samples.signSample({ ...sample.inspection, school }, sample.signoff);
      const { bytes } = app.exporter.exportWorkbook(inspection, 'zh-CN', templates, 'bench');
      await writeFile(`${file}.tmp`, bytes);
      await rename(`${file}.tmp`, file);
      made += 1;
    }
    process.send({ made: drawn.length, fresh: made });
  }
}

if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  process.once('message', (job) => {
    generate(job).then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
