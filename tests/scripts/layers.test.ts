import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The import rules of docs/architecture.md, broken on purpose: each fixture is linted with the
 * project's own ESLint config as if it were a file at the given path, and must fail with the
 * layer rule (and the allowed ones must pass), so a rule nobody enforces cannot creep in.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return result!.messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('the layer rules fail the build when broken', () => {
  it.each([
    // renderer/ may import only renderer/ and shared/, and no Node or Electron.
    [
      'renderer/pages/x/Page.tsx',
      "import { createFileLogger } from '../../../electron/services/logger';",
    ],
    ['renderer/stores/x-store.ts', "import { openAppCore } from '../../electron/ipc/app-core';"],
    ['renderer/lib/x.ts', "import fs from 'node:fs';"],
    ['renderer/lib/x.ts', "import { ipcRenderer } from 'electron';"],
    [
      'renderer/lib/x.ts',
      "import data from '../../resources/templates/school-security-2026.1.json';",
    ],
    ['renderer/lib/x.ts', "export * from '../../tests/renderer/fake-api';"],
    // electron/ never imports renderer/.
    ['electron/services/x.ts', "import { formatDate } from '../../renderer/lib/format';"],
    ['electron/cli/x.ts', "import type { Api } from '../../renderer/api/client';"],
    // shared/ stays pure.
    ['shared/inspection/x.ts', "import path from 'node:path';"],
    ['shared/x.ts', "import { useState } from 'react';"],
    ['shared/x.ts', "import { create } from 'zustand';"],
    ['shared/template/x.ts', "import { failure } from '../../electron/ipc/failure';"],
    ['shared/template/x.ts', "import { routes } from '../../renderer/lib/routes';"],
    // Only the named files import Electron; nothing loads it lazily behind the rule's back.
    ['electron/ipc/x.ts', "import { ipcMain } from 'electron';"],
    ['electron/services/x.ts', "const { dialog } = await import('electron');"],
    ['electron/harness/x.ts', "import type { WebContents } from 'electron';"],
    ['electron/services/x.ts', "import Store from 'electron-store';"],
    // Services import neither the door nor a shell.
    ['electron/services/x.ts', "import { createDispatcher } from '../ipc/dispatch';"],
    [
      'electron/services/evidence/x.ts',
      "import { DIALOG_TITLE } from '../../desktop/dialog-picker';",
    ],
    ['electron/services/x.ts', "import { startHarness } from '../harness/server';"],
    ['electron/services/x.ts', "import { runCli } from '../cli/run';"],
    // The door serves both shells and imports neither.
    ['electron/ipc/x.ts', "import { bootstrap } from '../desktop/bootstrap';"],
    ['electron/ipc/x.ts', "import { UPLOAD_PATH } from '../harness/upload';"],
    // The desktop shell carries no harness code; the harness none of the desktop shell.
    ['electron/desktop/x.ts', "import { injectBridge } from '../harness/bridge-page';"],
    ['electron/harness/x.ts', "import { isTrustedSender } from '../desktop/sender';"],
    // What both shells serve depends on neither.
    ['electron/page/x.ts', "import { hardenWebContents } from '../desktop/security';"],
    ['electron/page/x.ts', "import type { Logger } from '../services/logger';"],
  ])('%s: %s', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    [
      'renderer/pages/x/Page.tsx',
      "import type { Inspection } from '../../../shared/inspection/schema';",
    ],
    ['renderer/stores/x-store.ts', "import { api } from '../api/client';"],
    ['electron/ipc/x.ts', "import type { Services } from '../services/services';"],
    ['electron/desktop/x.ts', "import { openAppCore } from '../ipc/app-core';"],
    ['electron/harness/x.ts', "import { readStaticFile } from '../page/static-files';"],
    [
      'electron/desktop/window.ts',
      "import type { BrowserWindowConstructorOptions } from 'electron';",
    ],
    [
      'electron/services/templates/x.ts',
      "import data from '../../../resources/templates/school-security-2026.1.json';",
    ],
    ['shared/template/x.ts', "import { AppError } from '../errors';"],
  ])('allows %s: %s', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });

  it('names the file, what it imported and why, so the fix is obvious', async () => {
    const [message] = await layerErrors(
      'electron/services/x.ts',
      "import { createDispatcher } from '../ipc/dispatch';",
    );
    expect(message).toBe(
      'electron/services/x may not import electron/ipc/dispatch: services serve both shells and the CLI alike: they import no door and no shell',
    );
  });
});

