import type { IncomingMessage } from 'node:http';
import type { Locale } from '../../shared/i18n/locale';
import type { IpcResult } from '../../shared/ipc/define';
import { failure, failureOf, readLocale } from '../ipc/failure';
import type { Logger } from '../services/logger';
import type { FolderUploads } from '../services/scan/folder-uploads';
import { FOLDER_UPLOAD_LIMITS } from '../../shared/scan/folder-upload';
import type { Reply } from './upload';
import { discardRest, isOctetStreamPost, requestBody } from './upload-request';

/** The folder upload route's path inside the app (after the token prefix). */
export const FOLDER_UPLOAD_PATH = '/__scan-folder';

const EVENTS = {
  refused: 'harness.folder-upload-refused',
  failed: 'harness.folder-upload-failed',
} as const;

export interface FolderUploadOptions {
  readonly uploads: FolderUploads;
  readonly locale: () => Locale;
}

/**
 * The harness's stand-in for the desktop app's folder dialog (scan:pickFolder), in three steps,
 * each `POST <token>/__scan-folder?step=…` as application/octet-stream and answered with an
 * IpcResult: `begin` → `{ token }`; `file&token=…&path=<folder>/<relative path>` with the file's
 * bytes → `null`; `end&token=…` → the PickedFolder `scan:start` takes. The request has already
 * passed the harness's token, Host and Origin checks; the scan service checks every path and cap.
 */
export async function handleFolderUpload(
  req: IncomingMessage,
  reply: Reply,
  options: FolderUploadOptions & { readonly log: Logger },
): Promise<void> {
  const { uploads, log } = options;
  const locale = readLocale(options.locale);
  if (!isOctetStreamPost(req)) {
    reply(415, failure('invalid-input', locale));
    return;
  }
  const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
  const step = query.get('step');
  const token = query.get('token') ?? '';
  const run = async (): Promise<IpcResult<unknown>> => {
    try {
      if (step === 'begin') return { ok: true, value: { token: uploads.begin() } };
      if (step === 'end') return { ok: true, value: uploads.finish(token) };
      const relative = query.get('path');
      if (step !== 'file' || relative === null || relative.length > 4096) {
        return failure('invalid-input', locale);
      }
      const body = requestBody(req);
      const declared = Number(req.headers['content-length'] ?? 0);
      await uploads.write(token, relative, body, Number.isFinite(declared) ? declared : 0);
      return { ok: true, value: null };
    } catch (error) {
      return failureOf(error, locale, log, EVENTS);
    }
  };
  const result = await run();
  reply(result.ok ? 200 : 400, result);
  if (!req.complete) discardRest(req, FOLDER_UPLOAD_LIMITS.bytes);
}
