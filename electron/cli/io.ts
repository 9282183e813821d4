import type { AppError } from '../../shared/errors';
import { ERROR_MESSAGES } from '../../shared/errors';
import type { Bilingual } from '../../shared/i18n/locale';

/** Where the CLI writes; injected so tests read what a user would see. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /**
   * One line of progress that replaces the last (\r on stderr), given only when stderr is a
   * terminal; "" clears it.
   */
  readonly progress?: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A failure the user can act on: printed as one line, no stack trace. */
export class CliError extends Error {
  readonly exitCode: number;
  readonly text: Bilingual;

  constructor(text: Bilingual, exitCode = EXIT_FAILURE) {
    super(text['en-US']);
    this.name = 'CliError';
    this.text = text;
    this.exitCode = exitCode;
  }
}

/** The CLI is read by bureau clerks and by scripts: every message in Chinese, then English. */
export function bilingual(text: Bilingual): string {
  return `${text['zh-CN']} / ${text['en-US']}`;
}

/** An AppError from a service, as the one line the CLI prints. */
export const fromAppError = (error: AppError): CliError =>
  new CliError(error.detail ?? ERROR_MESSAGES[error.code]);

/** What the CLI writes to: process.stdout and process.stderr, or a test's stream. */
export interface OutputStream {
  write(text: string): unknown;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/** The CLI's io over two streams, as `qinglang` runs it; `failed` says whether output was lost. */
export interface StreamIo extends CliIo {
  /** An output could not be written for another reason than its reader going away. */
  readonly failed: () => boolean;
}

/**
 * The io of the `qinglang` process. A reader that goes away (`qinglang scan … | head`) closes the
 * pipe: what is left to print is dropped quietly (EPIPE), never an unhandled error and its stack
 * trace, and the command runs on to its end (its --json and --xlsx files) and its exit code. Any
 * other write error (a full disk behind `> out.txt`) also stops that output, is said once on the
 * other stream and makes `failed` true.
 */
export function streamIo(
  stdout: OutputStream,
  stderr: OutputStream,
  env: NodeJS.ProcessEnv,
  terminal: boolean,
): StreamIo {
  let failed = false;
  const writer = (stream: OutputStream, other: () => OutputStream | null) => {
    let closed = false;
    stream.on('error', (error) => {
      if (closed) return;
      closed = true;
      if (error.code === 'EPIPE') return;
      failed = true;
      other()?.write(
        `${bilingual({ 'zh-CN': `无法写出输出（${error.code ?? error.message}）`, 'en-US': `cannot write the output (${error.code ?? error.message})` })}\n`,
      );
    });
    return {
      write: (text: string) => {
        if (!closed) stream.write(text);
      },
      open: () => !closed,
    };
  };
  const err = writer(stderr, () => (out.open() ? stdout : null));
  const out = writer(stdout, () => (err.open() ? stderr : null));
  return {
    out: (line) => out.write(`${line}\n`),
    err: (line) => err.write(`${line}\n`),
    env,
    ...(terminal && { progress: (text: string) => err.write(`\r${text}\u001b[K`) }),
    failed: () => failed,
  };
}
