import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root: the benchmark runs the built app in out/ and keeps its baseline in bench/. */
export const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
