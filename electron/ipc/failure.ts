import type { ErrorCode } from '../../shared/errors';
import { errorMessage } from '../../shared/errors';
import type { Bilingual, Locale } from '../../shared/i18n/locale';
import type { IpcIssue, IpcResult } from '../../shared/ipc/define';

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
