// Does the package work in an integrator's app, as the README tells it? (issue 18)
// After `npm run build`: packs the package (npm pack), copies the apps in
// test/integrations/ into a temp folder outside the repository (so nothing resolves from
// this repository's node_modules), installs the tarball and pinned framework versions
// there, and then, each a step that fails the run:
//   1. `npx deeplake-emulator` without its optional peers says what to install, exit 1;
//   2. with them (the README's `npm install -D …` line) it starts, on 127.0.0.1;
//   3. the React 19 app type-checks (tsc) and builds (vite build), the Vue 3 app too
//      (vue-tsc, vite build), the static page needs neither;
//   4. each app is served from its own origin (another port than the emulator's), opened
//      in headless Chromium, and a file is uploaded through each uploader on it (the file
//      input, as a person would); the stored file's UUID must show on the page, and the
//      emulator must know it under that name; the React wrappers' <DeepLakeFile> must
//      then show it.
// Run: node scripts/check-integrations.mjs   (INTEGRATIONS_DIR=… to keep the installs
// somewhere else; by default they are kept in the OS temp folder between runs, so a
// second run installs from what is there and npm's cache.)
import { execFile, spawn } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath, launchTimeoutMs } from './chromium.mjs';

const root = join(import.meta.dirname, '..');
const fixtures = join(root, 'test', 'integrations');
const work = process.env.INTEGRATIONS_DIR ?? join(tmpdir(), 'deeplake-elements-integrations');
const run = promisify(execFile);

// Versions an app would get today that work on Node 20.19 with Vite 8 (the repository's
// own where it has them, so npm's cache has them too).
const APP_DEPENDENCIES = {
  react: '19.3.1',
  'react-dom': '19.3.1',
  vue: '3.5.45',
};
const APP_DEV_DEPENDENCIES = {
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
  '@vitejs/plugin-react': '6.3.0',
  '@vitejs/plugin-vue': '6.0.11',
  typescript: '6.0.3',
  vite: '8.3.8',
  'vue-tsc': '3.3.14',
};
// The README's line for the emulator's optional peers, versions as the repository's.
const EMULATOR_PEERS = ['busboy@1.6.0', '@tus/server@2.4.5', '@tus/file-store@2.1.1', '@electric-sql/pglite@0.5.16'];
// Sized for a busy 2-core machine: a cold Chromium start, a first upload and render.
const PAGE_TIMEOUT_MS = 60_000;

const started = Date.now();
const log = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);
const cleanups = [];
let failed = false;

async function npm(args, cwd) {
  try {
    return (await run('npm', args, { cwd, maxBuffer: 64 << 20, env: { ...process.env, npm_config_update_notifier: 'false' } })).stdout;
  } catch (err) {
    throw new Error(`npm ${args.join(' ')} (in ${cwd}) failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`, { cause: err });
  }
}

/** Runs an installed tool from the apps' node_modules/.bin in `cwd`. */
async function bin(apps, name, args, cwd = apps) {
  try {
    await run(join(apps, 'node_modules', '.bin', name), args, { cwd, maxBuffer: 64 << 20 });
  } catch (err) {
    throw new Error(`${name} ${args.join(' ')} (in ${cwd}) failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`, { cause: err });
  }
}

/** npm pack into the work folder: the tarball an app would download from the registry. */
async function pack() {
  if (!existsSync(join(root, 'dist', 'index.js')) || !existsSync(join(root, 'dist', 'deeplake-elements.min.js'))) {
    throw new Error('dist/ is missing or incomplete: run `npm run build` first');
  }
  mkdirSync(work, { recursive: true });
  for (const f of readdirSync(work)) if (f.endsWith('.tgz')) rmSync(join(work, f));
  const [{ filename }] = JSON.parse(await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root));
  return join(work, filename);
}

/**
 * The apps' folder: the fixtures copied fresh, one package.json for the three (they share
 * node_modules, found by walking up, as in a monorepo), the tarball installed anew.
 */
