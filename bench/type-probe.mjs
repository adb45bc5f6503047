// What a <deeplake-file> given `resolveUrl` asks to learn a file's type without its bytes
// (issue 20): `HEAD …/content`, `GET …/content` with `Range: bytes=0-0`, or `GET …/files/{id}`
// (info). A 200 MiB file typed video/mp4 in the emulator (node:http on 127.0.0.1); from a
// headless Chromium page, each way asked ROUNDS times in turn with the bearer token, on
// loopback and with CDP throttling at 40 ms latency; the time to the answer's headers and
// to its end (the body read), and the body bytes.
// Run: node --import tsx bench/type-probe.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createEmulator } from '../src/emulator/index.ts';
import { median } from './rounds.mjs';

const ROUNDS = Number(process.env.BENCH_RUNS ?? 30);
const SIZE = 200 * 1024 * 1024;
const dataDir = mkdtempSync(join(tmpdir(), 'deeplake-probe-'));
const emulator = createEmulator({ dataDir, admin: true });
const { token } = emulator.addWorkspace('probe');
const server = createServer((req, res) => {
  if (emulator.matches(req.url ?? '/')) return void emulator.handle(req, res);
  res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>probe</title>');
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const form = new FormData();
form.append('file', new Blob([new Uint8Array(SIZE)], { type: 'video/mp4' }), 'film.mp4');
const { id } = await (await fetch(`${base}/workspaces/probe/files`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form })).json();

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  const cdp = await page.createCDPSession();
  const rows = [];
  for (const latency of [0, 40]) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
    const results = await page.evaluate(
      async (id, token, rounds) => {
        const url = `/workspaces/probe/files/${id}`;
        const ways = {
          'HEAD …/content': () => fetch(`${url}/content`, { method: 'HEAD', headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' }),
          'GET …/content, Range: bytes=0-0': () => fetch(`${url}/content`, { headers: { Authorization: `Bearer ${token}`, Range: 'bytes=0-0' }, cache: 'no-store' }),
          'GET …/files/{id} (info)': () => fetch(url, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' }),
        };
        const out = Object.fromEntries(Object.keys(ways).map((k) => [k, { head: [], end: [], bytes: 0, type: '' }]));
        for (let i = 0; i < rounds; i++) {
          for (const [name, ask] of Object.entries(ways)) {
            const t0 = performance.now();
            const res = await ask();
            const t1 = performance.now();
            const body = await res.arrayBuffer();
            out[name].head.push(t1 - t0);
            out[name].end.push(performance.now() - t0);
            out[name].bytes = body.byteLength;
            out[name].type = `${res.status} ${res.headers.get('content-type')}`;
          }
        }
        return out;
      },
      id,
      token,
      ROUNDS,
    );
    for (const [name, r] of Object.entries(results)) {
      rows.push(`| ${latency ? '40 ms' : 'loopback'} | ${name} | ${r.type} | ${median(r.head).toFixed(1)} ms | ${median(r.end).toFixed(1)} ms | ${r.bytes} |`);
    }
  }
  console.log(`Median of ${ROUNDS}, ${await browser.version()}:\n`);
  console.log('| network | request | answer | headers in | body read | body bytes |\n|---|---|---|---|---|---|');
  console.log(rows.join('\n'));
} finally {
  await browser.close();
  server.close();
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
}
