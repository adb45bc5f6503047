// Case 7 ("net") of `npm run bench`: uploads over a slow, flaky link (issue 19).
//
// - The link: CDP Network.emulateNetworkConditions on the page, 1.25 MB/s up (10 Mbit/s)
//   and 150 ms added to each request (the round trip), download unthrottled.
// - The drops: this server ends 1 upload request in 20 (in the order they arrive: the
//   10th, 30th, …; in --quick 1 in 4, the 2nd, 6th, …) mid-body, destroying the socket once
//   about half its body was read, so those bytes were sent for nothing. The same schedule
//   for every contender. Every upload on a connection of its own: the page's idle
//   keep-alive connections are closed before run() and each answer says Connection: close.
//   Chromium itself sends a request again, once, when a reused keep-alive connection fails
//   before any answer (seen here: the raw loop lost nothing that way), so on a reused
//   connection the drop would test the browser, not the contenders.
// - Measured here, on the server, per contender run: every byte of every upload body
//   received (completed or not), the uploads answered (a file is stored when its name was
//   answered once; a second answer for the same name is a duplicate), the time from the
//   add until the page's run() ended (all settled: stored, or given up).
//   files lost = count − stored; bytes re-sent = received − the bodies of the stored files
//   (the first answered body per name): what crossed the link beyond one copy of each
//   stored file (for a contender that does not retry, the dropped halves: sent and lost).
// - Line rate: the stored bodies at 1.25 MB/s plus one round trip; the goal is ≤ 1.2× that.
// - Contenders, each with its own defaults: raw XHR + FormData (no retries, concurrency 3,
//   a failed file is left failed and the loop goes on), <deeplake-uploader> (3 retries,
//   multipart XHR, concurrency 3), Uppy 6 + Dashboard + XHRUpload (3 retries, limit 5).
import busboy from 'busboy';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { median, roundOrder } from './rounds.mjs';
import { chromiumArgs } from '../scripts/chromium.mjs';

const MiB = 1024 * 1024;
/** The link: 10 Mbit/s up, 150 ms RTT. */
export const LINK = { uploadThroughput: 1.25e6, latency: 150 };

/** The files and the drop schedule: every `dropEvery`-th upload request (0-based index % dropEvery === dropAt) is cut. */
export const SLOW = (quick) => (quick ? { count: 4, size: 256 * 1024, dropEvery: 4, dropAt: 1 } : { count: 20, size: 2 * MiB, dropEvery: 20, dropAt: 9 });

const PREFIX = '/slow/';

/**
 * @param o.quick tiny sizes (CI)
 * @param o.chrome Chromium's path
 * @param o.chromeArgs extra flags
 */
