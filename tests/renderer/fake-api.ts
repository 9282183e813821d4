import { vi } from 'vitest';
import { createApi } from '../../shared/ipc/api';
import { contract } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/define';
import type { AppInfo } from '../../shared/ipc/app';
import type { Settings } from '../../shared/settings';

export const INFO: AppInfo = {
  name: 'Qinglang Inspector',
  version: '9.9.9',
  shell: 'desktop',
  dataDir: 'C:\\Users\\it\\AppData\\Roaming\\qinglang',
  logFile: 'C:\\Users\\it\\AppData\\Roaming\\qinglang\\logs\\qinglang.log',
  notices: [],
};

type Answer = (input: unknown) => IpcResult<unknown>;

/**
 * A window.api built by the real createApi over an in-memory Node side, so components meet the
 * same object shape as in the app. Override a channel to make it fail.
 */
export function installFakeApi(
  options: { info?: Partial<AppInfo>; answers?: Record<string, Answer> } = {},
) {
  let settings: Settings = { language: 'zh-CN' };
  const answers: Record<string, Answer> = {
    'app:info': () => ({ ok: true, value: { ...INFO, ...options.info } }),
    'app:logRendererError': () => ({ ok: true, value: null }),
    'settings:get': () => ({ ok: true, value: settings }),
    'settings:set': (input) => {
      settings = { ...settings, ...(input as Partial<Settings>) };
      return { ok: true, value: settings };
    },
    ...options.answers,
  };
  const invoke = vi.fn(async (channel: string, input: unknown) => answers[channel]!(input));
  Object.defineProperty(window, 'api', { value: createApi(contract, invoke), configurable: true });
  return { invoke, settings: () => settings };
}