async function installApps(tarball) {
  const apps = join(work, 'apps');
  mkdirSync(apps, { recursive: true });
  for (const name of ['static', 'react', 'vue']) {
    rmSync(join(apps, name), { recursive: true, force: true });
    cpSync(join(fixtures, name), join(apps, name), { recursive: true });
  }
  writeFileSync(
    join(apps, 'package.json'),
    JSON.stringify(
      {
        name: 'integration-apps',
        private: true,
        type: 'module',
        dependencies: { 'deeplake-elements': `file:${tarball}`, ...APP_DEPENDENCIES },
        devDependencies: APP_DEV_DEPENDENCIES,
      },
      null,
      2,
    ),
  );
  // The same version number with new bytes: make npm unpack this tarball, not a kept copy.
  rmSync(join(apps, 'node_modules', 'deeplake-elements'), { recursive: true, force: true });
  rmSync(join(apps, 'package-lock.json'), { force: true });
  await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock'], apps);
  return apps;
}

/** 1. The CLI in an app that installed only deeplake-elements. */
async function checkBareCli(tarball) {
  const bare = join(work, 'bare');
  rmSync(bare, { recursive: true, force: true });
  mkdirSync(bare, { recursive: true });
  writeFileSync(join(bare, 'package.json'), JSON.stringify({ name: 'bare-app', private: true, dependencies: { 'deeplake-elements': `file:${tarball}` } }));
  await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock'], bare);
  const result = await new Promise((resolve) => {
    execFile('npx', ['--no-install', 'deeplake-emulator', '--port', '0'], { cwd: bare, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? err.code : 0, stdout, stderr }),
    );
  });
  const expected = `npm install -D busboy @tus/server @tus/file-store @electric-sql/pglite`;
  if (result.code !== 1 || !result.stderr.includes(expected) || /ERR_MODULE_NOT_FOUND|\n\s+at /.test(result.stderr)) {
    throw new Error(`npx deeplake-emulator without busboy: expected exit 1 and "${expected}", got exit ${result.code}:\n${result.stderr}`);
  }
  log(`bare app: npx deeplake-emulator exits 1 and says: ${expected}`);
}

