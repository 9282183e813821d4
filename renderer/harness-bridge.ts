import { ERROR_MESSAGES } from '../shared/errors';
import type { Bilingual, Locale } from '../shared/i18n/locale';
import { MAX_EVIDENCE_BYTES } from '../shared/inspection/evidence';
import type { EvidenceRef } from '../shared/inspection/schema';
import { createApi } from '../shared/ipc/api';
import type { IpcFailure, IpcResult } from '../shared/ipc/define';
import { channelName } from '../shared/ipc/define';
import { contract } from '../shared/ipc/contract';
import type { PickResult } from '../shared/ipc/evidence';
import type { PickedFolder } from '../shared/ipc/scan';
import { FOLDER_TOO_LARGE, FOLDER_UPLOAD_LIMITS } from '../shared/scan/folder-upload';

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
const PICK_FOLDER = channelName('scan', 'pickFolder');

/**
 * evidence:pick and scan:pickFolder are the calls answered in the page: the desktop app opens its
 * own dialog, but a server cannot open one in the user's browser, so a file (or folder) input is
 * used and the files' bytes are uploaded. Not async: the input must be clicked within the user's
 * click that called pick.
 */
function send(channel: string, input: unknown): Promise<IpcResult<unknown>> {
  if (channel === PICK_EVIDENCE) return pickEvidence();
  if (channel === PICK_FOLDER) return pickFolder();
  return invoke(channel, input);
}

/** A hidden file input, clicked now; the files chosen, or null when the user cancels. */
function choose(setUp: (input: HTMLInputElement) => void): Promise<File[] | null> {
  const input = document.createElement('input');
  input.type = 'file';
  input.hidden = true;
  setUp(input);
  const chosen = new Promise<File[] | null>((resolve) => {
    input.addEventListener('change', () => resolve([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
  });
  document.body.append(input);
  input.click();
  return chosen.finally(() => input.remove());
}

/**
 * Opens the browser's folder chooser and uploads a copy of the folder's files, each with its path
 * inside the folder, to POST ./__scan-folder (begin, one request per file, end): the answer is
 * the token scan:start takes. Checked here against the caps first, so a folder over them is
 * never sent at all; the server checks every path and cap again.
 */
async function pickFolder(): Promise<IpcResult<PickedFolder | null>> {
  const files = await choose((input) => {
    input.webkitdirectory = true;
  });
  if (files === null) return { ok: true, value: null };
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  if (files.length > FOLDER_UPLOAD_LIMITS.files || bytes > FOLDER_UPLOAD_LIMITS.bytes) {
    return {
      ok: false,
      error: { code: 'evidence-too-large', message: FOLDER_TOO_LARGE[pageLocale()] },
    };
  }
  const begun = await folderStep<{ token: string }>({ step: 'begin' });
  if (!begun.ok) return begun;
  const { token } = begun.value;
  // One at a time, in the order chosen: they share one disk, and the first refusal ends it.
  for (const file of files) {
    const path = file.webkitRelativePath || file.name;
    const sent = await folderStep<null>({ step: 'file', token, path }, file);
    if (!sent.ok) return sent;
  }
  return folderStep<PickedFolder>({ step: 'end', token });
}

async function folderStep<T>(query: Record<string, string>, body?: Blob): Promise<IpcResult<T>> {
  try {
    const response = await fetch(`./__scan-folder?${new URLSearchParams(query).toString()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: body ?? new Uint8Array(0),
    });
    const answer: unknown = response.headers.get('content-type')?.startsWith('application/json')
      ? await response.json()
      : null;
    if (typeof answer === 'object' && answer !== null && 'ok' in answer) {
      return answer as IpcResult<T>;
    }
  } catch {
    // fall through: the server is gone or refused us
  }
  return { ok: false, error: { code: 'internal', message: UNREACHABLE[pageLocale()] } };
}

/** Opens the browser's file chooser and stores each chosen file; [] when the user cancels. */
async function pickEvidence(): Promise<IpcResult<PickResult>> {
  const files = await choose((input) => {
    input.multiple = true;
  });
  return storeFiles(files ?? []);
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
