// Renders demo/file.html (<deeplake-file> for each kind of file, an error and a loading
// state), light and dark, in Debian's headless Chromium against the demo server (emulator
// included, on a temporary data dir), and writes docs/screenshots/file-kinds-{light,dark}.png.
// Run: node --import tsx scripts/screenshots-file.mjs
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';

const out = join(import.meta.dirname, '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const data = mkdtempSync(join(tmpdir(), 'deeplake-shots-data-'));
process.env.DEEPLAKE_DATA_DIR = data; // read by the emulator plugin in vite.config.ts
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

/** Every element settled, media showing a frame, then the grid. */
async function shoot(scheme) {
  const page = await browser.newPage();
  await page.setViewport({ width: 800, height: 1400, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(new URL('/file.html', base).href);
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('deeplake-file:not(#pending)')].every((el) => el.matches(':state(loaded), :state(error)')) &&
      [...document.querySelectorAll('deeplake-file')].every((el) => [...el.shadowRoot.querySelectorAll('img')].every((img) => img.complete)),
    { timeout: 30_000 },
  );
  // A frame of the video rather than black: seek into it and wait for the frame.
  await page.evaluate(async () => {
    const video = document.querySelector('deeplake-file[data-sample="clip.webm"]').shadowRoot.querySelector('video');
    if (video.readyState < 1) await new Promise((resolve) => video.addEventListener('loadedmetadata', resolve, { once: true }));
    video.currentTime = 0.45;
    await new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
  });
  // The PDF viewer is out of process and draws in steps: shoot until two shots agree. A page
  // clip, not an element shot: that one captures beyond the viewport, where the viewer's
  // frame comes out half drawn.
  const shot = async (path) => page.screenshot({ path, clip: await (await page.$('#kinds')).boundingBox(), captureBeyondViewport: false });
  let last;
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 750));
    const next = Buffer.from(await shot());
    if (last?.equals(next)) break;
    last = next;
  }
  await shot(join(out, `file-kinds-${scheme}.png`));
  await page.close();
}

try {
  for (const scheme of ['light', 'dark']) await shoot(scheme);
} finally {
  await browser.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
}
console.log(`screenshots written to ${out}`);
