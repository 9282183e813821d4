import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
                '**/shared/template/validate',
                '**/shared/inspection/schema',
                '**/shared/inspection/text',
                '**/shared/inspection/change-schema',
                '**/shared/inspection/listing',
                '**/shared/inspection/check',
                '**/shared/ipc/*',
                '**/shared/settings',
                '**/shared/storage-notice',
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
    // shared/ is pure: no Node, no Electron, no DOM, no React.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto'],
              message: 'shared/ must not use Node.',
            },
            { group: ['electron', 'electron-*'], message: 'shared/ must not use Electron.' },
            { group: ['react', 'react-*', 'zustand'], message: 'shared/ must not use React.' },
            {
              group: ['../electron/*', '../renderer/*', '../../electron/*', '../../renderer/*'],
              message: 'shared/ depends on nothing else.',
            },
          ],
        },
      ],
    },
  },
);
