// Browser tests: TypeScript compiled by esbuild, run in Debian's headless Chromium
// (never a downloaded browser), against the real emulator mounted into the test
// server itself, so the tests talk to it over real HTTP from the page's own origin.
// Started through `node --import tsx` (see package.json) so this file can import the
// emulator's TypeScript source.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { createEmulator } from './src/emulator/index.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'deeplake-wtr-'));
const emulator = createEmulator({ dataDir, admin: true });

/** Hands /workspaces/ and /__emulator/ requests to the emulator, the rest to the test server. */
function emulatorPlugin() {
  return {
    name: 'deeplake-emulator',
    serverStart({ app }) {
      app.use(async (ctx, next) => {
        if (!emulator.matches(ctx.url)) return next();
        ctx.respond = false;
        await emulator.handle(ctx.req, ctx.res);
      });
    },
    async serverStop() {
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { browser: true },
  concurrency: 2,
  testFramework: { config: { timeout: 30_000 } },
  testsFinishTimeout: 10 * 60_000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), emulatorPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
};
