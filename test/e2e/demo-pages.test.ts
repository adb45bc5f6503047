/**
 * Every page of the demo (each demo/*.html, found on disk, so a new page is covered too),
 * opened in a real browser against the demo dev server (what `npm start` runs, emulator
 * included): each page loads without a script error, a console error or a failed request
 * of its own (a favicon, a token, a module), every uploader on it stores a file chosen
 * through it, plain.html posts the stored UUIDs, and the pages that show files render the
 * ones uploaded through the others. At a phone's width (390 px, touch) no page scrolls
 * sideways, the nav is one line and lists every page, and drop zones offer "Choose files".
 * DEEPLAKE_ENGINE=firefox runs it in Firefox ESR (no touch emulation there: that part is
 * Chromium's); WebKit has no puppeteer driver, so there it is skipped.
 */
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { firefoxLaunchOptions, selectedEngine } from '../../scripts/engines.mjs';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createServer, type ViteDevServer } from 'vite';
import { pngFile } from './png.js';

const root = join(import.meta.dirname, '..', '..');
const engine = selectedEngine();
/** Uploads first, the pages that show stored files last. */
const PAGES = readdirSync(join(root, 'demo'))
  .filter((f) => f.endsWith('.html'))
  .sort((a, b) => Number(a === 'gallery.html') - Number(b === 'gallery.html') || a.localeCompare(b));

type Uploader = HTMLElement & { values: string[]; accept: string };

