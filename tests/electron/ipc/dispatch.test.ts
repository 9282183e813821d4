import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { silentLogger } from '../../../electron/services/logger';
import type { Logger } from '../../../electron/services/logger';
import { AppError, ERROR_MESSAGES } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locale';
import { defineDomain } from '../../../shared/ipc/define';

const contract = {
  demo: defineDomain({
    echo: { input: z.strictObject({ text: z.string().max(5) }), output: z.string() },
    refuse: { input: z.undefined(), output: z.null() },
    crash: { input: z.undefined(), output: z.null() },
    lie: { input: z.undefined(), output: z.number() },
  }),
};

function setup(locale: Locale = 'zh-CN', log: Logger = silentLogger) {
  const handlers = {
    demo: {
      echo: vi.fn(({ text }: { text: string }) => text.toUpperCase()),
      refuse: () => {
        throw new AppError('storage-newer-version');
      },
      crash: () => {
        throw new Error('ENOENT: /home/teacher/secret at Object.<anonymous> (main.js:1:1)');
      },
      lie: () => 'not a number',
    },
  };
  return {
    handlers,
    dispatch: createDispatcher({ contract, handlers, locale: () => locale, log }),
  };
}

describe('the IPC dispatcher', () => {
  it('validates the input and returns the handler value', async () => {
    const { dispatch, handlers } = setup();
    await expect(dispatch('demo:echo', { text: 'abc' })).resolves.toEqual({
      ok: true,
      value: 'ABC',
    });
    expect(handlers.demo.echo).toHaveBeenCalledWith({ text: 'abc' });
  });

  it('refuses invalid input before the handler runs, saying where, in the user language', async () => {
    const { dispatch, handlers } = setup('zh-CN');
    const result = await dispatch('demo:echo', { text: 'too long' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: ERROR_MESSAGES['invalid-input']['zh-CN'] },
    });
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.issues?.[0]?.path).toBe('text');
    expect(result.error.issues?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(handlers.demo.echo).not.toHaveBeenCalled();
  });

  it('answers in English when the user chose English', async () => {
    const { dispatch } = setup('en-US');
    const result = await dispatch('demo:echo', 42);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: ERROR_MESSAGES['invalid-input']['en-US'] },
    });
  });

  it.each([
    ['extra keys', { text: 'a', extra: true }],
    ['a prototype key', JSON.parse('{"text":"a","__proto__":{"polluted":true}}')],
    ['a wrong type', { text: 7 }],
    ['nothing', undefined],
    ['an array', ['a']],
  ])('refuses %s', async (_label, input) => {
    const { dispatch } = setup();
    await expect(dispatch('demo:echo', input)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a channel that is not in the contract', async () => {
    const { dispatch } = setup();
    for (const name of ['demo:nope', 'toString', '__proto__', 'constructor', '']) {
      await expect(dispatch(name, undefined)).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown-channel' },
      });
    }
  });

  it("passes an AppError's code on", async () => {
    const { dispatch } = setup('en-US');
    await expect(dispatch('demo:refuse', undefined)).resolves.toEqual({
      ok: false,
      error: {
        code: 'storage-newer-version',
        message: ERROR_MESSAGES['storage-newer-version']['en-US'],
      },
    });
  });

  it('hides an unexpected error behind a generic message and logs the detail', async () => {
    const log = { ...silentLogger, error: vi.fn() };
    const { dispatch } = setup('zh-CN', log);
    const result = await dispatch('demo:crash', undefined);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: ERROR_MESSAGES.internal['zh-CN'] },
    });
    expect(JSON.stringify(result)).not.toMatch(/ENOENT|teacher|main\.js/);
    expect(log.error).toHaveBeenCalledWith('ipc.handler-failed', expect.any(Error), {
      channel: 'demo:crash',
    });
  });

  it('does not send a value that breaks the declared output', async () => {
    const { dispatch } = setup();
    await expect(dispatch('demo:lie', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('will not start with a channel that has no handler', () => {
    expect(() =>
      createDispatcher({
        contract,
        handlers: { demo: {} },
        locale: () => 'zh-CN',
        log: silentLogger,
      }),
    ).toThrow(/demo:echo/);
  });
});
