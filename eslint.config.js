import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './scripts/lint/layers.js';

/** Node's own modules: the renderer and shared/ use none of them. */
const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'url',
  'util',
  'stream',
  'events',
  'buffer',
];
/** The entry points and shells of electron/: what services, the door and the page never import. */
const SHELLS = [
  'electron/main',
  'electron/preload',
  'electron/browser',
  'electron/cli',
  'electron/desktop/',
  'electron/harness/',
  'electron/cli/',
];

/**
 * Which folder may import which (docs/architecture.md, "Layers"). Each entry applies to the
 * files under `files`; `allow` lists the only folders they may import from, `deny` folders they
 * may not, `denyPackages` packages they may not. tests/scripts/layers.test.ts breaks each rule
 * on purpose and checks that lint fails.
 */
export const LAYERS = [
  {
    files: 'renderer/',
    allow: ['renderer/', 'shared/'],
    denyPackages: [...NODE_BUILTINS, 'electron', 'electron-*', 'conf', 'xlsx'],
    why: 'the renderer reaches the Node side only through window.api',
  },
  {
    files: 'shared/',
    allow: ['shared/'],
    denyPackages: [
      ...NODE_BUILTINS,
      'electron',
      'electron-*',
      'react',
      'react-*',
      'zustand',
      'conf',
      'xlsx',
    ],
    why: 'shared/ is pure TypeScript: no Node, no Electron, no React, nothing of the other layers',
  },
  {
    files: 'electron/',
    deny: ['renderer/'],
    why: 'the Node side never imports the UI',
  },
  {
    files: 'electron/services/',
    deny: ['electron/ipc/', 'electron/page/', ...SHELLS],
    why: 'services serve both shells and the CLI alike: they import no door and no shell',
  },
  {
    files: 'electron/ipc/',
    deny: SHELLS,
    why: 'the IPC door serves both shells alike and imports neither',
  },
  {
    files: 'electron/page/',
    allow: ['electron/page/', 'shared/'],
    why: 'what both shells serve (the renderer build, its CSP, the app URL) depends on neither',
  },
  {
    files: 'electron/desktop/',
    deny: ['electron/harness/', 'electron/browser', 'electron/cli/', 'electron/cli'],
    why: 'the desktop shell carries no harness or CLI code',
  },
  {
    files: 'electron/harness/',
    deny: [
      'electron/desktop/',
      'electron/main',
      'electron/preload',
      'electron/cli/',
      'electron/cli',
    ],
    why: 'the browser harness runs in plain Node, where nothing of the desktop shell can load',
  },
  {
    files: 'electron/cli/',
    deny: [
      'electron/desktop/',
      'electron/harness/',
      'electron/main',
      'electron/preload',
      'electron/browser',
    ],
    why: 'the CLI runs in plain Node and uses the services directly',
  },
];

/**
 * The only files that may import Electron: the desktop shell and its adapters. Everything else
 * also runs in plain Node (the harness, the CLI, the tests), where importing 'electron' throws.
 * electron/README.md lists the same files; tests/scripts/layers.test.ts checks both.
 */
export const ELECTRON_IMPORTERS = [
  'electron/preload.ts',
  'electron/desktop/bootstrap.ts',
  'electron/desktop/dialog-picker.ts',
  'electron/desktop/dialog-saver.ts',
  'electron/desktop/electron-printer.ts',
  'electron/desktop/electron-store-factory.ts',
  'electron/desktop/ipc-registration.ts',
  'electron/desktop/security.ts',
  'electron/desktop/window.ts',
];

/**
 * The network (issue 13): fetching the school's site is the only feature that may touch it, in
 * one file; the browser harness serves the page on loopback, and its bridge in the page calls it.
 * Dev scripts and tests (local test servers) are not linted by these rules.
 */
const NETWORK_USERS = [
  'electron/services/scan/sources/site-fetch.ts',
  'electron/harness/',
  'renderer/harness-bridge.ts',
];
const NETWORK_WHY =
  'only the site fetcher (electron/services/scan/sources/site-fetch.ts) touches the network';
const NETWORK_MODULES = ['http', 'https', 'net', 'tls', 'dgram', 'http2', 'undici']
  .flatMap((name) => [name, `node:${name}`])
  .concat(['undici-types', 'ws']);
const NETWORK_GLOBALS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'];

const PACKAGE_LAYERS = [
  {
    name: 'electron',
    onlyIn: ELECTRON_IMPORTERS,
    why: 'only the desktop shell and its adapters may import Electron (electron/README.md)',
  },
  {
    name: 'electron-store',
    onlyIn: ['electron/desktop/electron-store-factory.ts'],
    why: 'electron-store loads Electron; plain Node uses conf through services/json-store.ts',
  },
  ...NETWORK_MODULES.map((name) => ({ name, onlyIn: NETWORK_USERS, why: NETWORK_WHY })),
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The first screen stays small: the renderer takes only types from zod-bearing modules
    // (the Node side validates; the harness bridge, loaded by the harness alone, is the exception).
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/harness-bridge.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'zod',
                '**/shared/template/schema',
                '**/shared/template/summary',
                '**/shared/template/validate*',
                '**/shared/inspection/schema',
                '**/shared/inspection/text',
                '**/shared/inspection/change-schema',
                '**/shared/inspection/listing',
                '**/shared/inspection/check',
                '**/shared/ipc/*',
                '**/shared/settings',
                '**/shared/storage-notice',
                '**/shared/i18n/bilingual-schema',
              ],
              allowTypeImports: true,
              message: 'Import types only: these modules bring zod into the renderer bundle.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every word the user reads goes through i18next: no text written into JSX.
    files: ['renderer/**/*.tsx'],
    plugins: { i18next },
    rules: { 'i18next/no-literal-string': ['error', { mode: 'jsx-text-only' }] },
  },
  {
    // shared/ is pure: no DOM globals either (its imports are kept pure by the layer rule below).
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
  },
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': ['error', { layers: LAYERS, packages: PACKAGE_LAYERS }] },
  },
  {
    // No request but the site fetcher's: the globals that reach the network are forbidden too.
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    ignores: NETWORK_USERS.map((p) => (p.endsWith('/') ? `${p}**` : p)),
    rules: {
      'no-restricted-globals': [
        'error',
        ...NETWORK_GLOBALS.map((name) => ({ name, message: NETWORK_WHY })),
      ],
      'no-restricted-properties': [
        'error',
        ...['globalThis', 'window', 'self', 'global'].flatMap((object) =>
          NETWORK_GLOBALS.map((property) => ({ object, property, message: NETWORK_WHY })),
        ),
      ],
    },
  },
  {
    // Tests too stay under 500 lines a file (a describe block is one long function by nature).
    files: ['tests/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Small modules: a file that passes 500 lines or a function that passes 150 is split.
    files: [
      'electron/**/*.ts',
      'renderer/**/*.{ts,tsx}',
      'shared/**/*.ts',
      'scripts/**/*.{js,mjs}',
    ],
    rules: {
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 150, skipBlankLines: true, skipComments: true }],
    },
  },
);
