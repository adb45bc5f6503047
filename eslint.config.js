// ESLint (flat config): typescript-eslint's type-checked rules over the project's
// tsconfig.json, eslint-plugin-lit's recommended rules for the templates, and ESLint's own
// recommended rules for the JavaScript. `npm run lint` runs this, then lit-analyzer --strict
// on src/ (its rules are in tsconfig.json, "ts-lit-plugin"), then `prettier --check .`.
// A rule that is wrong for this code is turned off or narrowed here, with the reason, not
// with disable comments in the files.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      'custom-elements.json',
      '.deeplake-data/',
      '.tmp/',
      'bench/node_modules/',
      // Apps built against the packed package in a temp folder, with their own tsconfig and
      // dependencies (not installed here): scripts/check-integrations.mjs type-checks them.
      'test/integrations/',
    ],
  },
  {
    // A disable comment that no longer disables anything is an error.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    extends: [tseslint.configs.recommendedTypeChecked, lit.configs['flat/recommended']],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Two calls are not promises to await, whatever their types say: node:test's
      // describe()/it()/test() at the top of a file (the runner awaits them), and chai's
      // `expect(x).to.equal(y)`, which @open-wc/semantic-dom-diff types as a promise for its
      // snapshot assertions (none are used here; a plain equal returns nothing to await).
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', name: ['describe', 'it', 'test', 'suite'], package: 'node:test' },
            { from: 'package', name: 'Equal', package: '@open-wc/semantic-dom-diff' },
          ],
        },
      ],
      // False on Lit's `@click=${this.handler}`: Lit calls an event binding's function with the
      // element as `this`. The tests save built-ins (window.fetch, URL.revokeObjectURL …) to
      // put the same function back, and call them with the right receiver.
      '@typescript-eslint/unbound-method': 'off',
      // The elements and UploadQueue declare an interface beside their class to type
      // addEventListener by event name (as lib.dom does for <video>): overloads only, nothing
      // the class would have to initialize, which is what the rule guards against.
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      // `async () => value` is how this code implements a Promise-returning interface (tus
      // URL storage, Response.text(), test doubles): writing Promise.resolve(value) instead
      // would turn a throw into a synchronous one.
      '@typescript-eslint/require-await': 'off',
      // `const { raw: _raw, ...rest } = info` copies an object without one key.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Compile-time type tests: listener parameters exist to be inspected with `typeof`, and
    // angular.types.ts writes listeners as Angular's generated template code does, `($event): any`.
    files: ['test/types/**'],
    rules: {
      '@typescript-eslint/no-unused-vars': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // JavaScript: Node scripts and configs. tsconfig.json does not check JavaScript (no
    // checkJs), so ESLint's own rules apply, without type information.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // The scripts and the bench drive browsers: the functions they hand page.evaluate() and
    // page.waitForFunction() run in the page.
    files: ['scripts/**/*.mjs', 'bench/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['bench/pages/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
);
