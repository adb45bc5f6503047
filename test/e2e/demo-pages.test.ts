/**
 * Every page of the demo (each demo/*.html, found on disk, so a new page is covered too),
 * opened in a real browser against the demo dev server (what `npm start` runs, emulator
 * included), in whichever engine DEEPLAKE_ENGINE picks (browser.ts): each page's script
 * runs (every element defined), its icon answers (no favicon 404), no request it makes
 * fails (a 415 for the token was how plain.html broke), every uploader on it stores a file
 * chosen through it, plain.html posts the stored UUIDs, and the pages that show files
 * render the ones uploaded through the others. At a phone's width (390 px; a touch screen
 * in Chromium) no page scrolls sideways, the nav is one line that lists every page, and on
 * a touch screen the drop zones offer "Choose files" instead of "Drag files here".
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createServer, type ViteDevServer } from 'vite';
import { engine, openBrowser, type E2EPage } from './browser.js';
import { pngFile } from './png.js';

const root = join(import.meta.dirname, '..', '..');
/** Uploads first, the page that lists stored files last. */
const PAGES = readdirSync(join(root, 'demo'))
  .filter((f) => f.endsWith('.html'))
  .sort((a, b) => Number(a === 'gallery.html') - Number(b === 'gallery.html') || a.localeCompare(b));

type Uploader = HTMLElement & { values: string[]; accept: string; items: ReadonlyArray<{ status: string }> };

/**
 * Requests of the page that failed (4xx/5xx), from Resource Timing's `responseStatus`
 * (engines without it report none). file.html asks for an unknown id on purpose: that 404
 * is the point. The buffer is cleared and enlarged once the page has loaded (the dev
 * server's modules alone can fill its default 250 entries).
 */
const failedRequests = (page: E2EPage, path: string) =>
  page.evaluate((path: string) => {
    const failed = (performance.getEntriesByType('resource') as Array<PerformanceResourceTiming & { responseStatus?: number }>)
      .filter((r) => (r.responseStatus ?? 0) >= 400)
      .map((r) => `${r.responseStatus} ${new URL(r.name).pathname}`)
      .filter((r) => !(path === 'file.html' && r.startsWith('404 /workspaces/')));
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(10_000);
    return failed;
  }, path);

