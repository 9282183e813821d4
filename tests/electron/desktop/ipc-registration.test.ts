import { ipcMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerIpc } from '../../../electron/desktop/ipc-registration';
import { isTrustedSender } from '../../../electron/desktop/sender';
import { silentLogger } from '../../../electron/services/logger';
import { ERROR_MESSAGES } from '../../../shared/errors';
import { contract } from '../../../shared/ipc/contract';
import { listChannels } from '../../../shared/ipc/define';

const APP_URL = 'qinglang://app/index.html';
const OWN_WINDOW = 7;
const mockIpc = ipcMain as unknown as {
  handlers: Map<string, (event: unknown, input: unknown) => unknown>;
};

function event(webContentsId: number, frame: { url: string; parent: unknown } | null) {
  return { sender: { id: webContentsId }, senderFrame: frame };
}

describe('registerIpc', () => {
  const dispatch = vi.fn(async () => ({ ok: true as const, value: 'done' }));

  beforeEach(() => {
    mockIpc.handlers.clear();
    dispatch.mockClear();
    registerIpc({
      ipcMain,
      contract,
      dispatch,
      isTrusted: (sender) =>
        isTrustedSender(sender, { webContentsIds: new Set([OWN_WINDOW]), appUrl: APP_URL }),
      locale: () => 'en-US',
      log: silentLogger,
    });
  });

  it('registers exactly one handler per contract channel', () => {
    expect([...mockIpc.handlers.keys()].sort()).toEqual(
      listChannels(contract)
        .map((c) => c.name)
        .sort(),
    );
  });

  it("passes the app's own top frame through to the dispatcher", async () => {
    const handler = mockIpc.handlers.get('settings:set')!;
    const input = { language: 'en-US' };
    await expect(
      handler(event(OWN_WINDOW, { url: `${APP_URL}#/settings`, parent: null }), input),
    ).resolves.toEqual({ ok: true, value: 'done' });
    expect(dispatch).toHaveBeenCalledWith('settings:set', input);
  });

  it.each([
    ['another window', event(99, { url: APP_URL, parent: null })],
    ['an iframe in the app window', event(OWN_WINDOW, { url: APP_URL, parent: {} })],
    [
      'a page navigated elsewhere',
      event(OWN_WINDOW, { url: 'https://evil.example/', parent: null }),
    ],
    ['a local file', event(OWN_WINDOW, { url: 'file:///tmp/evil.html', parent: null })],
    ['a frame that is gone', event(OWN_WINDOW, null)],
  ])('refuses %s without running anything', async (_label, foreign) => {
    const handler = mockIpc.handlers.get('settings:set')!;
    await expect(handler(foreign, { language: 'en-US' })).resolves.toEqual({
      ok: false,
      error: { code: 'forbidden-sender', message: ERROR_MESSAGES['forbidden-sender']['en-US'] },
    });
    expect(dispatch).not.toHaveBeenCalled();
  });
});
