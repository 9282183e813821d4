import type { IncomingMessage } from 'node:http';
import type { Locale } from '../../shared/i18n/locale';
import { evidenceRefSchema } from '../../shared/inspection/schema';
import type { EvidenceRef } from '../../shared/inspection/schema';
import type { IpcResult } from '../../shared/ipc/define';
import { failure, failureOf, readLocale } from '../ipc/failure';
import type { EvidenceStore } from '../services/evidence/evidence-store';
import type { Logger } from '../services/logger';
import { discardRest, isOctetStreamPost, requestBody } from './upload-request';

/** The upload route's path inside the app (after the token prefix). */
export const UPLOAD_PATH = '/__upload';

const UPLOAD_EVENTS = {
  refused: 'harness.upload-refused',
  failed: 'harness.upload-failed',
} as const;

/** A file's name arrives in the query; the store shortens it to 255 characters anyway. */
const MAX_NAME_PARAM = 4096;

export interface UploadOptions {
  readonly evidence: Pick<EvidenceStore, 'addStream' | 'maxBytes'>;
  /** The user's language, read per request as the dispatcher does. */
  readonly locale: () => Locale;
}

export type Reply = (status: number, body: unknown) => void;

/**
 * POST <token>/__upload?name=…&type=… with the file's bytes as application/octet-stream: the
 * harness's stand-in for the desktop app's file dialog. The bytes stream into the evidence store
 * and the answer is the same IpcResult an API call gets. The request has already passed the
 * harness's token, Host and Origin checks.
 */
export async function handleUpload(
  req: IncomingMessage,
  reply: Reply,
  options: UploadOptions & { readonly log: Logger },
): Promise<void> {
  const { evidence, log } = options;
  if (!isOctetStreamPost(req)) {
    reply(415, failure('invalid-input', readLocale(options.locale)));
    return;
  }
  const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
  const name = query.get('name');
  const type = query.get('type') ?? '';
  if (!name || name.length > MAX_NAME_PARAM || type.length > 200) {
    reply(400, failure('invalid-input', readLocale(options.locale)));
    return;
  }

  const answer = (result: IpcResult<EvidenceRef>) => {
    const tooLarge = !result.ok && result.error.code === 'evidence-too-large';
    reply(tooLarge ? 413 : 200, result);
  };
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > evidence.maxBytes) {
    log.warn('harness.upload-refused', { code: 'evidence-too-large' });
    answer(failure('evidence-too-large', readLocale(options.locale)));
    discardRest(req, 2 * evidence.maxBytes);
    return;
  }

  const body = requestBody(req);
  let result: IpcResult<EvidenceRef>;
  try {
    const ref = evidenceRefSchema.parse(await evidence.addStream(body, name, type));
    result = { ok: true, value: ref };
  } catch (error) {
    result = failureOf(error, readLocale(options.locale), log, UPLOAD_EVENTS);
  }
  answer(result);
  if (!req.complete) discardRest(req, 2 * evidence.maxBytes);
}
