// The README's before/after of a photo's row (issue 22): a 12-megapixel JPEG added to an
// uploader with image-max="2048", shot while its row says "Optimizing…" and when it is
// stored ("3.8 MB → 412 kB"), in Debian's headless Chromium against the demo server
// (emulator included). Run: node --import tsx scripts/screenshots-images.mjs
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
const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, userDataDir: profile, args: chromiumArgs });

try {
  const page = await browser.newPage();
  await page.setViewport({ width: 560, height: 400, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  await page.goto(new URL('/uploader.html', base).href);
  await page.waitForFunction(() => customElements.get('deeplake-uploader'));
  await page.evaluate(async () => {
    const el = document.querySelector('deeplake-uploader');
    el.setAttribute('image-max', '2048');
    // A photo-like 4000 × 3000 JPEG: sky, hills, and grain so it compresses like a photo.
    const canvas = new OffscreenCanvas(4000, 3000);
    const g = canvas.getContext('2d');
    const sky = g.createLinearGradient(0, 0, 0, 3000);
    sky.addColorStop(0, '#6aa9ff');
    sky.addColorStop(1, '#ffd9a0');
    g.fillStyle = sky;
    g.fillRect(0, 0, 4000, 3000);
    g.fillStyle = '#2f6b3a';
    g.beginPath();
    g.moveTo(0, 3000);
    g.lineTo(1500, 1350);
    g.lineTo(2750, 2400);
    g.lineTo(4000, 1650);
    g.lineTo(4000, 3000);
    g.fill();
    const tile = new OffscreenCanvas(256, 256);
    const noise = new ImageData(256, 256);
    for (let o = 0; o < noise.data.length; o += 65536) crypto.getRandomValues(noise.data.subarray(o, o + 65536));
    for (let i = 3; i < noise.data.length; i += 4) noise.data[i] = 255;
    tile.getContext('2d').putImageData(noise, 0, 0);
    g.globalAlpha = 0.15;
    g.fillStyle = g.createPattern(tile, 'repeat');
    g.fillRect(0, 0, 4000, 3000);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    el.addFiles([new File([blob], 'IMG_2041.jpeg', { type: 'image/jpeg' })]);
  });
  await page.waitForFunction(() => document.querySelector('deeplake-uploader').shadowRoot.querySelector('li.item [data-phase=optimizing]'), { polling: 'raf' });
  await (await page.$('#shot')).screenshot({ path: join(out, 'uploader-image-before-light.png') });
  await page.waitForFunction(() => document.querySelector('deeplake-uploader').values.length === 1);
  await page.waitForFunction(() => !!document.querySelector('deeplake-uploader').shadowRoot.querySelector('.thumb img'));
  await new Promise((r) => setTimeout(r, 300));
  await (await page.$('#shot')).screenshot({ path: join(out, 'uploader-image-after-light.png') });
} finally {
  await browser.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`screenshots written to ${out}`);
