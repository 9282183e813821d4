import { ERROR_MESSAGES } from '../shared/errors';
import type { Bilingual, Locale } from '../shared/i18n/locale';
import { MAX_EVIDENCE_BYTES } from '../shared/inspection/evidence';
import type { EvidenceRef } from '../shared/inspection/schema';
import { createApi } from '../shared/ipc/api';
import type { IpcFailure, IpcResult } from '../shared/ipc/define';
import { channelName } from '../shared/ipc/define';
import { contract } from '../shared/ipc/contract';
import type { PickResult } from '../shared/ipc/evidence';

/**
 * Loaded only by the browser harness, before the app: the same window.api as the preload's,
 * carried over HTTP to the same handlers. The page's address (/TOKEN/) carries the session token,
 * and the relative API path inherits it.
 */
const UNREACHABLE = {
  'zh-CN': '无法连接到本地服务（浏览器测试模式），请确认 npm run browser 仍在运行。',
  'en-US':
    'The local service (browser harness) cannot be reached. Check that npm run browser is still running.',
} as const;

const pageLocale = (): Locale => (document.documentElement.lang === 'en-US' ? 'en-US' : 'zh-CN');

async function invoke(channel: string, input: unknown): Promise<IpcResult<unknown>> {
  try {
    const body = JSON.stringify({ channel, input });
    const response = await fetch('./__api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      // A small call (an autosave batch) still reaches the server while the page unloads.
      keepalive: body.length < 60_000,
    });
    if (response.ok) return (await response.json()) as IpcResult<unknown>;
    if (response.status === 413) {
      // Too large to send: retrying cannot help, so it is refused like any invalid input.
      const code = 'invalid-input';
      return { ok: false, error: { code, message: ERROR_MESSAGES[code][pageLocale()] } };
    }
  } catch {
    // fall through: the user gets the same message whether the server is gone or refused us
  }
  return { ok: false, error: { code: 'internal', message: UNREACHABLE[pageLocale()] } };
}

const PICK_EVIDENCE = channelName('evidence', 'pick');

/**
 * evidence:pick is the one call answered in the page: the desktop app opens its own dialog, but
 * a server cannot open one in the user's browser, so a file input is used and each file's bytes
 * are uploaded. Not async: the input must be clicked within the user's click that called pick.
 */
function send(channel: string, input: unknown): Promise<IpcResult<unknown>> {
  return channel === PICK_EVIDENCE ? pickEvidence() : invoke(channel, input);
}

/** Opens the browser's file chooser and stores each chosen file; [] when the user cancels. */
function pickEvidence(): Promise<IpcResult<PickResult>> {
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  input.hidden = true;
  const chosen = new Promise<File[]>((resolve) => {
    input.addEventListener('change', () => resolve([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
  });
  document.body.append(input);
  input.click();
  return chosen.then(storeFiles).finally(() => input.remove());
}

async function storeFiles(files: readonly File[]): Promise<IpcResult<PickResult>> {
  const result: PickResult = { files: [], problems: [] };
  // One at a time: each upload is a file of up to 50 MB written to disk; in parallel they would
  // only compete for the same disk, and the answers keep the order the files were chosen in.
  for (const file of files) {
    // Checked here as well, so that a file over the limit is never sent at all.
    const stored =
      file.size > MAX_EVIDENCE_BYTES
        ? ({ ok: false, message: { ...ERROR_MESSAGES['evidence-too-large'] } } as const)
        : await upload(file);
    if (stored.ok) result.files.push(stored.value);
    else result.problems.push({ name: file.name, message: stored.message });
  }
  return { ok: true, value: result };
}

type Upload =
  | { readonly ok: true; readonly value: EvidenceRef }
  | { readonly ok: false; readonly message: Bilingual };

async function upload(file: File): Promise<Upload> {
  const query = new URLSearchParams({ name: file.name, type: file.type });
  let answer: unknown;
  try {
    const response = await fetch(`./__upload?${query.toString()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: file,
    });
    answer = response.headers.get('content-type')?.startsWith('application/json')
      ? await response.json()
      : null;
  } catch {
    return { ok: false, message: { ...UNREACHABLE } };
  }
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) {
    return { ok: false, message: { ...ERROR_MESSAGES.internal } };
  }
  const result = answer as IpcResult<EvidenceRef>;
  return result.ok ? result : { ok: false, message: bilingual(result.error) };
}

/**
 * A problem carries both languages; the server answered in the user's. Its standard messages are
 * known here in both; a specific one (an error's own detail) is kept as it came, in both slots.
 */
function bilingual(error: IpcFailure): Bilingual {
  if (Object.hasOwn(ERROR_MESSAGES, error.code)) {
    const standard: Bilingual = ERROR_MESSAGES[error.code];
    if (Object.values(standard).includes(error.message)) return { ...standard };
  }
  return { 'zh-CN': error.message, 'en-US': error.message };
}

Object.defineProperty(window, 'api', {
  value: createApi(contract, send),
  writable: false,
  configurable: false,
  enumerable: true,
});
