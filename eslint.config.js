// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Imports the pure rooms may never make: the direction is components -> engine -> knowledge. */
const UI_IMPORTS = [
  {
    group: ['react', 'react-dom', 'react-dom/*', 'react/*'],
    message: 'engine/knowledge are pure: no React.',
  },
  { group: ['zustand', 'zustand/*'], message: 'engine/knowledge are pure: no store.' },
  { group: ['@tanstack/*'], message: 'engine/knowledge are pure: no router.' },
  {
    group: ['**/components/**', '**/store', '**/store/**', '**/router', '**/app/**'],
    message: 'engine/knowledge never import UI code.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'reports',
      'tmp-scratch',
      'public/sw.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/*.tsx', 'src/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: UI_IMPORTS }] },
  },
  // knowledge/ imports nothing outside itself: no packages, and no relative path that climbs out
  // of src/knowledge (how far is "out" depends on how deep the file sits).
  ...[0, 1, 2, 3].map((depth) => ({
    files: [`src/knowledge/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...UI_IMPORTS,
            { regex: '^(?!\\.)', message: 'knowledge/ is data: it imports no package.' },
            {
              regex: `^(?:\\.\\./){${depth + 1},}`,
              message: 'knowledge/ imports nothing outside itself.',
            },
          ],
        },
      ],
    },
  })),
);
