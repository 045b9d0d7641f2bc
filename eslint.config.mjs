// ESLint for the whole TypeScript tree: typescript-eslint's strict, type-aware rules;
// formatting is Prettier's job (eslint-config-prettier turns the style rules off).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'views/assets/', '*.config.js', '*.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Express tells error handlers by their four parameters: an unused one is named _next.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // supertest's response body is `any` by design: tests assert on its shape.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-plus-operands': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The document libraries (docx, pdfkit, exceljs, qrcode) load on first use, not at start-up (README:
    // "document libraries loaded on first use"); a lazy require is how CommonJS does that, and
    // `await import()` would need .js suffixes under module node20.
    files: [
      'server/assessment/renderers.ts',
      'server/catalogue/api.ts',
      'server/presentation/deck-render.ts',
      'server/regulator/api.ts',
    ],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // False alarm: docx's run option `bold: true` is matched to the deprecated String.prototype.bold.
    files: ['server/assessment/report-docx.ts', 'server/regulator/report-docx.ts'],
    rules: { '@typescript-eslint/no-deprecated': 'off' },
  },
  prettier,
);
