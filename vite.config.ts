/**
 * Two jobs, one file:
 * - `vite` (npm start): the demo in demo/, with the local emulator mounted into this
 *   same dev server, so one process and one URL serve the page and the API.
 * - `vite build`: dist/deeplake-elements.min.js, the one-script-tag install: one
 *   self-registering ESM file, Lit included, minified. (Package consumers get tsc's
 *   unbundled ESM in dist/.)
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { emulatorPlugin } from './scripts/emulator-plugin.js';
import { minifyLiterals } from './scripts/minify-literals.mjs';

const root = import.meta.dirname;

export default defineConfig(({ command }) =>
  command === 'serve'
    ? {
        root: resolve(root, 'demo'),
        server: { host: '127.0.0.1', port: 5173, fs: { allow: [root] } },
        // DEEPLAKE_DATA_DIR lets the demo's end-to-end test run on a temp dir.
        plugins: [emulatorPlugin({ dataDir: process.env.DEEPLAKE_DATA_DIR ?? resolve(root, '.deeplake-data'), workspace: 'demo' })],
      }
    : {
        plugins: [minifyLiterals()],
        // The image worker (src/optimize/resize-worker.ts) is emitted as a file beside the
        // entry, under the same prefix, and found relative to the chunk that starts it
        // (`base: './'`), so the files still work when copied to any folder or CDN path.
        base: './',
        worker: { format: 'es', rolldownOptions: { output: { entryFileNames: 'deeplake-elements.min.worker-[hash].js' } } },
        build: {
          // Beside tsc's output in dist/ (`npm run build` empties dist/ first).
          outDir: resolve(root, 'dist'),
          emptyOutDir: false,
          target: 'es2022',
          minify: true,
          sourcemap: true,
          // One entry: with a second one, code they share would go to a third file.
          lib: { entry: resolve(root, 'src/index.ts'), formats: ['es'], fileName: () => 'deeplake-elements.min.js' },
          rolldownOptions: {
            // Lets code shared with the lazy chunks stay in the entry (they import it from
            // there) instead of going to extra files the entry would load up front.
            preserveEntrySignatures: 'allow-extension',
            output: {
              // Library mode keeps whitespace unless rolldown's output minifier is on too.
              minify: true,
              // Only truly lazy code is split off: tus-js-client (17 KiB gzip, only for
              // transport="tus"), image thumbnails and the image pipeline (image-max, …). The entry imports them relative to
              // its own URL, so they must sit beside it: the shared prefix keeps them
              // together when the file is copied (`deeplake-elements.min*.js`).
              chunkFileNames: 'deeplake-elements.min.[name]-[hash].js',
            },
          },
        },
      },
);
