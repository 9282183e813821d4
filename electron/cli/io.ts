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
