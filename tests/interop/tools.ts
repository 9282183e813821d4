import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The programs the interoperability tests run. A missing one fails the test with what to install
 * (`.ci/run` installs them all): these tests never skip.
 */

/** Debian's Python: the `python3` on PATH may be another one, without Debian's modules. */
export const PYTHON = '/usr/bin/python3';
const READ_WORKBOOK = fileURLToPath(new URL('./read_workbook.py', import.meta.url));
const MISSING_OPENPYXL = 3;

/**
 * A slow step done once, by the first test that needs it, its error kept for the others: so that
 * when a program is missing every test fails saying what to install, rather than being skipped.
 */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | { error: unknown } | undefined;
  return () => {
    if (made === undefined) {
      try {
        made = { value: make() };
      } catch (error) {
        made = { error };
      }
    }
    if ('error' in made) throw made.error;
    return made.value;
  };
}

/** Per test: LibreOffice takes seconds to start, and the first test converts every workbook. */
export const INTEROP_TIMEOUT = 180_000;

export interface Run {
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], missing: string, timeout: number): Run {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout, maxBuffer: 256 << 20 });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${command} was not found: ${missing}`);
    throw new Error(`${command} failed to run: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  }
  return { stdout: result.stdout, stderr: result.stderr };
}

/** One cell as openpyxl read it: null, or [kind, value, number format] (read_workbook.py). */
export type PyCell =
  readonly ['s' | 'n' | 'd' | 'f' | 'b' | 'e', string | number | boolean, string] | null;

export interface PySheet {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  readonly autofilter: string | null;
  readonly widths: Readonly<Record<string, number>>;
  readonly rows: readonly (readonly PyCell[])[];
}

export interface PyWorkbook {
  readonly openpyxl: string;
  readonly warnings: readonly string[];
  readonly sheets: readonly PySheet[];
}

const INSTALL_OPENPYXL = "install Debian's python3-openpyxl (apt-get install python3-openpyxl)";

/** What openpyxl reads in a workbook (tests/interop/read_workbook.py). */
export function readWithOpenpyxl(file: string): PyWorkbook {
  if (!existsSync(PYTHON))
    throw new Error(`${PYTHON} was not found: install python3 and ${INSTALL_OPENPYXL}`);
  const result = spawnSync(PYTHON, [READ_WORKBOOK, file], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 << 20,
  });
  if (result.status === MISSING_OPENPYXL)
    throw new Error(`openpyxl is missing: ${INSTALL_OPENPYXL}`);
  if (result.error || result.status !== 0) {
    throw new Error(`openpyxl could not open ${file}:\n${result.error?.message ?? result.stderr}`);
  }
  return JSON.parse(result.stdout) as PyWorkbook;
}

const INSTALL_SOFFICE =
  'install LibreOffice Calc (apt-get install --no-install-recommends libreoffice-calc-nogui)';

/** CSV of every sheet, UTF-8, each cell as shown (its number format applied): LibreOffice 7.2+. */
export const CSV_FILTER =
  'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

/**
 * LibreOffice headless with a profile of its own (so that it neither meets another instance nor
 * touches the user's), removed by `close`.
 */
export function libreOffice(): {
  convert: (files: readonly string[], to: string, outDir: string) => Run;
  close: () => void;
} {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  const convert = (files: readonly string[], to: string, outDir: string) => {
    const result = run(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--convert-to',
        to,
        '--outdir',
        outDir,
        ...files,
      ],
      INSTALL_SOFFICE,
      120_000,
    );
    // soffice exits 0 even when it could not load or write a file: it says so in its output.
    const said = `${result.stdout}\n${result.stderr}`;
    if (/error/i.test(said)) throw new Error(`LibreOffice could not convert to ${to}:\n${said}`);
    return result;
  };
  return { convert, close: () => rmSync(profile, { recursive: true, force: true }) };
}

/** The text of a PDF (poppler-utils' pdftotext). */
export function pdfText(file: string): string {
  return run('pdftotext', ['-layout', file, '-'], 'install poppler-utils', 30_000).stdout;
}
