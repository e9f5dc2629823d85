import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** What shared/ must never import: it runs unchanged in main, preload and renderer. */
export const sharedForbiddenImports = {
  paths: [
    { name: 'electron', message: 'shared/ runs in every process: keep Electron in electron/main/platform.' },
    { name: 'electron-store', message: 'shared/ is pure: persistence belongs to electron/main/platform.' },
    { name: 'keytar', message: 'shared/ is pure: the keychain belongs to electron/main/platform.' },
    { name: 'conf', message: 'shared/ is pure: persistence belongs to electron/main/platform.' },
    { name: 'react', message: 'shared/ is UI-free: components belong to renderer/.' },
    { name: 'react-dom', message: 'shared/ is UI-free: the DOM belongs to renderer/.' },
    ...builtinModules.map((name) => ({ name, message: 'shared/ must not use Node built-ins.' })),
  ],
  patterns: [
    { group: ['node:*'], message: 'shared/ must not use Node built-ins.' },
    { group: ['electron/*', 'react-dom/*', 'react/*', 'electron-store/*', 'conf/*'], message: 'shared/ runs in every process and is UI-free.' },
    { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not depend on a process-specific folder.' },
  ],
};

/** Browser and Node globals that would tie shared/ to one environment. */
const sharedForbiddenGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map(
  (name) => ({ name, message: `shared/ runs in every process: '${name}' exists only in one of them.` }),
);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'testbed/.cache/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/electron/**', 'electron', 'keytar', 'electron-store', 'conf', 'node:*'], message: 'The renderer is untrusted and sandboxed: it reaches main only through the IPC contract.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', sharedForbiddenImports],
      'no-restricted-globals': ['error', ...sharedForbiddenGlobals],
    },
  },
  {
    // Services take ports; only platform/ (and the composition root) may reach Electron and its stores.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/platform/**', 'electron/main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron-store', 'keytar', 'conf'].map((name) => ({
            name,
            allowTypeImports: true,
            message: 'Only electron/main/platform/ may import this; services receive ports.',
          })),
        },
      ],
    },
  },
);
