import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * The word-list pass alone, for `npm run bench:scan`: every file of the corpus read, decoded as
 * the scan decodes it (pageOfBytes: binary sniffed, then its declared charset, else UTF-8, else
 * GB18030: shared/scan/charset.ts) and run through the word matcher, which folds each code unit
 * as it reads it (full-width and half-width, case, dashes: the scan's word detector hands it
 * the page's text, not a folded copy; shared/scan/words/matcher.ts), in as many worker
 * threads as the scan uses, with the scan's worker memory limits; the list compiled once per
 * worker. The workers start first and load the scan's code themselves (this thread only lists
 * the files meanwhile); each takes the next file from a shared counter (as ripgrep's threads
 * take work), so no message crosses threads per file. Prints {files, bytes, hits} as JSON.
 * Usage: node word-pass.mjs CORPUS WORDS N
 */

interface Start {
  readonly words: string;
  /** One Int32: the index of the next file to take. */
  readonly next: SharedArrayBuffer;
}

interface Totals {
  bytes: number;
  hits: number;
}

/** As electron/services/scan/scan-pool.ts starts its workers. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1024 };

function listFiles(root: string): string[] {
  const files: string[] = [];
  const pending = [root];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile()) files.push(full);
    }
  }
  return files.sort();
}

async function worker(): Promise<void> {
  const { words, next } = workerData as Start;
  const files = new Promise<readonly string[]>((resolve) => parentPort!.once('message', resolve));
  const { pageOfBytes } = await import('../../electron/services/scan/sources/read-document');
  const { compileWords } = await import('../../shared/scan/words/matcher');
  const { parseWordList } = await import('../../shared/scan/words/word-list');
  const matcher = compileWords(parseWordList(words).terms);
  const list = await files;
  const counter = new Int32Array(next);
  const totals: Totals = { bytes: 0, hits: 0 };
  for (let k = Atomics.add(counter, 0, 1); k < list.length; k = Atomics.add(counter, 0, 1)) {
    const file = list[k]!;
    const bytes = readFileSync(file);
    const kind = file.endsWith('.html') ? 'html' : 'text';
    const { page } = pageOfBytes(bytes, { kind, source: file, baseUrl: '', declared: null });
    totals.bytes += bytes.length;
    if (page) totals.hits += matcher.find(page.text).length;
  }
  parentPort!.postMessage(totals);
}

async function main(): Promise<void> {
  const [corpus, wordsFile, count] = process.argv.slice(2);
  if (!corpus || !wordsFile) throw new Error('usage: word-pass.mjs CORPUS WORDS [WORKERS]');
  const start: Start = { words: readFileSync(wordsFile, 'utf8'), next: new SharedArrayBuffer(4) };
  const threads = Array.from(
    { length: Math.max(1, Number(count ?? 2)) },
    () =>
      new Worker(new URL(import.meta.url), { workerData: start, resourceLimits: WORKER_LIMITS }),
  );
  const done = threads.map(
    (thread) =>
      new Promise<Totals>((resolve, reject) => {
        thread.once('message', (totals: Totals) => {
          void thread.terminate().then(() => resolve(totals));
        });
        thread.once('error', reject);
      }),
  );
  const files = listFiles(corpus);
  for (const thread of threads) thread.postMessage(files);
  const totals = { files: files.length, bytes: 0, hits: 0 };
  for (const result of await Promise.all(done)) {
    totals.bytes += result.bytes;
    totals.hits += result.hits;
  }
  process.stdout.write(`${JSON.stringify(totals)}\n`);
}

if (isMainThread) await main();
else await worker();
