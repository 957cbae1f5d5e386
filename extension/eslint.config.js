import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['dist/**', 'node_modules/**'] },
  js.configs.recommended,
  {
    files: ['background/**/*.js', 'content/**/*.js', 'popup/**/*.js', 'options/**/*.js', 'confirm/**/*.js', 'setup/**/*.js', 'shared/**/*.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser, ...globals.webextensions } },
  },
  {
    files: ['test/**/*.js', 'scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.property.name='connectNative']",
        message: 'Only background/main.js may open the native port.',
      }],
    },
  },
  {
    files: ['background/main.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
];
