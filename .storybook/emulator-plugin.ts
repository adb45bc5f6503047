/**
 * Mounts the local Deep Lake emulator into Storybook's Vite dev server (as the demo's
 * vite.config.ts does), so stories upload over real HTTP to the page's own origin: no
 * CORS, no second process. Its data goes to a temp dir removed on exit, so browsing
 * stories never fills .deeplake-data/. Dev only: a static build has no server, and its
 * stories show their offline state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export function storybookEmulator(): Plugin {
  let close: (() => Promise<void>) | undefined;
  return {
    name: 'deeplake-storybook-emulator',
    apply: 'serve',
    async configureServer(server) {
      // Imported only when serving: building Storybook must not need Node-only packages.
      const { createEmulator } = await import('../src/emulator/index.js');
      const dataDir = mkdtempSync(join(tmpdir(), 'deeplake-storybook-'));
      // admin: stories make a workspace each and inject faults (slow or failing uploads).
      const emulator = createEmulator({ dataDir, admin: true });
      const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
      process.once('exit', cleanUp);
      close = async () => {
        await emulator.close();
        cleanUp();
      };
      server.middlewares.use((req, res, next) => void emulator.handle(req, res, next));
    },
    async buildEnd() {
      await close?.();
    },
  };
}
