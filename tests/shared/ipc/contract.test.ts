import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createApi } from '../../../shared/ipc/api';
import { contract } from '../../../shared/ipc/contract';
import { channelName, listChannels } from '../../../shared/ipc/define';

describe('the IPC contract', () => {
  const channels = listChannels(contract);

  it('declares every channel with an input and an output schema', () => {
    expect(channels.length).toBeGreaterThan(0);
    for (const { spec, name } of channels) {
      expect(spec.input, name).toBeInstanceOf(z.ZodType);
      expect(spec.output, name).toBeInstanceOf(z.ZodType);
    }
  });

  it('names channels domain:method, each once', () => {
    const names = channels.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const { domain, method, name } of channels) {
      expect(name).toBe(channelName(domain, method));
      expect(name).toMatch(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/);
    }
  });

  it('includes the app and settings channels the shell needs', () => {
    expect(channels.map((c) => c.name)).toEqual(
      expect.arrayContaining(['app:info', 'app:logRendererError', 'settings:get', 'settings:set']),
    );
  });
});

describe('createApi', () => {
  it('builds one frozen method per channel that forwards its name and input', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: null }));
    const api = createApi(contract, invoke);

    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
    for (const { domain, method } of listChannels(contract)) {
      expect(typeof (api as Record<string, Record<string, unknown>>)[domain]![method]).toBe(
        'function',
      );
    }
    await api.settings.set({ language: 'en-US' });
    expect(invoke).toHaveBeenCalledWith('settings:set', { language: 'en-US' });
    await api.settings.get();
    expect(invoke).toHaveBeenLastCalledWith('settings:get', undefined);

    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.settings)).toBe(true);
  });

  it('has nothing but the contract channels on it', () => {
    const api = createApi(contract, vi.fn());
    const surface = Object.entries(api).flatMap(([domain, methods]) =>
      Object.keys(methods).map((method) => channelName(domain, method)),
    );
    expect(surface.sort()).toEqual(
      listChannels(contract)
        .map((c) => c.name)
        .sort(),
    );
  });
});