describe(`demo pages (${engine})`, { skip: engine === 'webkit' ? 'puppeteer drives no WebKit' : false }, () => {
  let dataDir: string;
  let filesDir: string;
  let server: ViteDevServer;
  let browser: Browser;
  let base: string;
  const stored = new Map<string, string>(); // UUID → the page it was uploaded through

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'deeplake-pages-data-'));
    filesDir = mkdtempSync(join(tmpdir(), 'deeplake-pages-files-'));
    process.env.DEEPLAKE_DATA_DIR = dataDir;
    server = await createServer({ configFile: join(root, 'vite.config.ts'), server: { port: 0 }, logLevel: 'silent' });
    await server.listen();
    base = server.resolvedUrls!.local[0]!;
    browser =
      engine === 'firefox'
        ? await puppeteer.launch(firefoxLaunchOptions())
        : await puppeteer.launch({
            executablePath: chromiumPath,
            headless: true,
            userDataDir: mkdtempSync(join(tmpdir(), 'deeplake-pages-profile-')),
            args: chromiumArgs,
          });
    writeFileSync(join(filesDir, 'photo.png'), pngFile(120, 80));
    writeFileSync(join(filesDir, 'notes.txt'), 'Notes\n'.repeat(20));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    delete process.env.DEEPLAKE_DATA_DIR;
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(filesDir, { recursive: true, force: true });
  });

  /** A page whose script errors, console errors and failed requests are recorded. */
  async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    // Sized for a loaded 2-core machine: the dev server compiles each module on first request.
    page.setDefaultTimeout(120_000);
    page.setDefaultNavigationTimeout(120_000);
    await page.setViewport(viewport);
    const problems: string[] = [];
    // file.html shows an id the server does not know on purpose: its 404 is the point.
    const expected = (url: string) => path === 'file.html' && new URL(url, base).pathname.startsWith('/workspaces/');
    page.on('pageerror', (error) => problems.push(`script error: ${(error as Error).message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (/^Failed to load resource/.test(message.text()) && expected(message.location().url ?? '')) return;
      problems.push(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on('response', (response) => {
      if (response.status() < 400 || (response.status() === 404 && expected(response.url()))) return;
      problems.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    });
    await page.goto(new URL(path, base).href, { waitUntil: 'networkidle0' });
    return { page, problems };
  }

  /** Chooses a file through `uploader` (the browse button and the real file chooser in Chromium). */
  async function choose(page: Page, selector: string, file: string): Promise<void> {
    if (engine === 'chromium') {
      const [chooser] = await Promise.all([page.waitForFileChooser(), page.click(`${selector} >>> button[part~="browse-button"]`)]);
      await chooser.accept([file]);
    } else {
      const input = await page.$(`${selector} >>> input[type=file]`);
      await input!.uploadFile(file);
    }
  }

  for (const path of PAGES) {
    it(`${path}: loads cleanly, and uploads through every uploader on it`, async () => {
      const { page, problems } = await open(path);
      try {
        // The page's own icon answers (no /favicon.ico 404 on every page).
        const icon = await page.$eval('link[rel~="icon"]', async (link) => (await fetch((link as HTMLLinkElement).href)).status);
        assert.equal(icon, 200);

        const uploaders = await page.$$eval('deeplake-uploader', (els) => els.map((el, i) => el.id || `deeplake-uploader:nth-of-type(${i + 1})`));
        for (const id of uploaders) {
          const selector = id.startsWith('deeplake-uploader') ? id : `#${id}`;
          const accept = await page.$eval(selector, (el) => (el as Uploader).accept);
          await choose(page, selector, join(filesDir, accept.startsWith('image') ? 'photo.png' : 'notes.txt'));
          await page.waitForFunction((s) => (document.querySelector(s) as Uploader).values.length > 0, { timeout: 120_000 }, selector);
          const [id0] = await page.$eval(selector, (el) => (el as Uploader).values);
          assert.match(id0!, /^[0-9a-f-]{36}$/);
          stored.set(id0!, path);
          // What a failed sign-in shows: no row may say it.
          const rows = await page.$eval(selector, (el) => el.shadowRoot!.textContent ?? '');
          assert.doesNotMatch(rows, /Could not sign in|Failed/);
        }

        if (path === 'plain.html') {
          // The form posts the stored UUIDs: what the emulator's echo received.
          const ids = await page.$eval('#files', (el) => (el as Uploader).values);
          await page.$eval('form button[type=submit]', (b) => (b as HTMLButtonElement).click());
          await page.waitForFunction(
            (ids) => ids.every((id: string) => (window.frames[0]?.document.body?.textContent ?? '').includes(id)),
            { timeout: 120_000 },
            ids,
          );
        }

        if (path === 'gallery.html') {
          // Every file uploaded through the other pages is in the gallery, rendered from its UUID.
          await page.waitForFunction(() => document.querySelectorAll('#gallery deeplake-file').length > 0);
          const shown = await page.$$eval('#gallery deeplake-file', (els) => els.map((el) => el.getAttribute('file-id')));
          for (const [id, from] of stored) assert.ok(shown.includes(id), `the file uploaded through ${from} is in the gallery`);
          assert.ok(await page.$$eval('#gallery deeplake-file', (els) => els.every((el) => el.getAttribute('fit') === 'cover')));
        }

        if (path === 'file.html') {
          await page.waitForFunction(
            () => [...document.querySelectorAll('deeplake-file:not(#pending)')].every((el) => el.matches(':state(loaded), :state(error)')),
            { timeout: 120_000 },
          );
          const errors = await page.$$eval('deeplake-file', (els) => els.filter((el) => el.matches(':state(error)')).map((el) => el.id));
          assert.deepEqual(errors, ['missing']);
        }
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }

  it('at 390 px: no page scrolls sideways, the nav is one line that lists every page', async () => {
    const touch = engine === 'chromium';
    for (const path of PAGES) {
      const { page, problems } = await open(path, { width: 390, height: 844, ...(touch ? { isMobile: true, hasTouch: true } : {}) });
      try {
        const layout = await page.evaluate(() => {
          const links = [...document.querySelectorAll('header nav a')] as HTMLAnchorElement[];
          return {
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            lines: new Set(links.map((a) => Math.round(a.getBoundingClientRect().top))).size,
            clipped: links.filter((a) => a.getBoundingClientRect().right > innerWidth).map((a) => a.textContent),
            targets: links.map((a) => new URL(a.href).pathname.replace(/^\/$/, '/index.html').slice(1)).sort(),
          };
        });
        assert.equal(layout.overflow, 0, `${path} scrolls sideways`);
        assert.equal(layout.lines, 1, `${path}: the nav is one line`);
        assert.deepEqual(layout.clipped, [], `${path}: every link is on screen`);
        assert.deepEqual(layout.targets, [...PAGES].sort(), `${path}: the nav links every demo page`);
        if (touch) {
          // Nothing to drag on a touch screen: the drop zone is a "Choose …" button.
          const zones = await page.$$eval('deeplake-uploader', (els) =>
            els.map((el) => {
              const hint = el.shadowRoot!.querySelector('[part~="hint"]')!;
              const button = el.shadowRoot!.querySelector<HTMLElement>('[part~="browse-button"]')!;
              return { hint: getComputedStyle(hint).display, button: button.innerText.trim() };
            }),
          );
          for (const zone of zones) {
            assert.equal(zone.hint, 'none', `${path}: no "Drag files here" on a touch screen`);
            assert.match(zone.button, /^Choose (files|a file)$/);
          }
        }
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    }
  });
});
