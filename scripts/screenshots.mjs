// Renders <deeplake-uploader> in its visible states, light and dark, in Debian's headless
// Chromium against the demo server (emulator included), and writes PNGs to
// docs/screenshots/. Run: node --import tsx scripts/screenshots.mjs
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';

const out = join(import.meta.dirname, '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const server = await createServer({ configFile: join(import.meta.dirname, '..', 'vite.config.ts'), server: { port: 0 }, logLevel: 'silent' });
await server.listen();
const base = server.resolvedUrls.local[0];
const profile = mkdtempSync(join(tmpdir(), 'deeplake-shots-'));
const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  userDataDir: profile,
  args: chromiumArgs,
});

async function fault(fault) {
  await fetch(new URL('/__emulator/faults', base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ workspace: 'demo', ...fault }),
  });
}

/** Opens the uploader page in `scheme`, runs `setup` in the page, and shoots the element. */
async function shoot(name, scheme, setup) {
  const page = await browser.newPage();
  await page.setViewport({ width: 560, height: 700, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(new URL('/uploader.html', base).href);
  await page.waitForFunction(() => customElements.get('deeplake-uploader'));
  await setup(page);
  const el = await page.$('#shot');
  await el.screenshot({ path: join(out, `uploader-${name}-${scheme}.png`) });
  await page.close();
}

const files = (page, specs) =>
  page.evaluate((specs) => {
    const make = ({ name, size, type }) => new File([new Uint8Array(size).fill(7)], name, { type });
    return document.querySelector('deeplake-uploader').addFiles(specs.map(make)).length;
  }, specs);

try {
  for (const scheme of ['light', 'dark']) {
    await shoot('idle', scheme, async () => {});
    await shoot('dragging', scheme, (page) => page.evaluate(() => (document.querySelector('deeplake-uploader').dragover = true)));
    await shoot('uploading', scheme, async (page) => {
      await page.evaluate(() => {
        const el = document.querySelector('deeplake-uploader');
        el.retries = 0;
        el.concurrency = 4;
      });
      await fault({ match: { method: 'POST' }, status: 500 });
      await fault({ match: { method: 'POST' }, throttleBytesPerSec: 400_000, count: 3 });
      // A small file whose answer is held: no byte counted yet, so no percent.
      await fault({ match: { method: 'POST' }, latencyMs: 30_000, count: 1 });
      await files(page, [
        { name: 'broken-upload.pdf', size: 90_000, type: 'application/pdf' },
        { name: 'holiday-photos-2026-with-a-very-long-name-that-does-not-fit.zip', size: 24_000_000, type: 'application/zip' },
        { name: 'report.docx', size: 8_000_000, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
        { name: 'cover.png', size: 3_000_000, type: 'image/png' },
        { name: 'empty.txt', size: 0, type: 'text/plain' },
        { name: 'notes.txt', size: 1_200, type: 'text/plain' },
      ]);
      await new Promise((r) => setTimeout(r, 2500));
    });
    await shoot('done', scheme, async (page) => {
      // A real image, so the row shows its thumbnail.
      await page.evaluate(async () => {
        const canvas = new OffscreenCanvas(320, 200);
        const g = canvas.getContext('2d');
        const sky = g.createLinearGradient(0, 0, 0, 200);
        sky.addColorStop(0, '#6aa9ff');
        sky.addColorStop(1, '#ffd9a0');
        g.fillStyle = sky;
        g.fillRect(0, 0, 320, 200);
        g.fillStyle = '#2f6b3a';
        g.beginPath();
        g.moveTo(0, 200);
        g.lineTo(120, 90);
        g.lineTo(220, 160);
        g.lineTo(320, 110);
        g.lineTo(320, 200);
        g.fill();
        const blob = await canvas.convertToBlob({ type: 'image/png' });
        document.querySelector('deeplake-uploader').addFiles([new File([blob], 'mountains.png', { type: 'image/png' })]);
      });
      await files(page, [
        { name: 'notes.txt', size: 1_200, type: 'text/plain' },
        { name: 'slides.pdf', size: 480_000, type: 'application/pdf' },
      ]);
      await page.waitForFunction(() => document.querySelector('deeplake-uploader').values.length === 3);
      await page.waitForFunction(() => !!document.querySelector('deeplake-uploader').shadowRoot.querySelector('.thumb img'));
      await new Promise((r) => setTimeout(r, 300));
    });
  }
} finally {
  await fetch(new URL('/__emulator/faults?workspace=demo', base), { method: 'DELETE' });
  await browser.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`screenshots written to ${out}`);
