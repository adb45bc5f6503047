/**
 * One small page API over the three engines the end-to-end tests run in (DEEPLAKE_ENGINE,
 * scripts/engines.mjs): puppeteer-core for Chromium (CDP) and Firefox ESR (WebDriver
 * BiDi), webdriverio for WebKitGTK's MiniBrowser (WebKitWebDriver speaks classic WebDriver
 * only, under a private Xvfb display). The tests say what a person does (open, type,
 * choose files, click) and wait on conditions; how each engine gets there is here.
 *
 * Choosing files differs by engine: in Chromium the browse button is clicked and the
 * native file chooser answered (the whole path a person takes); Firefox's BiDi has no
 * chooser interception here, so the files are set on the element's <input type=file>
 * (`input.setFiles`); in WebKit they are typed into that input (WebDriver's file upload).
 * All three fire the input's real `change` event.
 */
import { chromiumArgs, chromiumPath, launchTimeoutMs } from '../../scripts/chromium.mjs';
import { firefoxLaunchOptions, selectedEngine, startWebKitDriver, webkitCapabilities } from '../../scripts/engines.mjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { remote } from 'webdriverio';

export const engine = selectedEngine();

/** Sized for a loaded 2-core machine: the dev server compiles each module on first request. */
const TIMEOUT_MS = 120_000;

export interface E2EPage {
  goto(url: string): Promise<void>;
  /** Runs `fn(...args)` in the page and answers its (JSON) result. */
  evaluate<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R>;
  /** Polls `fn(...args)` in the page until it is truthy. */
  waitFor<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Chooses `paths` through the <deeplake-uploader> `uploaderSelector` (see the file's comment). */
  chooseFiles(uploaderSelector: string, paths: string[]): Promise<void>;
  screenshot(path: string, fullPage?: boolean): Promise<void>;
  close(): Promise<void>;
}

/** `hasTouch`: a touch screen (coarse pointer, no hover), emulated in Chromium only. */
export interface Viewport {
  width: number;
  height: number;
  hasTouch?: boolean;
}

export async function openBrowser(viewport: Viewport = { width: 900, height: 1100 }): Promise<E2EPage> {
  return engine === 'webkit' ? openWebKit(viewport) : openPuppeteer(viewport);
}

async function openPuppeteer({ hasTouch, ...viewport }: Viewport): Promise<E2EPage> {
  const browser: Browser =
    engine === 'firefox'
      ? await puppeteer.launch(firefoxLaunchOptions())
      : await puppeteer.launch({
          executablePath: chromiumPath,
          headless: true,
          userDataDir: mkdtempSync(join(tmpdir(), 'deeplake-e2e-profile-')),
          args: chromiumArgs,
          timeout: launchTimeoutMs,
        });
  const page: Page = await browser.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.setDefaultNavigationTimeout(TIMEOUT_MS);
  await page.setViewport({ ...viewport, hasTouch: !!hasTouch && engine === 'chromium' });
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'networkidle0' })),
    evaluate: (fn, ...args) => page.evaluate(fn as never, ...(args as unknown as never[])),
    waitFor: async (fn, ...args) => void (await page.waitForFunction(fn as never, {}, ...(args as unknown as never[]))),
    type: (selector, text) => page.type(selector, text),
    click: (selector) => page.click(selector),
    async chooseFiles(uploader, paths) {
      if (engine === 'chromium') {
        const [chooser] = await Promise.all([page.waitForFileChooser(), page.click(`${uploader} >>> button[part~="browse-button"]`)]);
        await chooser.accept(paths);
      } else {
        const input = await page.$(`${uploader} >>> input[type=file]`);
        await input!.uploadFile(...paths);
      }
    },
    screenshot: async (path, fullPage = false) => void (await page.screenshot({ path, fullPage })),
    close: () => browser.close(),
  };
}

async function openWebKit(viewport: Viewport): Promise<E2EPage> {
  const driver = await startWebKitDriver();
  const browser = await remote({ hostname: driver.hostname, port: driver.port, logLevel: 'error', capabilities: webkitCapabilities() });
  await browser.setTimeout({ script: TIMEOUT_MS, pageLoad: TIMEOUT_MS });
  await browser.setWindowSize(viewport.width, viewport.height);
  // Functions travel as source text; the arguments as JSON.
  // Functions travel as source text, their arguments as JSON; WebDriver awaits a promise.
  const run = <A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, args: A) =>
    browser.execute<{ value?: R; error?: string }, [string, A]>(
      ((source: string, args: unknown[]) => {
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- WebDriver carries a function as text: the page makes it again
        const fn = (new Function(`return (${source})`) as () => (...a: unknown[]) => unknown)();
        return Promise.resolve()
          .then(() => fn(...args))
          .then(
            (value) => ({ value }),
            (error: Error) => ({ error: String(error?.stack ?? error) }),
          );
      }) as never,
      fn.toString(),
      args,
    );
  const evaluate = async <A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R> => {
    const answer = await run(fn, args);
    if (answer.error) throw new Error(`in the page: ${answer.error}`);
    return answer.value as R;
  };
  /** Waits until the page has loaded and its network is quiet (no resource started for 500 ms). */
  const settle = () =>
    browser.waitUntil(
      async () =>
        evaluate(() => {
          if (document.readyState !== 'complete') return false;
          const last = Math.max(0, ...performance.getEntriesByType('resource').map((r) => (r as PerformanceResourceTiming).responseEnd));
          return performance.now() - last > 500;
        }),
      { timeout: TIMEOUT_MS, interval: 100 },
    );
  return {
    async goto(url) {
      await browser.url(url);
      await settle();
    },
    evaluate,
    waitFor: async (fn, ...args) => void (await browser.waitUntil(async () => !!(await evaluate(fn, ...args)), { timeout: TIMEOUT_MS, interval: 100 })),
    async type(selector, text) {
      await browser.$(selector).addValue(text);
    },
    async click(selector) {
      await browser.$(selector).click();
    },
    async chooseFiles(uploader, paths) {
      const input = browser.$(uploader).shadow$('input[type=file]');
      // WebDriver's file upload: the paths typed into the input, one per line.
      await input.addValue(paths.join('\n'));
    },
    async screenshot(path) {
      await browser.saveScreenshot(path);
    },
    async close() {
      try {
        await browser.deleteSession();
      } finally {
        driver.stop();
      }
    },
  };
}
