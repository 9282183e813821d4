import type { ApiOf, ContractSpec, IpcResult } from './define';
import { listChannels } from './define';

/** Sends one call over whatever carries it (Electron IPC, or HTTP in the browser harness). */
export type Invoke = (channel: string, input: unknown) => Promise<IpcResult<unknown>>;

/**
 * Builds window.api from the contract: one frozen object per domain with one method per channel.
 * The preload and the browser harness both call this, so the renderer sees the same object.
 */
export function createApi<K extends ContractSpec>(contract: K, invoke: Invoke): ApiOf<K> {
  const api: Record<string, Record<string, (input?: unknown) => Promise<IpcResult<unknown>>>> = {};
  for (const { domain, method, name } of listChannels(contract)) {
    const methods = (api[domain] ??= {});
    methods[method] = (input?: unknown) => invoke(name, input);
  }
  for (const domain of Object.keys(api)) Object.freeze(api[domain]);
  return Object.freeze(api) as unknown as ApiOf<K>;
}
