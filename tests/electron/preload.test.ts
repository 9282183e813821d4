import { contextBridge, ipcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { contract } from '../../shared/ipc/contract';
import { channelName, listChannels } from '../../shared/ipc/define';

describe('the preload', () => {
  it('exposes exactly one window.api with only the contract channels', async () => {
    await import('../../electron/preload');
    const expose = vi.mocked(contextBridge.exposeInMainWorld);
    expect(expose).toHaveBeenCalledTimes(1);
    const [key, api] = expose.mock.calls[0]! as [string, Record<string, Record<string, unknown>>];
    expect(key).toBe('api');

    const surface = Object.entries(api).flatMap(([domain, methods]) =>
      Object.entries(methods).map(([method, fn]) => {
        expect(typeof fn).toBe('function');
        return channelName(domain, method);
      }),
    );
    expect(surface.sort()).toEqual(
      listChannels(contract)
        .map((c) => c.name)
        .sort(),
    );
    const exposed = [api, ...Object.values(api), ...Object.values(api).flatMap(Object.values)];
    expect(exposed).not.toContain(ipcRenderer);
    expect(exposed).not.toContain(ipcRenderer.invoke);
  });

  it('forwards each call to ipcRenderer.invoke on its contract channel and nothing else', async () => {
    await import('../../electron/preload');
    const [, api] = vi.mocked(contextBridge.exposeInMainWorld).mock.calls[0]! as [
      string,
      { settings: { set(input: unknown): Promise<unknown> } },
    ];
    vi.mocked(ipcRenderer.invoke).mockResolvedValueOnce({ ok: true, value: { language: 'en-US' } });
    await expect(api.settings.set({ language: 'en-US' })).resolves.toEqual({
      ok: true,
      value: { language: 'en-US' },
    });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('settings:set', { language: 'en-US' });
    expect(ipcRenderer.send).not.toHaveBeenCalled();
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });
});
