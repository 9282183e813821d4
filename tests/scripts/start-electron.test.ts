import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../electron/temp-dir';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/start-electron.mjs');

describe('npm start where Electron cannot run', () => {
  const tempDir = useTempDir();

  it('says what failed in one line, in both languages, and points to npm run browser', () => {
    // An Electron binary that is not there, as after a blocked download.
    const result = spawnSync(process.execPath, [SCRIPT], {
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(tempDir(), 'no-electron') },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^qinglang: 无法启动桌面应用.*ELECTRON_MIRROR.*npm run browser.* \/ the desktop app cannot start/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
