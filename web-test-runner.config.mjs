// Browser tests: TypeScript compiled by esbuild, run in one of Debian's browsers (never a
// downloaded one): headless Chromium by default, Firefox ESR or WebKitGTK's MiniBrowser
// with DEEPLAKE_ENGINE=firefox|webkit (or `--engine firefox`; scripts/engines.mjs), against
// the real emulator mounted into the test server itself, so the tests talk to it over real
// HTTP from the page's own origin.
// Started through `node --import tsx` (see package.json) so this file can import the
// emulator's TypeScript source.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { FileStore as TusFileStore } from '@tus/file-store';
import { Server as TusServer } from '@tus/server';
import { chromiumArgs, chromiumPath, launchTimeoutMs } from './scripts/chromium.mjs';
import { firefoxLaunchOptions, selectedEngine, startWebKitDriver, webkitCapabilities } from './scripts/engines.mjs';
import { createEmulator } from './src/emulator/index.ts';
import { networkConditionsPlugin } from './scripts/network-conditions.mjs';

const engine = selectedEngine();
// MiniBrowser has no headless mode: WebKit runs on a private Xvfb display, through a
// WebKitWebDriver started here and stopped with the test server.
const webkitDriver = engine === 'webkit' ? await startWebKitDriver() : undefined;

const dataDir = mkdtempSync(join(tmpdir(), 'deeplake-wtr-'));
const emulator = createEmulator({ dataDir, admin: true });

// A bare @tus/server that is not the emulator (no auth, names no Deep Lake file), for the
// tus client's interoperability tests at /plain-tus/.
const plainTusDir = mkdtempSync(join(tmpdir(), 'deeplake-wtr-plain-tus-'));
const plainTus = new TusServer({ path: '/plain-tus', datastore: new TusFileStore({ directory: plainTusDir }) });

async function plainTusMiddleware(ctx, next) {
  if (ctx.path !== '/plain-tus' && !ctx.path.startsWith('/plain-tus/')) return next();
  quietCutOffs(ctx);
  ctx.respond = false;
  await plainTus.handle(ctx.req, ctx.res);
}

/**
 * A request the browser cut off mid-body (a cancel, a stall or outage test, a page that
 * moved on) ends its socket with a parse error that the test server would print as a
 * stack trace; for the emulator's requests that is the test's intent, not a fault.
 */
const CUT_OFF = new Set(['HPE_INVALID_EOF_STATE', 'ECONNABORTED']);
function quietCutOffs(ctx) {
  const onerror = ctx.onerror;
  ctx.onerror = (error) => (CUT_OFF.has(error?.code) || error?.message === 'aborted' ? undefined : onerror.call(ctx, error));
}

/** Hands /workspaces/ and /__emulator/ requests to the emulator, the rest to the test server. */
async function emulatorMiddleware(ctx, next) {
  if (!emulator.matches(ctx.url)) return next();
  quietCutOffs(ctx);
  ctx.respond = false; // the emulator writes the raw Node response itself
  await emulator.handle(ctx.req, ctx.res);
}

// A page under a strict CSP for test/browser/security.test.ts, loaded in an iframe so the
// runner's own page (which needs inline scripts) keeps its policy. `?img` adds blob:/data:
// images, which <deeplake-file> needs to show an image (see README, "Content Security Policy").
const STRICT_CSP = "default-src 'self'";
async function cspPageMiddleware(ctx, next) {
  if (ctx.path !== '/__csp-page.html') return next();
  const images = ctx.query.img !== undefined ? "; img-src 'self' blob: data:" : '';
  // `?tt`: Trusted Types enforced, with only the policy names the README lists; `?tt=lit`
  // with Lit's alone (a page that never allowed the image worker's policy).
  const policies = ctx.query.tt === 'lit' ? 'lit-html' : 'lit-html deeplake-worker';
  const trustedTypes = ctx.query.tt !== undefined ? `; require-trusted-types-for 'script'; trusted-types ${policies}` : '';
  ctx.set('Content-Security-Policy', STRICT_CSP + images + trustedTypes);
  ctx.type = 'html';
  ctx.body = '<!doctype html><meta charset="utf-8"><title>CSP</title><script type="module" src="/test/browser/csp-page.ts"></script>';
}

/**
 * A worker started with `new Worker(new URL('./x-worker.js', import.meta.url))` asks for
 * the compiled name; here, unbundled, that is the TypeScript source (esbuild compiles it).
 */
async function workerSourceMiddleware(ctx, next) {
  if (/^\/src\/.+-worker\.js$/.test(ctx.path)) ctx.url = ctx.url.replace(/-worker\.js/, '-worker.ts');
  return next();
}

/** Stops the emulator and removes its data with the test server. */
function emulatorLifecycle() {
  return {
    name: 'deeplake-emulator',
    async serverStop() {
      await emulator.close();
      webkitDriver?.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(plainTusDir, { recursive: true, force: true });
    },
  };
}

// React ships CommonJS that reads process.env.NODE_ENV: only its packages are converted.
const cjsPackages = /\/node_modules\/(react|react-dom|scheduler)\//;
// tus-js-client's browser build imports url-parse, which is CommonJS with two CommonJS dependencies.
const tusCjs = ['url-parse', 'requires-port', 'querystringify'];
const cjsInclude = ['react', 'react-dom', 'scheduler', ...tusCjs].map((name) => `**/node_modules/${name}/**`);

