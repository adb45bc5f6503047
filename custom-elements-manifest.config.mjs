// Custom Elements Manifest (`npm run analyze` → custom-elements.json, shipped in the
// package; the README's API reference is generated from it). Only the element folders:
// the client, queue and emulator are not elements, and their classes would bury the two
// elements in IDE and Storybook tooling.
import { inlineTags } from './scripts/cem/inline-tags.mjs';

export default {
  globs: ['src/uploader/**/*.ts', 'src/file/**/*.ts', 'src/form/**/*.ts'],
  exclude: ['**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json's `customElements` field is written by hand, not rewritten on each build.
  packagejson: false,
  plugins: [inlineTags()],
};
