import { createApi } from '../shared/ipc/api';
import type { IpcResult } from '../shared/ipc/define';
import { contract } from '../shared/ipc/contract';

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

async function invoke(channel: string, input: unknown): Promise<IpcResult<unknown>> {
  try {
    const response = await fetch('./__api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel, input }),
    });
    if (response.ok) return (await response.json()) as IpcResult<unknown>;
  } catch {
    // fall through: the user gets the same message whether the server is gone or refused us
  }
  const locale = document.documentElement.lang === 'en-US' ? 'en-US' : 'zh-CN';
  return { ok: false, error: { code: 'internal', message: UNREACHABLE[locale] } };
}

Object.defineProperty(window, 'api', {
  value: createApi(contract, invoke),
  writable: false,
  configurable: false,
  enumerable: true,
});
