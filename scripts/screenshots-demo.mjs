// Every demo page at a phone's width (390 px, touch) and a desktop's (1280 px), light and
// dark, in Debian's headless Chromium against the demo server (emulator included, on a
// temporary data dir), after real use: files stored, an article published, a form sent.
// Writes docs/screenshots/pages/<page>-<width>-<scheme>.png (full page).
// Run: node --import tsx scripts/screenshots-demo.mjs [page …]   (page: article, gallery, …)
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';

const out = join(import.meta.dirname, '..', 'docs', 'screenshots', 'pages');
mkdirSync(out, { recursive: true });
const data = mkdtempSync(join(tmpdir(), 'deeplake-shots-data-'));
process.env.DEEPLAKE_DATA_DIR = data; // read by the emulator plugin in vite.config.ts
const server = await createServer({ configFile: join(import.meta.dirname, '..', 'vite.config.ts'), server: { port: 0 }, logLevel: 'silent' });
await server.listen();
const base = server.resolvedUrls.local[0];
const profile = mkdtempSync(join(tmpdir(), 'deeplake-shots-'));
const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, userDataDir: profile, args: chromiumArgs });

// Touch (so coarse-pointer styles apply), but not Chromium's mobile mode, whose PDF viewer never draws headless.
const PHONE = { width: 390, height: 844, deviceScaleFactor: 1, hasTouch: true };
const DESKTOP = { width: 1280, height: 900, deviceScaleFactor: 1 };

/** Files made in the page, added to the uploader `selector`; resolves when all are stored. */
async function addFiles(page, selector, specs) {
  await page.evaluate(
    async (selector, specs) => {
      const el = document.querySelector(selector);
      const files = await Promise.all(
        specs.map(async ({ name, size, type, image, text }) => {
          if (text) return new File([text], name, { type });
          if (!image) return new File([new Uint8Array(size).fill(7)], name, { type });
          const canvas = new OffscreenCanvas(480, 300);
          const g = canvas.getContext('2d');
          const sky = g.createLinearGradient(0, 0, 0, 300);
          sky.addColorStop(0, '#6aa9ff');
          sky.addColorStop(1, '#ffd9a0');
          g.fillStyle = sky;
          g.fillRect(0, 0, 480, 300);
          g.fillStyle = '#2f6b3a';
          g.beginPath();
          g.moveTo(0, 300);
          g.lineTo(180, 130);
          g.lineTo(330, 240);
          g.lineTo(480, 160);
          g.lineTo(480, 300);
          g.fill();
          return new File([await canvas.convertToBlob({ type: 'image/png' })], name, { type: 'image/png' });
        }),
      );
      const before = el.values.length;
      el.addFiles(files);
      await new Promise((resolve) => {
        const check = () => (el.values.length >= before + files.length ? resolve() : setTimeout(check, 50));
        check();
      });
    },
    selector,
    specs,
  );
}

/** Every <deeplake-file> on the page loaded (or failed), images decoded, lazy ones too. */
async function settleFiles(page) {
  await page.evaluate(async () => {
    for (const el of document.querySelectorAll('deeplake-file')) el.loading = 'eager';
  });
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('deeplake-file:not(#pending)')].every((el) => el.matches(':state(loaded), :state(error)')) &&
      [...document.querySelectorAll('deeplake-file')].every((el) => [...el.shadowRoot.querySelectorAll('img')].every((img) => img.complete)),
    { timeout: 30_000 },
  );
}

/** What each page needs before its picture; runs once per page, on the first (phone, light) visit. */
const PAGES = {
  files: {
    path: 'file.html',
    async ready(page) {
      await settleFiles(page);
    },
  },
  article: {
    path: '',
    async once(page) {
      await page.type('#title', 'Lakes of the north');
      await addFiles(page, '#cover', [{ name: 'lake-at-dawn.png', image: true }]);
      await addFiles(page, '#attachments', [
        { name: 'quarterly-financial-report-for-the-board-2026-Q3-final.pdf', size: 2_400_000, type: 'application/pdf' },
        { name: 'minutes.txt', type: 'text/plain', text: 'Minutes of the planning meeting\n\n- Lakes to survey: 14\n- Next visit: March\n'.repeat(8) },
        {
          name: 'survey-data.csv',
          type: 'text/csv',
          text: 'lake,depth_m,area_km2\n' + Array.from({ length: 60 }, (_, i) => `lake-${i},${(i * 7) % 40},${i * 3}`).join('\n'),
        },
      ]);
      await page.$eval('button[type=submit]', (b) => b.click());
      await page.waitForFunction(() => document.querySelector('#status')?.textContent === 'Published.');
    },
    async ready(page) {
      await page.waitForFunction(() => document.querySelectorAll('#articles deeplake-file').length > 0);
      await settleFiles(page);
    },
  },
  gallery: {
    path: 'gallery.html',
    async ready(page) {
      await page.waitForFunction(() => document.querySelectorAll('#gallery deeplake-file').length > 0);
      await settleFiles(page);
    },
  },
  'script-tag': {
    path: 'plain.html',
    async once(page) {
      await addFiles(page, '#files', [
        { name: 'holiday-photos-2026-with-a-very-long-name.zip', size: 300_000, type: 'application/zip' },
        { name: 'invoice.pdf', size: 80_000, type: 'application/pdf' },
      ]);
      await page.$eval('button[type=submit]', (b) => b.click());
      await page.waitForFunction(() => (window.frames.echo?.document.body?.textContent ?? '').includes('"files"'));
    },
  },
  uploader: {
    path: 'uploader.html',
    async ready(page) {
      await addFiles(page, 'deeplake-uploader', [
        { name: 'mountains.png', image: true },
        { name: 'meeting-notes-from-the-planning-session.txt', size: 1_200, type: 'text/plain' },
      ]);
    },
  },
};

const only = process.argv.slice(2);
try {
  for (const [name, { path, once, ready }] of Object.entries(PAGES)) {
    if (only.length && !only.includes(name)) continue;
    let first = true;
    for (const [size, viewport] of [
      [390, PHONE],
      [1280, DESKTOP],
    ]) {
      for (const scheme of ['light', 'dark']) {
        const page = await browser.newPage();
        await page.setViewport(viewport);
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await page.goto(new URL(path, base).href, { waitUntil: 'networkidle0' });
        if (first) await once?.(page);
        first = false;
        await ready?.(page);
        // Paint settles (fonts, the last render) before the picture.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        // A PDF viewer is out of process and draws in steps: shoot until two shots agree.
        let last;
        for (let i = 0; i < 20 && (await page.$('pierce/object')); i++) {
          const next = Buffer.from(await page.screenshot({ fullPage: true }));
          if (last?.equals(next)) break;
          last = next;
          await new Promise((r) => setTimeout(r, 500));
        }
        await page.screenshot({ path: join(out, `${name}-${size}-${scheme}.png`), fullPage: true });
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
}
console.log(`screenshots written to ${out}`);
