// ESLint flat config. Light on style; strict on the import boundaries of DESIGN.md:
//  - only electron/main.ts, electron/preload.ts and electron/platform/** import 'electron';
//  - electron/core/** is plain Node (no 'electron', no platform adapters);
//  - the contract files (contract, dto*, enums, errors, events, bridge, schemas/) import neither Node nor React;
//  - the renderer imports from electron/ only those contract files.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CONTRACT_FILES = [
  ...['contract', 'dto', 'dto-*', 'enums', 'errors', 'events', 'bridge'].map((f) => `electron/core/api/${f}.ts`),
  'electron/core/api/schemas/*.ts',
];

const noElectron = { name: 'electron', message: "Only electron/main.ts, electron/preload.ts and electron/platform/** may import 'electron'." };
const noPlatform = {
  regex: '(^|/)platform(/|$)',
  message: 'electron/core is plain Node: it may not use the Electron platform adapters.',
};
const noNode = [
  { regex: '^node:', message: 'The contract is shared with the renderer: no Node modules.' },
  ...builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({
    name,
    message: 'The contract is shared with the renderer: no Node modules.',
  })),
];
const noReact = { regex: '^react(-dom)?(/|$)', message: 'The contract imports no React.' };
// Anything named electron (the package or a path into electron/) except the contract files.
const rendererReach = {
  regex: '^(?!.*(^|/)electron/core/api/(contract|dto(-[a-z]+)?|enums|errors|events|bridge|schemas/[a-z-]+)(\\.ts)?$)(.*/)?electron(/|$)',
  message: 'The renderer may import from electron/ only the contract files in electron/core/api (contract, dto*, enums, errors, events, bridge, schemas/).',
};

/** no-restricted-imports with named paths and regex patterns in one place. */
const restrict = (...items) => [
  'error',
  {
    paths: items.filter((i) => 'name' in i),
    patterns: items.filter((i) => 'regex' in i),
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-electron/',
      'release/',
      'coverage/',
      'test-results/',
      'bench/results/',
      '.scratch/',
      '**/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-restricted-imports': restrict(noElectron),
      // An error where the boundary is (electron/, renderer/, below); tests and tools may bend.
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // TypeScript checks names in .ts files; plain JS needs its environment spelled out.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Served to the browser by the web harness as window.kroi's stand-in.
    files: ['scripts/web-bridge.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['electron/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': restrict(rendererReach),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(noElectron, noPlatform) },
  },
  {
    files: CONTRACT_FILES,
    rules: { 'no-restricted-imports': restrict(noElectron, noPlatform, ...noNode, noReact) },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/platform/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Pure helpers the security tests load without Electron: keep them Electron-free.
    files: ['electron/platform/app-protocol-path.ts', 'electron/platform/startup-failure-page.ts', 'electron/platform/startup-password-page.ts', 'electron/platform/window-state.ts'],
    rules: { 'no-restricted-imports': restrict({ ...noElectron, message: 'This helper is loaded by tests without Electron.' }) },
  },
);