describe(`demo pages (${engine})`, () => {
  let dataDir: string;
  let filesDir: string;
  let server: ViteDevServer;
  let page: E2EPage;
  let base: string;
  const stored = new Map<string, string>(); // UUID → the page it was uploaded through

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'deeplake-pages-data-'));
    filesDir = mkdtempSync(join(tmpdir(), 'deeplake-pages-files-'));
    process.env.DEEPLAKE_DATA_DIR = dataDir;
    server = await createServer({ configFile: join(root, 'vite.config.ts'), server: { port: 0 }, logLevel: 'silent' });
    await server.listen();
    base = server.resolvedUrls!.local[0]!;
    writeFileSync(join(filesDir, 'photo.png'), pngFile(120, 80));
    writeFileSync(join(filesDir, 'notes.txt'), 'Notes\n'.repeat(20));
    page = await openBrowser({ width: 1280, height: 900 });
  });

  after(async () => {
    await page?.close();
    await server?.close();
    delete process.env.DEEPLAKE_DATA_DIR;
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(filesDir, { recursive: true, force: true });
  });

  /** Opens `path` and checks what every page must do: run its script, have its icon. */
  async function open(on: E2EPage, path: string): Promise<void> {
    await on.goto(new URL(path, base).href);
    const loaded = await on.evaluate(async () => ({
      undefinedElements: [...document.querySelectorAll(':not(:defined)')].map((el) => el.localName),
      icon: await fetch(document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href ?? '/favicon.ico').then((r) => r.status),
    }));
    assert.deepEqual(loaded, { undefinedElements: [], icon: 200 }, `${path}: its script ran and its icon answers`);
    assert.deepEqual(await failedRequests(on, path), [], `${path}: no failed request while loading`);
  }

  for (const path of PAGES) {
    it(`${path}: loads cleanly, and uploads through every uploader on it`, async () => {
      await open(page, path);

      const uploaders = await page.evaluate(() =>
        [...document.querySelectorAll('deeplake-uploader')].map((el, i) => ({
          selector: el.id ? `#${el.id}` : `deeplake-uploader:nth-of-type(${i + 1})`,
          image: (el as Uploader).accept.startsWith('image'),
        })),
      );
      for (const { selector, image } of uploaders) {
        await page.chooseFiles(selector, [join(filesDir, image ? 'photo.png' : 'notes.txt')]);
        // Stored, or failed (a refused token fails every row: "Could not sign in to upload").
        await page.waitFor((s: string) => {
          const el = document.querySelector(s) as Uploader;
          return el.values.length > 0 || el.items.some((i) => i.status === 'error');
        }, selector);
        const state = await page.evaluate((s: string) => {
          const el = document.querySelector(s) as Uploader;
          return { values: el.values, statuses: el.items.map((i) => i.status) };
        }, selector);
        assert.deepEqual(state.statuses, ['done'], `${path} ${selector}: the chosen file is uploaded`);
        assert.match(state.values[0]!, /^[0-9a-f-]{36}$/);
        stored.set(state.values[0]!, path);
      }

      if (path === 'plain.html') {
        // The form posts the stored UUIDs: what the emulator's echo received.
        const ids = await page.evaluate(() => (document.querySelector('#files') as Uploader).values);
        await page.evaluate(() => (document.querySelector('form button[type=submit]') as HTMLButtonElement).click());
        await page.waitFor((ids: string[]) => ids.every((id) => (window.frames[0]?.document.body?.textContent ?? '').includes(id)), ids);
      }

      if (path === 'gallery.html') {
        // Every file uploaded through the other pages is in the gallery, a fit="cover" tile.
        await page.waitFor(() => document.querySelectorAll('#gallery deeplake-file').length > 0);
        const tiles = await page.evaluate(() =>
          [...document.querySelectorAll('#gallery deeplake-file')].map((el) => [el.getAttribute('file-id'), el.getAttribute('fit')]),
        );
        for (const [id, from] of stored)
          assert.ok(
            tiles.some(([tile]) => tile === id),
            `the file uploaded through ${from} is in the gallery`,
          );
        assert.ok(tiles.every(([, fit]) => fit === 'cover'));
        await page.waitFor(() => [...document.querySelectorAll('#gallery deeplake-file')].every((el) => el.matches(':state(loaded)')));
      }

      if (path === 'file.html') {
        await page.waitFor(() => [...document.querySelectorAll('deeplake-file:not(#pending)')].every((el) => el.matches(':state(loaded), :state(error)')));
        const errors = await page.evaluate(() => [...document.querySelectorAll('deeplake-file')].filter((el) => el.matches(':state(error)')).map((el) => el.id));
        assert.deepEqual(errors, ['missing']);
      }
      assert.deepEqual(await failedRequests(page, path), [], `${path}: no failed request while used`);
    });
  }

  it('at 390 px: no page scrolls sideways, the nav is one line that lists every page', async () => {
    const phone = await openBrowser({ width: 390, height: 844, hasTouch: true });
    try {
      for (const path of PAGES) {
        await open(phone, path);
        const layout = await phone.evaluate(() => {
          const links = [...document.querySelectorAll('header nav a')] as HTMLAnchorElement[];
          return {
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            lines: new Set(links.map((a) => Math.round(a.getBoundingClientRect().top))).size,
            clipped: links.filter((a) => a.getBoundingClientRect().right > document.documentElement.clientWidth).map((a) => a.textContent),
            targets: links.map((a) => new URL(a.href).pathname.replace(/^\/$/, '/index.html').slice(1)).sort(),
          };
        });
        assert.equal(layout.overflow, 0, `${path} scrolls sideways`);
        assert.equal(layout.lines, 1, `${path}: the nav is one line`);
        assert.deepEqual(layout.clipped, [], `${path}: every link is on screen`);
        assert.deepEqual(layout.targets, [...PAGES].sort(), `${path}: the nav links every demo page`);

        const zones = await phone.evaluate(() => ({
          touch: matchMedia('(hover: none) and (pointer: coarse)').matches,
          zones: [...document.querySelectorAll('deeplake-uploader')].map((el) => ({
            hint: getComputedStyle(el.shadowRoot!.querySelector('[part~="hint"]')!).display,
            button: (el.shadowRoot!.querySelector('[part~="browse-button"]') as HTMLElement).innerText.trim(),
          })),
        }));
        // Touch is emulated in Chromium only: there the answer must be the touch one.
        if (engine === 'chromium') assert.equal(zones.touch, true, 'a touch screen is emulated');
        for (const zone of zones.zones) {
          if (zones.touch) {
            assert.equal(zone.hint, 'none', `${path}: no "Drag files here" on a touch screen`);
            assert.match(zone.button, /^Choose (files|a file)$/);
          } else {
            assert.notEqual(zone.hint, 'none', `${path}: a mouse can drag files here`);
          }
        }
      }
    } finally {
      await phone.close();
    }
  });
});
