import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../electron/page/app-url';

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
