import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { restrictPermissions, hardenWebContents } from '../../../electron/desktop/security';
import { silentLogger } from '../../../electron/services/logger';

const APP = 'qinglang://app/index.html';

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

function fire(contents: FakeContents, event: string, ...args: unknown[]) {
  const preventDefault = vi.fn();
  contents.emit(event, { preventDefault, url: args[0] }, ...args);
  return preventDefault;
}

describe('hardenWebContents', () => {
  const contents = new FakeContents();
  hardenWebContents(contents as unknown as WebContents, APP, silentLogger);

  it('blocks navigation and redirects away from the app', () => {
    expect(fire(contents, 'will-navigate', 'https://example.com/')).toHaveBeenCalled();
    expect(fire(contents, 'will-navigate', 'file:///etc/passwd')).toHaveBeenCalled();
    expect(fire(contents, 'will-redirect', 'https://example.com/')).toHaveBeenCalled();
    expect(fire(contents, 'will-frame-navigate', 'https://example.com/')).toHaveBeenCalled();
  });

  it('lets the app reload its own page', () => {
    expect(fire(contents, 'will-navigate', `${APP}#/settings`)).not.toHaveBeenCalled();
  });

  it("lets an iframe show a document given inline (the report view's srcdoc), and nothing else", () => {
    const frame = (url: string, isMainFrame: boolean) => {
      const preventDefault = vi.fn();
      contents.emit('will-frame-navigate', { preventDefault, url, isMainFrame });
      return preventDefault;
    };
    expect(frame('about:srcdoc', false)).not.toHaveBeenCalled();
    expect(frame('about:srcdoc', true)).toHaveBeenCalled();
    expect(frame('about:blank', false)).toHaveBeenCalled();
    expect(frame('data:text/html,<p>x</p>', false)).toHaveBeenCalled();
    expect(frame('https://example.com/', false)).toHaveBeenCalled();
  });

  it('refuses every <webview> and every new window', () => {
    expect(fire(contents, 'will-attach-webview')).toHaveBeenCalled();
    expect(contents.openHandler?.({ url: APP })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('restrictPermissions', () => {
  const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
  restrictPermissions(session as unknown as Session, silentLogger);
  const onRequest = session.setPermissionRequestHandler.mock.calls[0]![0] as (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
  ) => void;
  const onCheck = session.setPermissionCheckHandler.mock.calls[0]![0] as (
    contents: unknown,
    permission: string,
  ) => boolean;

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fileSystem',
    'hid',
    'serial',
    'usb',
    'display-capture',
  ])('denies %s', (permission) => {
    const callback = vi.fn();
    onRequest({}, permission, callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(onCheck({}, permission)).toBe(false);
  });

  it('grants only writing to the clipboard, for the copy buttons', () => {
    const callback = vi.fn();
    onRequest({}, 'clipboard-sanitized-write', callback);
    expect(callback).toHaveBeenCalledWith(true);
    expect(onCheck({}, 'clipboard-sanitized-write')).toBe(true);
  });
});