export function createSlowNetwork({ quick, chrome, chromeArgs = [] }) {
  const spec = SLOW(quick);
  /** run id → tallies */
  const runs = new Map();

  /** POST /slow/<run>/workspaces/bench/files: drain (or cut) the multipart body, answer like the Files API. */
  function handle(req, res) {
    const url = req.url ?? '';
    if (!url.startsWith(PREFIX)) return false;
    const m = /^\/slow\/([0-9a-f-]{36})\/workspaces\/bench\/files$/.exec(url.split('?')[0]);
    const run = m && runs.get(m[1]);
    if (req.method !== 'POST' || !run) {
      res.writeHead(404).end();
      return true;
    }
    const n = run.requests++;
    const drop = n % spec.dropEvery === spec.dropAt;
    const length = Number(req.headers['content-length'] ?? 0);
    let body = 0;
    req.on('data', (chunk) => {
      body += chunk.length;
      run.received += chunk.length;
      if (drop && body >= length / 2 && !req.socket.destroyed) {
        run.dropped++;
        run.droppedBodies += length;
        req.socket.destroy();
      }
    });
    if (drop) {
      req.resume();
      return true;
    }
    let bb;
    try {
      bb = busboy({ headers: req.headers });
    } catch {
      res.writeHead(400).end();
      return true;
    }
    let name = '';
    let size = 0;
    let contentType = 'application/octet-stream';
    bb.on('file', (_field, stream, info) => {
      name = info.filename;
      contentType = info.mimeType;
      stream.on('data', (chunk) => (size += chunk.length));
    });
    bb.on('close', () => {
      if (run.stored.has(name)) run.duplicates++;
      else run.stored.set(name, body);
      run.lastStoredAt = performance.now();
      res.writeHead(200, { 'Content-Type': 'application/json', Connection: 'close' });
      res.end(JSON.stringify({ id: randomUUID(), name, size, content_type: contentType, created_at: new Date().toISOString() }));
    });
    req.pipe(bb);
    return true;
  }

  /** One contender run in a fresh Chromium on the throttled link: the server's tallies and the time. */
  async function measure(base, k, server) {
    const id = randomUUID();
    const run = { requests: 0, dropped: 0, droppedBodies: 0, received: 0, duplicates: 0, stored: new Map(), lastStoredAt: NaN };
    runs.set(id, run);
    const profile = mkdtempSync(join(os.tmpdir(), 'deeplake-bench-profile-'));
    const browser = await puppeteer.launch({
      executablePath: chrome,
      headless: true,
      userDataDir: profile,
      protocolTimeout: 600_000,
      networkEnabled: false,
      issuesEnabled: false,
      args: [...chromiumArgs, ...chromeArgs],
    });
    try {
      const page = await browser.newPage();
      for (const other of await browser.pages()) if (other !== page) await other.close();
      await page.goto(`${base}/${k.page}.html`);
      await page.waitForFunction(() => window.benchReady === true);
      const api = `${base}${PREFIX}${id}`;
      await page.evaluate(
        (s, o) => window.bench.prepare(s, o),
        { count: spec.count, size: spec.size },
        { ...k.opts, url: `${api}/workspaces/bench/files`, apiUrl: api, keepGoing: true },
      );
      const cdp = await page.createCDPSession();
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, downloadThroughput: -1, ...LINK });
      server.closeIdleConnections();
      const t0 = performance.now();
      let gaveUp = '';
      try {
        await page.evaluate(() => window.bench.run());
      } catch (e) {
        gaveUp = String(e?.message ?? e).split('\n')[0];
      }
      const ms = performance.now() - t0;
      const storedBytes = [...run.stored.values()].reduce((a, b) => a + b, 0);
      // The ideal: the stored bodies through the throttled link, plus one round trip.
      const lineMs = (storedBytes / LINK.uploadThroughput) * 1000 + LINK.latency;
      const fullLineMs = ((spec.count * (storedBytes / Math.max(1, run.stored.size))) / LINK.uploadThroughput) * 1000 + LINK.latency;
      return {
        ms,
        gaveUp,
        stored: run.stored.size,
        lost: spec.count - run.stored.size,
        duplicates: run.duplicates,
        requests: run.requests,
        dropped: run.dropped,
        droppedBodies: run.droppedBodies,
        received: run.received,
        resent: run.received - storedBytes,
        lineMs: run.stored.size === spec.count ? lineMs : fullLineMs,
      };
    } finally {
      runs.delete(id);
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }

  const contenders = [
    { name: 'raw XHR + FormData, no retries (baseline)', page: 'raw', opts: { concurrency: 3 } },
    { name: '<deeplake-uploader> (defaults: 3 retries, XHR)', page: 'uploader', opts: { transport: 'xhr', concurrency: 3 } },
    { name: 'Uppy 6 + Dashboard + XHRUpload (defaults: 3 retries, limit 5)', page: 'uppy', opts: { concurrency: 5 } },
  ];

  const fmt = (xs, f) => (xs.every((x) => f(x) === f(xs[0])) ? f(xs[0]) : `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`);
  const sec = (x) => `${(x / 1000).toFixed(1)} s`;
  const mb = (x) => `${(x / MiB).toFixed(2)} MiB`;
  const columns = [
    {
      head: 'time to all settled',
      cell: (rs) =>
        fmt(
          rs.map((r) => r.ms),
          sec,
        ),
    },
    {
      head: 'line rate',
      cell: (rs) =>
        fmt(
          rs.map((r) => r.lineMs),
          sec,
        ),
    },
    {
      head: 'vs line rate (goal ≤ 1.2×)',
      cell: (rs) =>
        fmt(
          rs.map((r) => r.ms / r.lineMs),
          (x) => `${x.toFixed(2)}×`,
        ),
    },
    {
      head: 'files stored',
      cell: (rs) =>
        fmt(
          rs.map((r) => r.stored),
          String,
        ),
    },
    {
      head: 'files lost',
      cell: (rs) =>
        fmt(
          rs.map((r) => r.lost),
          String,
        ),
    },
    {
      head: 'stored twice',
      cell: (rs) =>
        fmt(
          rs.map((r) => r.duplicates),
          String,
        ),
    },
    {
      head: 'upload requests (dropped)',
      cell: (rs) =>
        `${fmt(
          rs.map((r) => r.requests),
          String,
        )} (${fmt(
          rs.map((r) => r.dropped),
          String,
        )})`,
    },
    {
      head: 'bytes received',
      cell: (rs) =>
        fmt(
          rs.map((r) => r.received),
          mb,
        ),
    },
    {
      head: 'bytes re-sent (beyond one copy of each stored file)',
      cell: (rs) =>
        fmt(
          rs.map((r) => r.resent),
          mb,
        ),
    },
    {
      head: 'dropped requests’ bodies (goal: re-sent ≤ this)',
      cell: (rs) =>
        fmt(
          rs.map((r) => r.droppedBodies),
          mb,
        ),
    },
  ];

  /** Runs the case on `server` (run.mjs's, whose idle connections it closes), after one uncounted warm-up of the baseline unless quick; returns its markdown section. */
  async function runCase(base, rounds, server) {
    const title = `Case 7: ${spec.count} files × ${spec.size >= MiB ? `${spec.size / MiB} MiB` : `${spec.size / 1024} KiB`} over a slow, flaky link (CDP: ${(LINK.uploadThroughput * 8) / 1e6} Mbit/s up, ${LINK.latency} ms RTT; the server cuts 1 upload request in ${spec.dropEvery} mid-body)`;
    console.log(`\n${title}`);
    if (!quick) await measure(base, contenders[0], server);
    const results = contenders.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const i of roundOrder(contenders.length, round)) {
        const r = await measure(base, contenders[i], server);
        results[i][round] = r;
        console.log(
          `  round ${round + 1} ${contenders[i].name}: ${sec(r.ms)} (${(r.ms / r.lineMs).toFixed(2)}× line rate ${sec(r.lineMs)}), stored ${r.stored}, lost ${r.lost}, twice ${r.duplicates}, requests ${r.requests} (${r.dropped} dropped), received ${mb(r.received)}, re-sent ${mb(r.resent)}${r.gaveUp ? `, page: ${r.gaveUp}` : ''}`,
        );
      }
    }
    const cell = (text) => text.replace(/(^|[^`])(<[a-z]+-[a-z-]+>)/g, '$1`$2`');
    const head = `| contender | ${columns.map((c) => c.head).join(' | ')} |`;
    const about = [
      'Time: from the add until the page’s run() ended (every file answered, or the page gave up). Line rate: the stored',
      'multipart bodies at 1.25 MB/s plus one round trip (for a contender that lost files, as if all had been stored).',
      'Bytes are counted by the server: every upload body received, completed or cut; re-sent = received minus the',
      'first answered body of each stored file (for the raw loop, which never sends again, that is the cut halves).',
      'Each upload on a connection of its own (see bench/slow-network.mjs: on a reused keep-alive connection Chromium',
      'itself sends a failed request again, once).',
    ];
    const lines = [`### ${title}`, '', ...about, '', head, `|${columns.map(() => '---').join('|')}|---|`];
    contenders.forEach((k, i) => lines.push(`| ${cell(k.name)} | ${columns.map((c) => c.cell(results[i])).join(' | ')} |`));
    const section = lines.join('\n');
    console.log(`\n${section}`);
    return section;
  }

  return { handle, run: runCase };
}
