// Lint rules for every package: typescript-eslint's recommended set over the TypeScript and
// JavaScript sources. Formatting is Prettier's (see .prettierrc.json), never the linter's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/', '**/dist/', '**/build/', 'reports/', '.tools/', 'packages/vscode-ext/glossary/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'readonly',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        globalThis: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Text scanners match control characters on purpose (NUL in a binary file, C0 in a slug).
      'no-control-regex': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        { selector: 'ExportAllDeclaration', message: 'Name each export.' },
      ],
    },
  },
  {
    // Config files are read by their tools, which want a default export; so are unified and
    // markdown-it plugins (`import remarkGfm from 'remark-gfm'`), which also export their name.
    files: [
      '**/*.config.{ts,mts,js}',
      'eslint.config.js',
      '**/.vitepress/**/*.{ts,mts}',
      'packages/remark-sd-glossary/src/index.ts',
      'packages/markdown-it-sd-glossary/src/index.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.cjs', 'packages/lsp-server/bin/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
