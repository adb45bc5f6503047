/**
 * The local Deep Lake emulator as a Vite dev-server plugin: the demo (vite.config.ts) and
 * Storybook (.storybook/main.ts) mount the same handler, so pages and stories talk to it
 * over real HTTP from their own origin (no CORS, no second process). Serve only: a build
 * never loads the emulator's Node-only packages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export interface EmulatorPluginOptions {
  /** Where files live; without it, a temp dir removed when the process exits. */
  dataDir?: string;
  /** A workspace to create up front (the demo's `demo`). */
  workspace?: string;
}

export function emulatorPlugin(options: EmulatorPluginOptions = {}): Plugin {
  let close: (() => Promise<void>) | undefined;
  return {
    name: 'deeplake-emulator',
    apply: 'serve',
    async configureServer(server) {
      const { createEmulator } = await import('../src/emulator/index.js');
      const temporary = options.dataDir === undefined;
      const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'deeplake-dev-'));
      const cleanUp = () => temporary && rmSync(dataDir, { recursive: true, force: true });
      if (temporary) process.once('exit', cleanUp);
      // admin: pages and stories make workspaces, get development tokens, inject faults.
      const emulator = createEmulator({ dataDir, admin: true });
      if (options.workspace) emulator.addWorkspace(options.workspace);
      close = async () => {
        await emulator.close();
        cleanUp();
      };
      server.middlewares.use((req, res, next) => void emulator.handle(req, res, next));
      server.httpServer?.once('listening', () =>
        server.config.logger.info(`  Deep Lake emulator: ${options.workspace ? `workspace "${options.workspace}", ` : ''}files in ${dataDir}`),
      );
    },
    async buildEnd() {
      await close?.();
    },
  };
}