/** A static file server for one folder, on its own port (its own origin). */
async function serve(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.map': 'application/json' };
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!path.startsWith(dir + sep) && path !== dir) return res.writeHead(403).end();
    const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${server.address().port}`;
}

/** 2. `npx deeplake-emulator` as the README says; resolves once it printed its URL. */
async function startEmulator(apps, origins) {
  const token = 'integration-token';
  const dataDir = join(work, 'data');
  rmSync(dataDir, { recursive: true, force: true });
  const args = ['--no-install', 'deeplake-emulator', '--port', '0', '--data-dir', dataDir, '--workspace', 'demo', '--token', token];
  for (const origin of origins) args.push('--origin', origin);
  const child = spawn('npx', args, { cwd: apps, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  cleanups.push(() => {
    // npx runs the bin in a child of its own: end the process group this script started.
    if (child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the emulator printed no url in 60 s:\n${out}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /^url: (\S+)$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`the emulator exited (${code}):\n${out}`)));
  });
  return { url, token, workspace: 'demo' };
}

/** Uploads one file through the uploader `selector` (its file input, in its shadow root). */
async function uploadThrough(page, selector, file) {
  await page.waitForFunction((s) => !!document.querySelector(s)?.shadowRoot?.querySelector('input[type=file]'), { timeout: PAGE_TIMEOUT_MS }, selector);
  const input = await page.evaluateHandle((s) => document.querySelector(s).shadowRoot.querySelector('input[type=file]'), selector);
  await input.uploadFile(file);
}

/** Waits until `selector`'s text is a UUID; returns it. */
async function uuidIn(page, selector) {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  await page
    .waitForFunction((s, re) => new RegExp(re, 'i').test(document.querySelector(s)?.textContent?.trim() ?? ''), { timeout: PAGE_TIMEOUT_MS }, selector, uuid.source)
    .catch((err) => {
      throw new Error(`${selector} showed no UUID: ${err.message}`);
    });
  return page.$eval(selector, (el) => el.textContent.trim());
}

async function main() {
  log(`work folder: ${work}`);
  const tarball = await pack();
  log(`packed ${tarball}`);
  await checkBareCli(tarball);

  const apps = await installApps(tarball);
  await npm(['install', '-D', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', ...EMULATOR_PEERS], apps);
  log('apps installed (tarball, React 19, Vue 3, Vite 8, the emulator peers)');

  await bin(apps, 'tsc', ['-p', 'react/tsconfig.json']);
  log('react: tsc --noEmit passes');
  await bin(apps, 'vite', ['build', '--logLevel', 'warn'], join(apps, 'react'));
  log('react: vite build');
  await bin(apps, 'vue-tsc', ['-p', 'vue/tsconfig.json']);
  log('vue: vue-tsc --noEmit passes');
  await bin(apps, 'vite', ['build', '--logLevel', 'warn'], join(apps, 'vue'));
  log('vue: vite build');
  // The static page gets the one-script-tag file and its lazy siblings beside it, as the README says.
  const dist = join(apps, 'node_modules', 'deeplake-elements', 'dist');
  for (const f of readdirSync(dist)) if (/^deeplake-elements\.min.*\.js$/.test(f)) cpSync(join(dist, f), join(apps, 'static', f));

  const origins = { static: await serve(join(apps, 'static')), react: await serve(join(apps, 'react', 'dist')), vue: await serve(join(apps, 'vue', 'dist')) };
  const emulator = await startEmulator(apps, Object.values(origins));
  log(`emulator at ${emulator.url}; pages at ${Object.values(origins).join(', ')}`);

  const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, protocolTimeout: 120_000, timeout: launchTimeoutMs });
  cleanups.push(() => browser.close());
  const file = join(work, 'notes.txt');
  writeFileSync(file, 'Packed, installed, built and uploaded.\n');
  const query = `?api=${encodeURIComponent(emulator.url)}&ws=${emulator.workspace}&token=${emulator.token}`;

  const checks = [
    ['static', [['deeplake-uploader', '#result']]],
    [
      'react',
      [
        ['#wrapper', '#wrapper-result'],
        ['#raw', '#raw-result'],
      ],
    ],
    ['vue', [['deeplake-uploader', '#result']]],
  ];
  for (const [name, uploads] of checks) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    await page.goto(origins[name] + '/' + query, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    for (const [uploader, result] of uploads) {
      await uploadThrough(page, uploader, file);
      const id = await uuidIn(page, result);
      const answer = await fetch(`${emulator.url}/workspaces/${emulator.workspace}/files/${id}`, { headers: { Authorization: `Bearer ${emulator.token}` } });
      const info = answer.ok ? await answer.json() : undefined;
      if (!info || (info.filename ?? info.name) !== 'notes.txt')
        throw new Error(`${name} ${uploader}: the emulator does not know ${id} as notes.txt (${answer.status})`);
      log(`${name}: ${uploader} stored notes.txt as ${id} (page at ${origins[name]}, API at ${emulator.url})`);
    }
    if (name === 'react') {
      // The wrapper <DeepLakeFile> shows the cover it was given (its deeplake-load event).
      const shown = await uuidIn(page, '#wrapper-shown');
      log(`react: <DeepLakeFile> loaded ${shown}`);
    }
    if (errors.length) throw new Error(`${name}: errors in the page:\n${errors.join('\n')}`);
    await page.close();
  }
}

try {
  await main();
  log('all integrations work');
} catch (err) {
  failed = true;
  console.error(`\nFAIL ${err.message}`);
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
}
process.exit(failed ? 1 : 0);
