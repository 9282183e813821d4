import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Locale } from '../../shared/i18n/locale';
import { MAX_IMPORT_BYTES } from '../../shared/inspection/patterns';
import { base64LengthFor } from '../../shared/ipc/define';
import type { Dispatch } from '../ipc/dispatch';
import { failure, readLocale } from '../ipc/failure';
import type { Logger } from '../services/logger';
import { checkRequest } from './auth';
import { cspOf, readStaticFile } from '../page/static-files';
import { injectBridge } from './bridge-page';
import type { FolderUploadOptions } from './folder-upload';
import { FOLDER_UPLOAD_PATH, handleFolderUpload } from './folder-upload';
import type { UploadOptions } from './upload';
import { handleUpload, UPLOAD_PATH } from './upload';

/** The API's path inside the app (after the token prefix). */
export const API_PATH = '/__api/invoke';
/**
 * The largest API call: an inspection file at the import limit, as base64, in its envelope. (The
 * desktop app's IPC has no such limit, so a file that imports there must import here too.)
 */
export const MAX_API_BODY_BYTES = base64LengthFor(MAX_IMPORT_BYTES) + 64 * 1024;

interface HarnessOptions {
  readonly rendererDir: string;
  readonly dispatch: Dispatch;
  readonly token: string;
  readonly port: number;
  readonly log: Logger;
  /** Where files chosen in the page's file input go; without it the upload route is absent. */
  readonly upload?: UploadOptions;
  /** Where a folder chosen in the page's folder input is copied to be scanned; absent without it. */
  readonly folderUpload?: FolderUploadOptions;
  /** The user's language, for the refusals the server itself makes (default Chinese). */
  readonly locale?: () => Locale;
}

export interface RunningHarness {
  /** The address the server is bound to: always the loopback one. */
  readonly address: string;
  readonly port: number;
  /** The address to open, with the session token. */
  readonly url: string;
  close(): Promise<void>;
}

const BASE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
} as const;

const REFUSED_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Qinglang Inspector</title>' +
  '<p>请使用启动时打印的完整链接（含 token）打开本页。</p>' +
  '<p>Open this page with the full link (with its token) printed when the harness started.</p>';

/**
 * Serves the renderer build and the app's own handlers on 127.0.0.1, so the real UI and the
 * real services run in any Chromium. It holds no app logic: every call goes to `dispatch`.
 */
export async function startHarness(options: HarnessOptions): Promise<RunningHarness> {
  const indexHtml = await fs.readFile(path.join(options.rendererDir, 'index.html'), 'utf8');
  const csp = cspOf(indexHtml);
  if (!csp) throw new Error('The renderer build declares no Content-Security-Policy');
  const page = Buffer.from(injectBridge(indexHtml));

  let port = options.port;
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log.error('harness.request-failed', error);
      if (!res.headersSent) res.writeHead(500, { ...BASE_HEADERS, 'content-type': 'text/plain' });
      res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const verdict = checkRequest(
      {
        host: req.headers.host,
        origin: req.headers.origin,
        secFetchSite: header(req.headers['sec-fetch-site']),
        authorization: req.headers.authorization,
        pathname: new URL(req.url ?? '/', 'http://127.0.0.1').pathname,
      },
      { port, token: options.token },
    );
    if (!verdict.ok) {
      options.log.warn('harness.refused', { reason: verdict.reason });
      res.writeHead(verdict.status, {
        ...BASE_HEADERS,
        'content-type': 'text/html; charset=utf-8',
      });
      res.end(REFUSED_PAGE);
      return;
    }
    if (verdict.redirect) {
      res.writeHead(308, { ...BASE_HEADERS, location: verdict.redirect });
      res.end();
      return;
    }
    // Decoded once, here, so every route below sees the same path (no /%69ndex.html detours).
    const path = decodePath(verdict.path);
    if (path === null) {
      res.writeHead(400, { ...BASE_HEADERS, 'content-type': 'text/plain' });
      res.end();
      return;
    }
    if (path === API_PATH) return api(req, res);
    if (path === UPLOAD_PATH && options.upload) {
      return handleUpload(req, (status, body) => sendJson(res, status, body), {
        ...options.upload,
        log: options.log,
      });
    }
    if (path === FOLDER_UPLOAD_PATH && options.folderUpload) {
      return handleFolderUpload(req, (status, body) => sendJson(res, status, body), {
        ...options.folderUpload,
        log: options.log,
      });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...BASE_HEADERS, allow: 'GET, HEAD' });
      res.end();
      return;
    }
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, {
        ...BASE_HEADERS,
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': csp!,
      });
      res.end(req.method === 'HEAD' ? undefined : page);
      return;
    }
    const file = await readStaticFile(options.rendererDir, path);
    if (!file) {
      res.writeHead(404, { ...BASE_HEADERS, 'content-type': 'text/plain' });
      res.end();
      return;
    }
    res.writeHead(200, { ...BASE_HEADERS, 'content-type': file.contentType });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  /** What a malformed call gets: the same answer as invalid input through the door, in the user's language. */
  const refusal = () => failure('invalid-input', readLocale(options.locale ?? (() => 'zh-CN')));

  async function api(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    // A JSON content type forces a CORS preflight on any cross-site fetch, which is never answered.
    if (
      req.method !== 'POST' ||
      !header(req.headers['content-type'])?.startsWith('application/json')
    ) {
      reply(415, refusal());
      return;
    }
    const body = await readBody(req, MAX_API_BODY_BYTES);
    if (body === null) {
      reply(413, refusal());
      return;
    }
    let call: unknown;
    try {
      call = JSON.parse(body);
    } catch {
      reply(400, refusal());
      return;
    }
    if (
      typeof call !== 'object' ||
      call === null ||
      typeof (call as { channel?: unknown }).channel !== 'string'
    ) {
      reply(400, refusal());
      return;
    }
    const { channel, input } = call as { channel: string; input?: unknown };
    reply(200, await options.dispatch(channel, input));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const bound = server.address() as AddressInfo;
  port = bound.port;
  options.log.info('harness.listening', { port });

  return {
    address: bound.address,
    port,
    url: `http://127.0.0.1:${port}/${options.token}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
