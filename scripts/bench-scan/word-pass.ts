import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { decodeText, declaredCharset } from '../../shared/scan/charset';
import { foldText } from '../../shared/scan/text/fold';
import { compileWords } from '../../shared/scan/words/matcher';
import { parseWordList } from '../../shared/scan/words/word-list';

/**
 * The word-list pass alone, for `npm run bench:scan`: every file of the corpus read, decoded
 * (its declared charset, else UTF-8, else GB18030: shared/scan/charset.ts), folded and run
 * through the word matcher, in as many worker threads as the scan uses; the list compiled once
 * per worker. Prints {files, bytes, hits} as JSON. Usage: node word-pass.mjs CORPUS WORDS N
 */

interface Start {
  readonly words: string;
}

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

function worker(): void {
  const { words } = workerData as Start;
  const matcher = compileWords(parseWordList(words).terms);
  parentPort!.on('message', (file: string) => {
    const bytes = readFileSync(file);
    const declared = file.endsWith('.html') ? declaredCharset(bytes.subarray(0, 4096)) : null;
    const text = foldText(decodeText(bytes, declared).text);
    parentPort!.postMessage({ bytes: bytes.length, hits: matcher.find(text).length });
  });
}

async function main(): Promise<void> {
  const [corpus, wordsFile, count] = process.argv.slice(2);
  if (!corpus || !wordsFile) throw new Error('usage: word-pass.mjs CORPUS WORDS [WORKERS]');
  const files = listFiles(corpus);
  const words = readFileSync(wordsFile, 'utf8');
  const totals = { files: files.length, bytes: 0, hits: 0 };
  let next = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const thread = new Worker(new URL(import.meta.url), {
        workerData: { words } satisfies Start,
      });
      const feed = () => {
        if (next >= files.length) return void thread.terminate().then(() => resolve());
        thread.postMessage(files[next++]);
      };
      thread.on('message', (result: { bytes: number; hits: number }) => {
        totals.bytes += result.bytes;
        totals.hits += result.hits;
        feed();
      });
      feed();
    });
  await Promise.all(Array.from({ length: Math.max(1, Number(count ?? 2)) }, one));
  process.stdout.write(`${JSON.stringify(totals)}\n`);
}

if (isMainThread) await main();
else worker();