/** Replaces `process.env.NODE_ENV` in React's files, as a bundler would (development build). */
function nodeEnvDevelopment() {
  return {
    name: 'node-env-development',
    transform(context) {
      if (!cjsPackages.test(context.path) || typeof context.body !== 'string') return undefined;
      return { body: context.body.replaceAll('process.env.NODE_ENV', '"development"') };
    },
  };
}

/**
 * Ends the run with a plain "browser-<engine>: N passed, N failed, N skipped" line that CI
 * (and scripts/test-all.mjs) reads, after the name of every skipped test: a test skipped in
 * one engine says which and why in its title (test/browser/engine.ts).
 */
function summaryLineReporter() {
  const count = (suite, totals, path) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) {
        totals.skipped++;
        totals.skippedNames.push([...path, test.name].join(' › '));
      } else if (test.passed) totals.passed++;
      else totals.failed++;
    }
    for (const child of suite?.suites ?? []) count(child, totals, [...path, child.name]);
    return totals;
  };
  let lines = [];
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, skippedNames: [] };
      for (const session of sessions) {
        const failedBefore = totals.failed;
        count(session.testResults, totals, [session.testFile.replace(/^.*\/test\/browser\//, '')]);
        // A file that failed to load, or whose hook failed, may have no failed test but must
        // not count as green.
        if (!session.passed && totals.failed === failedBefore) totals.failed++;
      }
      lines = [
        ...totals.skippedNames.map((name) => `skipped: ${name}`),
        `browser-${engine}: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
      ];
    },
    // Printed at stop: the dynamic terminal redraws over anything written earlier.
    stop() {
      if (lines.length) process.stdout.write(`\n${lines.join('\n')}\n`);
    },
  };
}

/** Each test file's page in a browser context (and, in Firefox, a window) of its own. */
async function ownContextPage({ browser }, pageOptions) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage(pageOptions);
  page.once('close', () => void context.close().catch(() => {}));
  return page;
}

function launcherFor(name) {
  if (name === 'firefox') {
    return chromeLauncher({
      // A window, not a tab: a background tab gets no animation frames or intersections.
      createPage: (args) => ownContextPage(args, { type: 'window' }),
      launchOptions: firefoxLaunchOptions(),
    });
  }
  if (name === 'webkit') {
    const launcher = webdriverLauncher({
      hostname: webkitDriver.hostname,
      port: webkitDriver.port,
      logLevel: 'error',
      capabilities: webkitCapabilities(),
    });
    // Ending a test file, after its results are in, the runner navigates the page to
    // about:blank. Once in a CI run (2026-12-03, after uploader-form.test.ts, every test of
    // it passed) WebKitWebDriver left that navigation unanswered for the 120 s request
    // timeout (UND_ERR_HEADERS_TIMEOUT); the next file started normally. Not reproduced. A
    // teardown step is not a test: that one error is printed, not counted as a failure.
    const stop = launcher.stopSession.bind(launcher);
    launcher.stopSession = (id) =>
      stop(id).catch((error) => {
        if (!String(error?.message).includes('UND_ERR_HEADERS_TIMEOUT')) throw error;
        console.warn(`WebKitWebDriver did not answer the navigation that ends a test file (not a test failure): ${error.message}`);
        return { testCoverage: undefined };
      });
    return launcher;
  }
  return chromeLauncher({
    // Each test file's page in a browser context of its own, so each is a visible page:
    // a background tab gets no intersections, animation frames or media loading, and
    // which file lands there changes whenever a test file is added.
    createPage: (args) => ownContextPage(args),
    launchOptions: {
      executablePath: chromiumPath,
      headless: true,
      timeout: launchTimeoutMs,
      args: [
        ...chromiumArgs,
        // The long-run leak test reads exact heap sizes after a forced collection.
        '--js-flags=--expose-gc',
        '--enable-precise-memory-info',
      ],
    },
  });
}

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { browser: true },
  // Firefox and WebKit one file at a time: in Firefox, Enter/Space pressed in an unfocused
  // window do not reach its focused button; above 1 the WebDriver launcher runs files in
  // iframes of one page instead of a page each.
  concurrency: engine === 'chromium' ? 2 : 1,
  // Starting Firefox or MiniBrowser on a loaded 2-core machine has taken over a minute.
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testFramework: { config: { timeout: 30_000 } },
  testsFinishTimeout: 10 * 60_000,
  middleware: [emulatorMiddleware, plainTusMiddleware, cspPageMiddleware, workerSourceMiddleware],
  reporters: [defaultReporter(), summaryLineReporter()],
  // Lit's one-line notice, once per test file (dozens a run), says nothing about a test.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  plugins: [
    networkConditionsPlugin(),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    nodeEnvDevelopment(),
    // Served file by file, the plugin cannot see that a required module is CommonJS too:
    // `preferred` makes require() return its default export (its module.exports).
    fromRollup(commonjs)({ include: cjsInclude, requireReturnsDefault: 'preferred' }),
    emulatorLifecycle(),
  ],
  browsers: [launcherFor(engine)],
};
