/**
 * Two jobs, one file:
 * - `vite` (npm start): the demo in demo/, with the local emulator mounted into this
 *   same dev server, so one process and one URL serve the page and the API.
 * - `vite build`: the browser bundles for a one-script-tag install, Lit included and
 *   minified, to dist/cdn/. (Package consumers get tsc's unbundled ESM in dist/.)
 */
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { minifyLiterals } from './scripts/minify-literals.mjs';

const root = import.meta.dirname;

/** Serves /workspaces/ and /__emulator/ from the emulator, data kept in .deeplake-data/. */
function emulatorPlugin(): Plugin {
  let close: (() => Promise<void>) | undefined;
  return {
    name: 'deeplake-emulator',
    apply: 'serve',
    async configureServer(server) {
      // Loaded only when serving: building the library must not need Node-only packages.
      const { createEmulator } = await import('./src/emulator/index.js');
      const emulator = createEmulator({ dataDir: resolve(root, '.deeplake-data'), admin: true });
      emulator.addWorkspace('demo');
      close = () => emulator.close();
      server.middlewares.use((req, res, next) => void emulator.handle(req, res, next));
      server.httpServer?.once('listening', () =>
        server.config.logger.info('  Deep Lake emulator: workspace "demo", files in .deeplake-data/'),
      );
    },
    async buildEnd() {
      await close?.();
    },
  };
}

export default defineConfig(({ command }) =>
  command === 'serve'
    ? {
        root: resolve(root, 'demo'),
        server: { host: '127.0.0.1', port: 5173, fs: { allow: [root] } },
        plugins: [emulatorPlugin()],
      }
    : {
        plugins: [minifyLiterals()],
        build: {
          outDir: resolve(root, 'dist/cdn'),
          emptyOutDir: true,
          target: 'es2022',
          minify: true,
          sourcemap: true,
          lib: {
            entry: {
              'deeplake-elements': resolve(root, 'src/index.ts'),
              client: resolve(root, 'src/client/index.ts'),
            },
            formats: ['es'],
          },
          // Library mode keeps whitespace unless rolldown's output minifier is on too.
          rolldownOptions: { output: { minify: true } },
        },
      },
);
