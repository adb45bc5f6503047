// The three browser engines the tests run in, all from Debian (never a downloaded browser):
// Chromium and Firefox ESR driven by puppeteer-core (CDP and WebDriver BiDi), WebKitGTK's
// MiniBrowser driven by WebKitWebDriver (classic WebDriver) under a private Xvfb display,
// since MiniBrowser has no headless mode. Shared by web-test-runner.config.mjs, the e2e
// test and scripts/test-all.mjs.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export const ENGINES = /** @type {const} */ (['chromium', 'firefox', 'webkit']);

/**
 * The engine a run asked for: `DEEPLAKE_ENGINE`, else `--engine <name>` / `--engine=<name>`
 * on the command line, else Chromium (what `npm test` uses).
 * @returns {'chromium' | 'firefox' | 'webkit'}
 */
export function selectedEngine(argv = process.argv) {
  let name = process.env.DEEPLAKE_ENGINE;
  if (!name) {
    const at = argv.findIndex((a) => a === '--engine' || a.startsWith('--engine='));
    if (at >= 0) name = argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
  }
  name = (name || 'chromium').toLowerCase();
  if (!ENGINES.includes(name)) throw new Error(`Unknown engine "${name}": use one of ${ENGINES.join(', ')}`);
  return name;
}

export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Firefox prefs on top of puppeteer's own: no calls this machine's closed network would
 * refuse (updates, telemetry, captive-portal and connectivity checks), and timers in a
 * window without focus run at full rate (a test's window is not always the focused one).
 */
export const firefoxPrefs = {
  'app.update.disabledForTesting': true,
  'app.update.auto': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.server': '',
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.ping-centre.telemetry': false,
  'dom.min_background_timeout_value': 0,
  'dom.timeout.enable_budget_timer_throttling': false,
  'dom.timeout.throttling_delay': -1,
  'widget.windows.window_occlusion_tracking.enabled': false,
};

/** puppeteer-core launch options for Firefox ESR over WebDriver BiDi. */
export const firefoxLaunchOptions = () => ({
  browser: 'firefox',
  executablePath: firefoxPath,
  headless: true,
  extraPrefsFirefox: firefoxPrefs,
  // A loaded 2-core machine has been seen to take over 30 s to start Firefox.
  timeout: 120_000,
});

export const miniBrowserPath = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';

/** The capabilities WebKitWebDriver needs (it speaks classic WebDriver only, no BiDi). */
export const webkitCapabilities = () => ({
  browserName: 'MiniBrowser',
  'wdio:enforceWebDriverClassic': true,
  'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
});

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts Xvfb on a free display (it writes the number it took to fd 3) and answers `:N`. */
function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not report a display within 30 s')), 30_000);
    xvfb.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb could not start (apt-get install xvfb): ${error.message}`));
    });
    xvfb.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited with ${code} before it reported a display`));
    });
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (!out.includes('\n')) return;
      clearTimeout(timer);
      xvfb.removeAllListeners('exit');
      resolve({ process: xvfb, display: `:${out.trim()}` });
    });
  });
}

/** Polls the driver's /status until it answers (it binds its port shortly after starting). */
async function untilListening(port, driver) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${driver.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('WebKitWebDriver did not answer /status within 60 s');
}

/**
 * A private X display and a WebKitWebDriver on a free port. `stop()` ends both; they are
 * also killed when this Node process exits, so an aborted run leaves nothing behind.
 * @returns {Promise<{ hostname: string, port: number, display: string, stop(): void }>}
 */
export async function startWebKitDriver() {
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = spawn(webkitDriverPath, [`--port=${port}`], {
    env: { ...process.env, DISPLAY: xvfb.display },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => {
    for (const child of [driver, xvfb.process]) if (child.exitCode === null && child.signalCode === null) child.kill();
  };
  process.once('exit', stop);
  try {
    await new Promise((resolve, reject) => {
      driver.once('spawn', resolve);
      driver.once('error', (e) => reject(new Error(`WebKitWebDriver could not start (apt-get install webkit2gtk-driver): ${e.message}`)));
    });
    await untilListening(port, driver);
  } catch (error) {
    stop();
    throw error;
  }
  return { hostname: '127.0.0.1', port, display: xvfb.display, stop };
}
