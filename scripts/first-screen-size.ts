import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The budget DESIGN.md sets for what the first screen loads, gzipped. */
export const FIRST_SCREEN_BUDGET_BYTES = 250 * 1024;

/** The files index.html makes the browser load before the first paint: scripts, preloads, styles. */
export function firstScreenFiles(indexHtml: string): string[] {
  const refs = [
    ...indexHtml.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
    ...indexHtml.matchAll(/<link\b[^>]*\brel="(?:modulepreload|stylesheet)"[^>]*\bhref="([^"]+)"/g),
  ].map((match) => match[1]!);
  return [...new Set(refs)].filter((ref) => !/^[a-z]+:/i.test(ref));
}

export function gzippedSize(files: readonly string[], root: string): number {
  return files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(path.join(root, file)), { level: 9 }).length,
    0,
  );
}

/** Prints the first screen's gzipped size after every renderer build, against the budget. */
export function firstScreenSize(): Plugin {
  let outDir = '';
  return {
    name: 'qinglang:first-screen-size',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const files = firstScreenFiles(readFileSync(path.join(outDir, 'index.html'), 'utf8'));
      const bytes = gzippedSize(files, outDir);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      const verdict = bytes <= FIRST_SCREEN_BUDGET_BYTES ? 'within' : 'OVER';
      console.log(
        `first screen: ${kb(bytes)} gzipped in ${files.length} files (${verdict} the ${kb(FIRST_SCREEN_BUDGET_BYTES)} budget)`,
      );
    },
  };
}
