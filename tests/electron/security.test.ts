import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { restrictPermissions, hardenWebContents, isAppUrl } from '../../electron/security';
import { silentLogger } from '../../electron/services/logger';

const APP = 'qinglang://app/index.html';
const DEV_APP = 'http://localhost:5173/';

describe('isAppUrl', () => {
  it.each([
    [APP, APP, true],
    [`${APP}#/settings`, APP, true],
    [`${APP}?x=1`, APP, true],
    ['qinglang://app/assets/index.js', APP, true],
    ['qinglang://evil/index.html', APP, false],
    ['qinglang://user@app/index.html', APP, false],
    ['file:///opt/qinglang/resources/app/out/renderer/index.html', APP, false],
    ['file:///etc/passwd', APP, false],
    ['file://evil-server/share/index.html', APP, false],
    ['javascript:alert(1)', APP, false],
    ['data:text/html,<script>alert(1)</script>', APP, false],
    ['https://example.com/', APP, false],
    ['http://app/index.html', APP, false],
    ['about:blank', APP, false],
    ['not a url', APP, false],
    ['', APP, false],
    ['http://localhost:5173/#/settings', DEV_APP, true],
    ['http://localhost:5173.evil.com/', DEV_APP, false],
    ['http://localhost:5174/', DEV_APP, false],
    ['https://localhost:5173/', DEV_APP, false],
    ['http://user@localhost:5173/', DEV_APP, true],
    ['http://127.0.0.1:5173/', DEV_APP, false],
    ['http://localhost:5173/', 'javascript:void 0', false],
  ])('%s inside %s: %s', (url, app, expected) => {
    expect(isAppUrl(url, app)).toBe(expected);
  });
});

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
