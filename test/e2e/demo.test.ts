/**
 * The newcomer's path, end to end: the demo dev server (what `npm start` runs, emulator
 * included), a real browser (Chromium, or Firefox / WebKit with DEEPLAKE_ENGINE; see
 * browser.ts), a title typed, a cover and two attachments chosen through the uploaders,
 * Publish, and the article rendered from the stored UUIDs by <deeplake-file>. With
 * SCREENSHOTS=1 (Chromium) it also writes docs/screenshots/demo-*.png.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createServer, type ViteDevServer } from 'vite';
import { engine, openBrowser, type E2EPage } from './browser.js';
import { pngFile } from './png.js';

const root = join(import.meta.dirname, '..', '..');
// The committed screenshots are Chromium's.
const shots = process.env.SCREENSHOTS === '1' && engine === 'chromium' ? join(root, 'docs', 'screenshots') : undefined;

describe(`demo: publish an article with files (${engine})`, () => {
  let dataDir: string;
  let filesDir: string;
  let server: ViteDevServer;
  let page: E2EPage;
  let base: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'deeplake-demo-data-'));
    filesDir = mkdtempSync(join(tmpdir(), 'deeplake-demo-files-'));
    process.env.DEEPLAKE_DATA_DIR = dataDir;
    server = await createServer({ configFile: join(root, 'vite.config.ts'), server: { port: 0 }, logLevel: 'silent' });
    await server.listen();
    base = server.resolvedUrls!.local[0]!;
    page = await openBrowser({ width: 900, height: 1100 });
  });

  after(async () => {
    await page?.close();
    await server?.close();
    delete process.env.DEEPLAKE_DATA_DIR;
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(filesDir, { recursive: true, force: true });
  });

  const valuesOf = (id: string) => page.evaluate((id) => (document.getElementById(id) as HTMLElement & { values: string[] }).values, id);

  it('uploads through both fields, publishes, and renders the files from their UUIDs', async () => {
    const cover = join(filesDir, 'cover.png');
    writeFileSync(cover, pngFile(240, 160));
    const notes = join(filesDir, 'notes.txt');
    writeFileSync(notes, 'Meeting notes\n'.repeat(50));
    const data = join(filesDir, 'data.csv');
    writeFileSync(data, 'a,b\n1,2\n');

    await page.goto(base);
    await page.type('#title', 'Lakes of the north');
    await page.chooseFiles('#cover', [cover]);
    await page.chooseFiles('#attachments', [notes, data]);
    await page.waitFor(() => ['cover', 'attachments'].every((id) => (document.getElementById(id) as HTMLElement & { values: string[] }).values.length > 0));
    const [coverIds, attachmentIds] = [await valuesOf('cover'), await valuesOf('attachments')];
    assert.equal(coverIds.length, 1);
    assert.equal(attachmentIds.length, 2);
    if (shots) await page.screenshot(join(shots, 'demo-form.png'));

    await page.click('button[type=submit]');
    await page.waitFor(() => document.querySelector('#status')?.textContent === 'Published.');
    // The article row renders every file from nothing but its UUID.
    await page.waitFor(() => {
      const files = [...document.querySelectorAll('#articles deeplake-file')] as Array<HTMLElement & { info?: unknown }>;
      return files.length === 3 && files.every((f) => f.info);
    });
    const rendered = await page.evaluate(() => [...document.querySelectorAll('#articles deeplake-file')].map((f) => f.getAttribute('file-id')));
    assert.deepEqual(rendered, [...coverIds, ...attachmentIds]);
    // info arrives before the image has decoded: wait for the decode, then check its size.
    await page.waitFor(() => {
      const img = document.querySelector('#articles deeplake-file.cover')?.shadowRoot?.querySelector('img');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    const coverImage = await page.evaluate(() => {
      const img = document.querySelector('#articles deeplake-file.cover')?.shadowRoot?.querySelector('img');
      return img ? { loaded: img.complete && img.naturalWidth, src: img.src.slice(0, 14) } : null;
    });
    // A small image is shown from a data: URL of the bytes the element fetched (never the API's URL).
    assert.deepEqual(coverImage, { loaded: 240, src: 'data:image/png' });
    assert.equal(await page.evaluate(() => (document.getElementById('title') as HTMLInputElement).value), '', 'the form was reset');
    if (shots) await page.screenshot(join(shots, 'demo-article.png'), true);
  });

  it('lists every stored file in the gallery, each rendered from its UUID', async () => {
    await page.goto(new URL('gallery.html', base).href);
    await page.waitFor(() => {
      const files = [...document.querySelectorAll('#gallery deeplake-file')] as Array<HTMLElement & { info?: unknown }>;
      return files.length === 3 && files.every((f) => f.info);
    });
    const names = await page.evaluate(() =>
      [...document.querySelectorAll('#gallery deeplake-file')].map((f) => (f as HTMLElement & { info: { name: string } }).info.name).sort(),
    );
    assert.deepEqual(names, ['cover.png', 'data.csv', 'notes.txt']);
    if (shots) await page.screenshot(join(shots, 'demo-gallery.png'), true);
  });
});
