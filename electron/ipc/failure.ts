import { AppError } from '../../shared/errors';
import type { ErrorCode } from '../../shared/errors';
import { errorMessage } from '../../shared/errors';
import type { Bilingual, Locale } from '../../shared/i18n/locale';
import type { IpcIssue, IpcResult } from '../../shared/ipc/define';
import type { Logger } from '../services/logger';

export function failure(
  code: ErrorCode,
  locale: Locale,
  extra?: { detail?: Bilingual; issues?: readonly IpcIssue[] },
): IpcResult<never> {
  const message = extra?.detail ? extra.detail[locale] : errorMessage(code, locale);
  return {
    ok: false,
    error: extra?.issues ? { code, message, issues: extra.issues } : { code, message },
  };
}

/** The log events a caller names its refusals and its failures by. */
export interface FailureEvents {
  readonly refused: string;
  readonly failed: string;
}

/**
 * What a thrown error becomes at the door, for every caller of a handler or a service: an
 * AppError keeps its code and its words; anything else is `internal`, with a generic message in
 * the user's language, while the stack goes to the log only.
 */
export function failureOf(
  error: unknown,
  locale: Locale,
  log: Logger,
  events: FailureEvents,
  fields: Readonly<Record<string, string>> = {},
): IpcResult<never> {
  if (error instanceof AppError) {
    log.warn(events.refused, { ...fields, code: error.code });
    return failure(error.code, locale, { detail: error.detail });
  }
  log.error(events.failed, error, fields);
  return failure('internal', locale);
}

/**
 * The user's language, or Chinese when it cannot be read (a settings file that failed mid-call):
 * an answer in the default language beats no answer.
 */
export function readLocale(locale: () => Locale): Locale {
  try {
    return locale();
  } catch {
    return 'zh-CN';
  }
}
