// ESLint flat config, run by `npm run lint` with --max-warnings 0. Rules about correctness only: layout is Prettier's
// (.prettierrc.json), so no stylistic rule is enabled here and the two never disagree.
// typescript-eslint's recommended set without type information: the type-checked set took 87 s and 2.7 GB on the 2-core
// machine against 35 s, and `tsc` already checks the types.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'coverage/', 'data/', '.tmp/', 'test-results/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // `const { answers: _answers, ...rest } = payload` leaves a field out of a copy on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
    rules: {
      // Screens load their data in an effect and show the loading or emptied state first (useLoader, drawers and modals
      // that fetch or reset when opened): a deliberate pattern of this app, which is not compiled by the React Compiler.
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'src/server/test/**/*.ts'],
    rules: {
      // Tests read JSON replies of every shape as any, as light-my-request's res.json() gives them.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['src/server/db/migrations/**/*.ts'],
    rules: {
      // Kysely's migration guide: a migration takes Kysely<any>, never the app's schema types (docs/CONVENTIONS.md).
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