describe('the files that may import Electron', () => {
  let allowed: string[];
  beforeAll(async () => {
    const config = (await eslint.calculateConfigForFile(path.join(ROOT, 'electron/x.ts'))) as {
      rules: Record<string, [unknown, { packages: { name: string; onlyIn: string[] }[] }]>;
    };
    allowed = config.rules['layers/imports']![1].packages.find(
      (p) => p.name === 'electron',
    )!.onlyIn;
  });

  const sources = (dir: string): string[] =>
    fs
      .readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
      .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'));

  it('are exactly the files that do, so the list cannot go stale', () => {
    const importing = ['electron', 'renderer', 'shared']
      .flatMap(sources)
      .filter((file) =>
        /from 'electron(-store)?'|import\('electron'\)/.test(
          fs.readFileSync(path.join(ROOT, file), 'utf8'),
        ),
      )
      .sort();
    expect(importing).toEqual([...allowed].sort());
  });

  it('are the files electron/README.md lists', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'electron/README.md'), 'utf8');
    const block = /<!-- electron-importers -->([\s\S]*?)<!-- \/electron-importers -->/.exec(readme);
    expect(block, 'electron/README.md has an <!-- electron-importers --> block').not.toBeNull();
    const listed = [...block![1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    expect(listed.sort()).toEqual([...allowed].sort());
  });
});

describe('source file sizes', () => {
  it('keeps every stylesheet under 500 lines (ESLint checks the code files)', () => {
    const sheets = fs
      .readdirSync(path.join(ROOT, 'renderer'), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.css'))
      .map((e) => path.join(e.parentPath, e.name));
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets) {
      const lines = fs.readFileSync(sheet, 'utf8').split('\n').length;
      expect(lines, path.relative(ROOT, sheet)).toBeLessThanOrEqual(500);
    }
  });
});

describe('only the site fetcher touches the network', () => {
  const NETWORK_RULES = ['layers/imports', 'no-restricted-globals', 'no-restricted-properties'];
  async function networkErrors(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
    return result!.messages
      .filter((m) => m.ruleId !== null && NETWORK_RULES.includes(m.ruleId))
      .map((m) => m.message);
  }

  it.each([
    ['electron/services/x.ts', "import https from 'node:https';"],
    ['electron/services/x.ts', "import http from 'http';"],
    ['electron/ipc/x.ts', "import { connect } from 'node:net';"],
    ['electron/cli/x.ts', "import tls from 'node:tls';"],
    ['electron/services/x.ts', "import dgram from 'node:dgram';"],
    ['electron/services/x.ts', "import http2 from 'node:http2';"],
    ['electron/services/x.ts', "import { request } from 'undici';"],
    ['electron/services/x.ts', "const http = await import('node:http');"],
    ['electron/services/scan/sources/read-document.ts', "import https from 'node:https';"],
    ['electron/services/x.ts', "export const get = () => fetch('https://example.com/');"],
    ['electron/cli/x.ts', "export const get = () => globalThis.fetch('https://example.com/');"],
    ['renderer/lib/x.ts', 'export const x = new XMLHttpRequest();'],
    ['renderer/stores/x-store.ts', "export const socket = new WebSocket('wss://example.com/');"],
    ['renderer/lib/x.ts', "export const events = new EventSource('/events');"],
    ['renderer/lib/x.ts', "export const get = () => window.fetch('/x');"],
    ['shared/x.ts', "export const get = () => fetch('https://example.com/');"],
  ])('%s: %s', async (filePath, code) => {
    expect(await networkErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['electron/services/scan/sources/site-fetch.ts', "import https from 'node:https';"],
    [
      'electron/services/scan/sources/site-fetch.ts',
      "export const get = () => fetch('https://example.com/');",
    ],
    ['electron/harness/x.ts', "import http from 'node:http';"],
    ['renderer/harness-bridge.ts', "export const call = () => fetch('./__api/invoke');"],
    ['electron/services/x.ts', "import zlib from 'node:zlib';"],
  ])('allows %s: %s', async (filePath, code) => {
    expect(await networkErrors(filePath, code)).toEqual([]);
  });
});
