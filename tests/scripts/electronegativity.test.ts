import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../electron/temp-dir';

const SCRIPT = fileURLToPath(new URL('../../scripts/electronegativity.mjs', import.meta.url));

/**
 * A small Electron app that does everything the checks ask for: no preload (the tool asks for a
 * review of any), and the Auxclick switch it wants (a no-op in today's Chromium: docs/security.md).
 */
const GOOD_MAIN = `import { app, BrowserWindow, session } from 'electron';

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

export function open(): BrowserWindow {
  session.defaultSession.setPermissionRequestHandler((_c, _p, callback) => callback(false));
  return new BrowserWindow({
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
`;
const GOOD_PAGE = `<!doctype html>
<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'" /></head></html>
`;

describe('npm run lint:electron', () => {
  const tempDir = useTempDir();

  /** Runs the script over an app made of these files, as `npm run lint:electron -- DIR` would. */
  function lint(files: Record<string, string>) {
    const app = path.join(tempDir(), 'app');
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(app, name)), { recursive: true });
      fs.writeFileSync(path.join(app, name), text);
    }
    return spawnSync(process.execPath, [SCRIPT, app], { encoding: 'utf8', timeout: 60_000 });
  }

  it('passes an app that does what its checks ask', () => {
    const run = lint({ 'main.ts': GOOD_MAIN, 'index.html': GOOD_PAGE });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/no findings/);
    expect(run.status).toBe(0);
  }, 60_000);

  it('fails, naming check, file and line, when the window gives the page Node', () => {
    const bad = GOOD_MAIN.replace(
      'contextIsolation: true,\n      sandbox: true,\n      nodeIntegration: false,',
      'contextIsolation: false,\n      nodeIntegration: true,',
    );
    expect(bad).not.toBe(GOOD_MAIN);
    const run = lint({ 'main.ts': bad, 'index.html': GOOD_PAGE });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/SANDBOX_JS_CHECK {2}app\/main\.ts:10:/);
    expect(run.stderr).toMatch(/CONTEXT_ISOLATION_JS_CHECK {2}app\/main\.ts:12:/);
    expect(run.stderr).toMatch(/NODE_INTEGRATION_JS_CHECK {2}app\/main\.ts:13:/);
  }, 60_000);

  it('fails when there is no CSP anywhere', () => {
    const run = lint({ 'main.ts': GOOD_MAIN });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/CSP_GLOBAL_CHECK.*\n.*No CSP has been detected/);
  }, 60_000);

  it('fails on a file it cannot parse, since that file went unchecked', () => {
    const run = lint({ 'main.ts': GOOD_MAIN, 'index.html': GOOD_PAGE, 'broken.ts': 'const = ;' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/could not parse app\/broken\.ts/);
  }, 60_000);
});
