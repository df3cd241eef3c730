// typescript-eslint's strict and stylistic type-checked rules over every TypeScript file.
// Each exception below says why it fits this codebase.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'packages/*/dist/',
      'connectors/*/dist/',
      'connectors/*/build/',
      '.dist-next/',
      'build/',
      'coverage/',
      'node_modules/',
      '.stryker-tmp/',
      '*.js',
      '*.cjs',
      'mutation/*.js',
      'mutation/*.cjs',
    ],
  },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: { parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Auth data, input data and JSON:API attributes are string-keyed records; `noUncheckedIndexedAccess`
      // already makes each access checked, and bracket access marks them as data, not members.
      '@typescript-eslint/dot-notation': 'off',
      // Messages interpolate numbers (HTTP statuses, counts) all the time; anything else is still flagged.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // An empty string is "not set" for environment variables and Zapier fields alike, so `||` is meant there.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
    },
  },
);
