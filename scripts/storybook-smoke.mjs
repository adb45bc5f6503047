// Opens every story of the static Storybook build (storybook-static/, `npm run
// build-storybook`) in Debian's headless Chromium and fails when one throws or renders no
// element: a build that compiles can still hold a story that breaks. Offline by design:
// stories that need the emulator show their offline state here.
// Run: node scripts/storybook-smoke.mjs [--screenshots <dir>] [--url <running storybook>]
//   --screenshots: a PNG per story, to look at; --url: check `npm run storybook` instead
//   (the emulator is there, so the upload stories reach their real states).
import { chromiumArgs, chromiumPath, launchTimeoutMs } from './chromium.mjs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';

const dir = join(import.meta.dirname, '..', 'storybook-static');
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = await readFile(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const url = arg('--url');
if (!url) await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = url ?? `http://127.0.0.1:${server.address().port}`;

const { entries } = await (await fetch(`${base}/index.json`)).json();
const stories = Object.values(entries).filter((e) => e.type === 'story');
const shots = arg('--screenshots');
if (shots) mkdirSync(shots, { recursive: true });

const profile = mkdtempSync(join(tmpdir(), 'deeplake-sb-smoke-'));
const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  userDataDir: profile,
  args: chromiumArgs,
  timeout: launchTimeoutMs,
});
const failures = [];
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 640, height: 600, deviceScaleFactor: 1 });
  let errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Leaving a story with uploads running asks "leave the page?" (the uploader's leave guard).
  page.on('dialog', (dialog) => void dialog.accept());
  for (const story of stories) {
    errors = [];
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
    // Rendered: an element of ours with a shadow root that has content.
    const rendered = await page
      .waitForFunction(
        () => [...document.querySelectorAll('#storybook-root deeplake-uploader, #storybook-root deeplake-file')].some((el) => el.shadowRoot?.childElementCount),
        { timeout: 10_000 },
      )
      .then(
        () => true,
        () => false,
      );
    await new Promise((resolve) => setTimeout(resolve, url ? 2500 : 300)); // let the story's setup (uploads) run
    if (!rendered) failures.push(`${story.id}: no element rendered`);
    for (const message of errors) failures.push(`${story.id}: ${message}`);
    console.log(`${rendered && !errors.length ? 'ok  ' : 'FAIL'} ${story.id}`);
    if (shots) await page.screenshot({ path: join(shots, `${story.id}.png`) });
  }
} finally {
  await browser.close();
  if (!url) server.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`storybook: ${stories.length} stories render`);
