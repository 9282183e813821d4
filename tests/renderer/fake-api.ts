import { vi } from 'vitest';
import { createApi } from '../../shared/ipc/api';
import { contract } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/define';
import type { AppInfo } from '../../shared/ipc/app';
import type { SchoolProfile } from '../../shared/inspection/schema';
import type { Settings } from '../../shared/settings';

export const INFO: AppInfo = {
  name: 'Qinglang Inspector',
  version: '9.9.9',
  shell: 'desktop',
  dataDir: 'C:\\Users\\it\\AppData\\Roaming\\qinglang',
  logFile: 'C:\\Users\\it\\AppData\\Roaming\\qinglang\\logs\\qinglang.log',
  notices: [],
};

export const PROFILE: SchoolProfile = {
  name: '示例第一中学',
  code: '1111000001',
  district: '示例区',
  stage: 'junior',
  address: '',
  contactName: '',
  contactPhone: '',
};

type Answer = (input: unknown) => IpcResult<unknown>;

/**
 * A window.api built by the real createApi over an in-memory Node side, so components meet the
 * same object shape as in the app. Override a channel to make it fail.
 */
export function installFakeApi(
  options: {
    info?: Partial<AppInfo>;
    settings?: Partial<Settings>;
    answers?: Record<string, Answer>;
  } = { settings: { profile: PROFILE, inspector: '王老师' } },
) {
  let settings: Settings = { language: 'zh-CN', ...options.settings };
  const answers: Record<string, Answer> = {
    'app:info': () => ({ ok: true, value: { ...INFO, ...options.info } }),
    'app:logRendererError': () => ({ ok: true, value: null }),
    'settings:get': () => ({ ok: true, value: settings }),
    'settings:set': (input) => {
      settings = { ...settings, ...(input as Partial<Settings>) };
      return { ok: true, value: settings };
    },
    'inspections:list': () => ({ ok: true, value: [] }),
    'templates:list': () => ({ ok: true, value: [] }),
    ...options.answers,
  };
  const invoke = vi.fn(async (channel: string, input: unknown) => answers[channel]!(input));
  Object.defineProperty(window, 'api', { value: createApi(contract, invoke), configurable: true });
  return { invoke, settings: () => settings };
}
