// `npm run bench`: <deeplake-uploader> against a raw XMLHttpRequest loop (the baseline)
// and Uppy (core + Dashboard + XHRUpload), side by side in one run, in headless Chromium;
// a gallery of <deeplake-file> against plain <img loading="lazy">; the bundle sizes.
// The cases and their table columns are in bench/cases.mjs, the bundle table (case 6, no
// browser) in bench/bundle.mjs, the gallery's images and request counts in bench/gallery.mjs.
//
// - Pages: bench/pages/*.html, built with Vite (production build, like a real app) into a
//   temp dir and served by a tiny node:http server on 127.0.0.1 that also answers
//   POST /discard/… (busboy drains the multipart body, answers {id: randomUUID()}) for
//   every XHR contender, a discarding tus server under /discard/ too, and mounts the
//   emulator (/workspaces/, /__emulator/) for the tus row that stores to disk and the
//   gallery's stored images (plus /plain/{id}, the same bytes without a token, and
//   /__bench/requests, the content and info GETs per id counted on the way in).
// - Each measurement gets a fresh Chromium (fresh profile); contenders are interleaved
//   within each round (in the rows of a Williams Latin square: rounds.mjs), after one
//   uncounted warm-up run of the baseline; the table gives median and min–max, and ratios
//   against the baseline of the same round. A case may run more rounds (cases 3, 5 and 5t: 2n + 1).
// - Memory: JS heap (CDP Performance.getMetrics JSHeapUsedSize) and the RSS of the
//   renderer processes (/proc/<pid>/status VmRSS of every --type=renderer child), sampled
//   every 100 ms; Δ is the peak minus the value after a forced GC before the add;
//   heapAfterDelta: after run() and another forced GC, minus that same value.
//
// Run: npm run bench                 (full run, writes bench/RESULTS.md; with BENCH_CASES, only those cases' sections)
//      npm run bench -- --quick      (tiny sizes, 1 round, prints only: a smoke test)
// Env: BENCH_RUNS (rounds, default 3), BENCH_BIG_MIB (case 1 size, default 512),
//      BENCH_CASES (default all: "1,3,4,4b,5,5t,5m,7,8,6"; 7: the slow, flaky link, bench/slow-network.mjs; 8: photos resized, bench/photos.mjs), CHROME_PATH (default /usr/bin/chromium),
//      BENCH_PROFILE=1 (unminified build; CPU profile + timeline summary and longest tasks of each run, wall and CPU time, no RESULTS.md;
//                       BENCH_JSPROF=0: the trace without the JS profile, BENCH_TRACE_SAVE=1: keep each trace,
//                       BENCH_TRACE_CATS=a,b: more trace categories),
//      BENCH_MEMDUMP=1 (memory-infra dumps: which allocators grew in each run; no RESULTS.md;
//                       MEMDUMP_DEPTH=4 MEMDUMP_TOP=40 for finer rows, e.g. blink_gc objects by type),
//      BENCH_CHROME_ARGS="…" (extra Chromium flags, e.g. --js-flags=…, for an experiment),
//      BENCH_ALLOC=1 (sampling heap profile, garbage included: the top allocating functions; no RESULTS.md),
//      BENCH_CPU=1 (CPU time of each browser process type and of the server, per run; no RESULTS.md),
//      TRACE_TOP=<n> (rows in the profile, trace and allocation summaries above, default 25),
//      BENCH_ONLY=<text> (only contenders whose name contains it, or matches it as /regex/, and the baseline; no RESULTS.md),
//      BENCH_SRC=<dir> (the widget from a patched copy of src/, to try a fix; no RESULTS.md;
//                       with BENCH_AB=1 beside the widget from src/, in the same rounds).
import busboy from 'busboy';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs } from '../scripts/chromium.mjs';
import { bundleTable } from './bundle.mjs';
import { benchCases, BIG_GALLERY, GALLERY, mib, ms } from './cases.mjs';
import { createGallery } from './gallery.mjs';
import { photoCase } from './photos.mjs';
import { median, roundOrder } from './rounds.mjs';
import { createSlowNetwork } from './slow-network.mjs';

const here = import.meta.dirname;
const quick = process.argv.includes('--quick');
const ROUNDS = Number(process.env.BENCH_RUNS ?? (quick ? 1 : 3));
const BIG_MIB = Number(process.env.BENCH_BIG_MIB ?? (quick ? 8 : 512));
const LOAD_AT_START = os.loadavg()[0];
const CASES = new Set((process.env.BENCH_CASES ?? '1,3,4,4b,5,5t,5m,7,8,6').split(',').map((s) => s.trim()));
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const MiB = 1024 * 1024;
/** BENCH_PROFILE=1: an unminified build and a CPU profile of each run(), saved to the temp dir, top self times printed. */
const PROFILE = process.env.BENCH_PROFILE === '1';
/** BENCH_TRACE=0 with BENCH_PROFILE: the JS profile alone (tracing slows every task down). */
const TRACE = process.env.BENCH_TRACE !== '0';
/**
 * BENCH_JSPROF=0 with BENCH_PROFILE: the trace alone. The JS profiler's start is itself a
 * long task (60 ms seen) and its sampling stretches every task the trace then shows.
 */
const JS_PROFILE = process.env.BENCH_JSPROF !== '0';
/** BENCH_TRACE_SAVE=1 with BENCH_PROFILE: each run's trace kept as JSON in the temp dir (open it in DevTools or Perfetto). */
const TRACE_SAVE = process.env.BENCH_TRACE_SAVE === '1';
/**
 * BENCH_ALLOC=1: an unminified build and a sampling heap profile of each run(), garbage
 * included: which functions allocated the most JS memory (what makes V8 collect, and grow
 * its young generation).
 */
const ALLOC = process.env.BENCH_ALLOC === '1';
/** BENCH_MEMDUMP=1: a memory-infra dump before and after each run; prints which allocators grew, per process. */
const MEMDUMP = process.env.BENCH_MEMDUMP === '1';
/** BENCH_SRC=<dir>: the pages import the widget from this copy of src/ instead (try a change against the same baselines; no RESULTS.md). */
const SRC = process.env.BENCH_SRC ? resolve(process.env.BENCH_SRC) : '';
/**
 * BENCH_AB=1 with BENCH_SRC: A/B in one run. Each widget contender runs twice per round,
 * from src/ and from BENCH_SRC ("[B]"), so a change of a few per cent is not lost in the
 * noise between two runs.
 */
const AB = Boolean(SRC) && process.env.BENCH_AB === '1';

// Comparison dependencies live in bench/node_modules (bench/package.json), not the main install.
if (!existsSync(join(here, 'node_modules', '@uppy', 'core', 'package.json'))) {
  console.log('installing bench dependencies (npm ci --prefix bench)…');
  execFileSync('npm', ['ci', '--prefix', here, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

// ---- pages: a production build of bench/pages -------------------------------------------
const { build } = await import('vite');
const { minifyLiterals } = await import('../scripts/minify-literals.mjs');
const www = mkdtempSync(join(os.tmpdir(), 'deeplake-bench-www-'));
const pages = ['raw', 'queue', 'uploader', 'uppy', 'gallery', 'gallery-img', 'photos-uploader', 'photos-uppy'];
/** Builds the pages into `outDir`, served under `base`, importing the widget from `src` (a copy of src/) when given. */
const buildPages = (outDir, base, src) =>
  build({
    configFile: false,
    root: join(here, 'pages'),
    base,
    logLevel: 'warn',
    // The widget as it ships in the one-script-tag bundle: Lit's templates without their
    // source indentation (vite.config.ts does the same), so a row's template clones no
    // whitespace text nodes.
    plugins: [minifyLiterals([src ? `${src}/**/*.ts` : join(here, '..', 'src', '**', '*.ts')])],
    resolve: src ? { alias: [{ find: /^(\.\.\/)+src\//, replacement: `${src}/` }] } : {},
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: !PROFILE && !ALLOC,
      rolldownOptions: { input: Object.fromEntries(pages.map((p) => [p, join(here, 'pages', `${p}.html`)])) },
    },
  });
// A copy of src/ outside the repository's tsconfig `include` would be compiled without its
// options: with standard class fields (useDefineForClassFields) a field shadows Lit's
// reactive accessor, so `el.concurrency = 6` never reached the queue and the copy ran at
// the default 3. The copy gets a tsconfig of its own that extends the repository's.
if (SRC && !existsSync(join(SRC, 'tsconfig.json'))) {
  writeFileSync(join(SRC, 'tsconfig.json'), JSON.stringify({ extends: join(here, '..', 'tsconfig.json'), include: ['.'] }));
}
await buildPages(www, '/', AB ? '' : SRC);
// BENCH_AB: the patched copy under /b/, beside the widget as it is (see the contenders below).
if (AB) await buildPages(join(www, 'b'), '/b/', SRC);

// ---- server: static pages + discard route + emulator -----------------------------------
const { createEmulator } = await import('../src/emulator/index.ts');
const dataDir = mkdtempSync(join(os.tmpdir(), 'deeplake-bench-data-'));
const emulator = createEmulator({ dataDir, admin: true });
emulator.addWorkspace('bench');

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.map': 'application/json' };

/** Drains a multipart body and answers like the Files API would, storing nothing. */
function discard(req, res) {
  let bb;
  try {
    bb = busboy({ headers: req.headers });
  } catch {
    res.writeHead(400).end();
    return;
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
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: randomUUID(), name, size, content_type: contentType, created_at: new Date().toISOString() }));
  });
  req.pipe(bb);
}

/**
 * A minimal tus 1.0 server that stores nothing (creation, PATCH, HEAD, DELETE), naming
 * the finished upload in X-Deeplake-File-Id like the Files API, plus the `info` lookup
 * the client makes afterwards: the same discard baseline as the XHR route, for tus.
 */
const tusUploads = new Map();
function discardTus(req, res, url) {
  const tusHeaders = { 'Tus-Resumable': '1.0.0' };
  if (req.method === 'POST' && url === '/discard/workspaces/bench/files/tus') {
    const id = randomUUID();
    tusUploads.set(id, { length: Number(req.headers['upload-length']), offset: 0 });
    req.resume();
    return void res.writeHead(201, { ...tusHeaders, Location: `/discard/tus/${id}` }).end();
  }
  const m = /^\/discard\/tus\/([0-9a-f-]{36})$/.exec(url);
  const upload = m && tusUploads.get(m[1]);
  if (m && !upload) return void res.writeHead(404, tusHeaders).end();
  if (upload && req.method === 'HEAD') {
    return void res.writeHead(200, { ...tusHeaders, 'Upload-Offset': upload.offset, 'Upload-Length': upload.length, 'Cache-Control': 'no-store' }).end();
  }
  if (upload && req.method === 'DELETE') {
    tusUploads.delete(m[1]);
    return void res.writeHead(204, tusHeaders).end();
  }
  if (upload && req.method === 'PATCH') {
    if (Number(req.headers['upload-offset']) !== upload.offset) return void res.writeHead(409, tusHeaders).end();
    req.on('data', (chunk) => (upload.offset += chunk.length));
    req.on('end', () => {
      const done = upload.offset === upload.length ? { 'X-Deeplake-File-Id': m[1] } : {};
      res.writeHead(204, { ...tusHeaders, 'Upload-Offset': upload.offset, ...done }).end();
    });
    return;
  }
  const info = /^\/discard\/workspaces\/bench\/files\/([0-9a-f-]{36})$/.exec(url);
  if (info && req.method === 'GET') {
    const size = tusUploads.get(info[1])?.length ?? 0;
    tusUploads.delete(info[1]);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    return void res.end(JSON.stringify({ id: info[1], name: 'big.bin', size, content_type: 'application/octet-stream' }));
  }
  res.writeHead(404).end();
}

const gallery = createGallery();
// Case 7: its own upload route (/slow/…), which cuts some requests mid-body and counts bytes.
const slowNetwork = createSlowNetwork({ quick, chrome: CHROME, chromeArgs: (process.env.BENCH_CHROME_ARGS ?? '').split(' ').filter(Boolean) });

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  if (slowNetwork.handle(req, res)) return;
  gallery.count(req);
  if (gallery.handle(req, res)) return;
  if (url.startsWith('/discard/tus') || (url.startsWith('/discard/') && req.method !== 'POST') || url === '/discard/workspaces/bench/files/tus') {
    return discardTus(req, res, url.split('?')[0]);
  }
  if (req.method === 'POST' && url.startsWith('/discard/')) return discard(req, res);
  if (emulator.matches(url)) return void emulator.handle(req, res);
  const path = normalize(join(www, decodeURIComponent(url.split('?')[0])));
  if (!path.startsWith(www) || !existsSync(path)) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
  res.end(readFileSync(path));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const DISCARD = `${base}/discard/workspaces/bench/files`;
// Case 5's images, stored through the emulator's HTTP API before anything is measured.
const galleryIds = await gallery.storeImages(
  base,
  'bench',
  Math.max(CASES.has('5') || CASES.has('5t') ? GALLERY(quick).distinct : 0, CASES.has('5m') ? BIG_GALLERY(quick).distinct : 0),
);

// ---- measurement ---------------------------------------------------------------------
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Sum of VmRSS of the browser's renderer processes (bytes). */
function rendererRss(browserPid) {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== browserPid && !isChildOf(ppid, browserPid)) continue;
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      kb += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* gone */
    }
  }
  return kb * 1024;
}
/**
 * BENCH_CPU: CPU time (user + system, ms) of each of the browser's processes by type, and of
 * this Node process (the server), so a slowdown can be split into the page's work, the
 * browser's, the compositor's and the server's (two cores are shared by all of them).
 */
const CPU = process.env.BENCH_CPU === '1';
const TICK_MS = 1000 / 100; // USER_HZ
function cpuByProcessType(browserPid) {
  const out = { server: process.cpuUsage() };
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      if (Number(pid) !== browserPid && ppid !== browserPid && !isChildOf(ppid, browserPid)) continue;
      const type = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '))?.[1] ?? 'browser';
      const sub = /--utility-sub-type=([a-zA-Z.]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '))?.[1];
      const key = sub ? `${type}:${sub.split('.').at(-1)}` : type;
      out[key] = (out[key] ?? 0) + (Number(fields[11]) + Number(fields[12])) * TICK_MS;
      if (type !== 'renderer') continue;
      // The renderer by thread: main (JS, style, layout, paint), compositor, raster workers.
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const t = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = t.slice(t.indexOf('(') + 1, t.lastIndexOf(')')).replace(/\d+$/, '');
        const f = t.slice(t.lastIndexOf(')') + 2).split(' ');
        out[`renderer/${name}`] = (out[`renderer/${name}`] ?? 0) + (Number(f[11]) + Number(f[12])) * TICK_MS;
      }
    } catch {
      /* gone */
    }
  }
  return out;
}
function cpuDelta(a, b) {
  const d = {};
  for (const k of Object.keys(b)) if (k !== 'server') d[k] = Math.round(b[k] - (a[k] ?? 0));
  d.server = Math.round((b.server.user + b.server.system - a.server.user - a.server.system) / 1000);
  return d;
}
function isChildOf(pid, ancestor) {
  for (let i = 0; i < 4 && pid > 1; i++) {
    if (pid === ancestor) return true;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return false;
    }
  }
  return pid === ancestor;
}

let chromiumVersion = '';

/**
 * BENCH_MEMDUMP: memory-infra dumps (what chrome://tracing shows) now and at finish();
 * prints, per process, the allocators (v8, blink_gc, partition_alloc, malloc, cc …) that grew.
 */
async function startMemoryDumps(browser) {
  const cdp = await browser.target().createCDPSession();
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } },
    transferMode: 'ReportEvents',
  });
  await cdp.send('Tracing.requestMemoryDump', { deterministic: true, levelOfDetail: 'detailed' });
  return {
    async finish() {
      await cdp.send('Tracing.requestMemoryDump', { deterministic: false, levelOfDetail: 'detailed' });
      await cdp.send('Tracing.end');
      await complete;
      const size = (a) => parseInt(a?.attrs?.size?.value ?? '0', 16) / MiB;
      const byPid = new Map();
      for (const e of events.filter((x) => x.ph === 'v')) byPid.set(e.pid, [...(byPid.get(e.pid) ?? []), e]);
      for (const [pid, ds] of byPid) {
        if (ds.length < 2) continue;
        const [a, b] = [ds[0].args.dumps, ds.at(-1).args.dumps];
        const grew = Object.keys(b.allocators ?? {})
          .filter((n) => n.split('/').length <= Number(process.env.MEMDUMP_DEPTH ?? 3))
          .map((n) => [n, size(b.allocators[n]) - size(a.allocators?.[n])])
          .filter(([, d]) => Math.abs(d) >= 0.5)
          .sort((x, y) => y[1] - x[1]);
        const name = events.find((e) => e.pid === pid && e.ph === 'M' && e.name === 'process_name')?.args?.name ?? '?';
        if (!grew.length) continue;
        console.log(
          `    memory dump, ${name} (pid ${pid}): ${grew
            .filter(([n]) => !n.includes('/'))
            .map(([n, d]) => `${n} ${d >= 0 ? '+' : ''}${d.toFixed(1)}`)
            .join(', ')} MiB`,
        );
        for (const [n, d] of grew.filter(([n]) => n.includes('/')).slice(0, Number(process.env.MEMDUMP_TOP ?? 8)))
          console.log(`      ${d.toFixed(1).padStart(7)} MiB  ${n}`);
      }
    },
  };
}

/**
 * Renderer main-thread time by trace event, self time (a parent's time minus its
 * children's), from a timeline trace: where the time goes that the JS profile calls "(program)".
 */
function summarizeTrace(trace) {
  const events = trace.traceEvents ?? trace;
  // The page's main thread: of the renderer main threads, the busiest.
  const busiest = new Map();
  for (const e of events) if (e.name === 'RunTask' && e.ph === 'X') busiest.set(`${e.pid}:${e.tid}`, (busiest.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
  const main = events
    .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .sort((a, b) => (busiest.get(`${b.pid}:${b.tid}`) ?? 0) - (busiest.get(`${a.pid}:${a.tid}`) ?? 0))[0];
  if (!main) return;
  const spans = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur > 0).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const count = new Map();
  const stack = [];
  for (const e of spans) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - Math.min(e.dur, parent.ts + parent.dur - e.ts));
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
    count.set(e.name, (count.get(e.name) ?? 0) + 1);
    stack.push(e);
  }
  const tasks = spans.filter((e) => e.name === 'RunTask');
  const busy = tasks.reduce((t, e) => t + e.dur, 0);
  console.log(`    trace, renderer main thread: ${(busy / 1000).toFixed(0)} ms in tasks; self time by event:`);
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TRACE_TOP ?? 25)))
    console.log(`      ${(us / 1000).toFixed(1).padStart(8)} ms  ${k} ×${count.get(k)}`);
  // The longest tasks, and the biggest events inside each: while one runs, no upload starts or ends.
  console.log('    longest tasks (what took most of each):');
  for (const t of [...tasks].sort((a, b) => b.dur - a.dur).slice(0, 8)) {
    const inner = new Map();
    for (const e of spans)
      if (e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.name !== 'RunTask') inner.set(e.name, Math.max(inner.get(e.name) ?? 0, e.dur));
    const top = [...inner]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`);
    // CPU time (the thread's own, `tdur`) beside wall time: on a loaded machine a task can be
    // long with little work in it (the thread preempted, or waiting on a synchronous IPC).
    console.log(`      ${(t.dur / 1000).toFixed(1).padStart(7)} ms (CPU ${((t.tdur ?? 0) / 1000).toFixed(1)} ms)  ${top.join(', ')}`);
  }
}

/** The source module of a profiled line of the unminified build (the bundler's `// path` comments). */
function moduleOf(key) {
  const m = /(\S+\.js):(\d+):\d+$/.exec(key);
  const file = m && join(www, 'assets', m[1]);
  if (!file || !existsSync(file)) return '';
  const lines = readFileSync(file, 'utf8').split('\n').slice(0, Number(m[2]));
  const at = lines.findLastIndex((l) => /^\/\/ \S+\.(ts|js|mjs)$/.test(l));
  return at < 0 ? '' : `  [${lines[at].slice(3)}: ${lines[Number(m[2]) - 1].trim().slice(0, 70)}]`;
}
function summarizeProfile(profile, label) {
  const file = join(os.tmpdir(), `deeplake-bench-${label}-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const dt = new Map(profile.samples.map((id) => [id, 0]));
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const self = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const us = dt.get(node.id) ?? 0;
    total += us;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + us);
  }
  console.log(`    profile ${file} (${(total / 1000).toFixed(0)} ms sampled), top self time:`);
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TRACE_TOP ?? 25)))
    console.log(`      ${(us / 1000).toFixed(1).padStart(8)} ms  ${k}${moduleOf(k)}`);
}

function summarizeAllocations(profile) {
  const self = new Map();
  let total = 0;
  const name = (f) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
  // A built-in (no script URL: Array.from, join, an iterator's next, …) is named with its
  // caller, so "join" says whose join it was.
  const walk = (node, caller) => {
    const f = node.callFrame;
    const own = `${name(f)}${moduleOf(`${f.functionName} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`)}`;
    const key = f.url || !caller ? own : `${f.functionName || '(anonymous)'} ← ${caller}`;
    self.set(key, (self.get(key) ?? 0) + node.selfSize);
    total += node.selfSize;
    for (const c of node.children ?? []) walk(c, f.url ? own : caller);
  };
  walk(profile.head);
  console.log(`    allocations sampled: ${(total / MiB).toFixed(1)} MiB (garbage included), top functions by bytes:`);
  for (const [k, b] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TRACE_TOP ?? 25)))
    console.log(`      ${(b / 1024).toFixed(0).padStart(7)} KiB  ${k}`);
}

/** One measurement in a fresh browser: prepare the page, GC, sample, run, sample every 100 ms. */
async function measure(page_, spec, opts) {
  const profile = mkdtempSync(join(os.tmpdir(), 'deeplake-bench-profile-'));
  const browser = await puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    userDataDir: profile,
    protocolTimeout: 600_000,
    // No DevTools network and issue monitoring: it sent several CDP events per request
    // (with every header) to this process, which also serves the uploads, and made the
    // browser process serialize them; no page ever runs with it.
    networkEnabled: false,
    issuesEnabled: false,
    args: [...chromiumArgs, ...(process.env.BENCH_CHROME_ARGS ?? '').split(' ').filter(Boolean)],
  });
  chromiumVersion ||= await browser.version();
  const pid = browser.process().pid;
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    for (const other of await browser.pages()) if (other !== page) await other.close();
    await page.goto(`${base}/${page_}.html`);
    await page.waitForFunction(() => window.benchReady === true);
    const cdp = await page.createCDPSession();
    // Case 5t: a nearby region's round trip, added by Chromium to every request of the page.
    // Throttling needs the Network domain on; its buffers off: with them, DevTools keeps a
    // copy of every fetch() body it sees (images' data is the image's own), a cost only the
    // element's fetches would pay. On before prepare(): Chromium mostly leaves unthrottled
    // the request of an <img> given its src before throttling began, even one started
    // later (a lazy image added to the page), and the baseline's cells get theirs in
    // prepare(): its requests then took loopback time (first images at 38–80 ms at "40 ms").
    if (opts?.network) {
      await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, downloadThroughput: -1, uploadThroughput: -1, ...opts.network });
    }
    await page.evaluate((spec, opts) => window.bench.prepare(spec, opts), spec, opts);
    await cdp.send('Performance.enable');
    const heap = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;
    await sleep(300);
    await cdp.send('HeapProfiler.collectGarbage');
    await sleep(200);
    const dumps = MEMDUMP ? await startMemoryDumps(browser) : undefined;
    const before = { heap: await heap(), rss: rendererRss(pid) };
    const peak = { ...before };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await sleep(100);
        try {
          peak.heap = Math.max(peak.heap, await heap());
        } catch {
          /* page busy or closing */
        }
        peak.rss = Math.max(peak.rss, rendererRss(pid));
      }
    })();
    if (PROFILE) {
      if (TRACE)
        await page.tracing.start({
          categories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'toplevel',
            'blink',
            'cc',
            'v8',
            'loading',
            'renderer.scheduler',
            'mojom',
            ...(process.env.BENCH_TRACE_CATS ?? '').split(',').filter(Boolean),
          ],
        });
      if (JS_PROFILE) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
    }
    if (ALLOC)
      await cdp.send('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    let result;
    const cpuBefore = CPU ? cpuByProcessType(pid) : undefined;
    try {
      result = await page.evaluate(() => window.bench.run());
      if (cpuBefore) console.log(`    CPU ms by process: ${JSON.stringify(cpuDelta(cpuBefore, cpuByProcessType(pid)))}`);
    } finally {
      sampling = false;
      await sampler;
    }
    if (dumps) await dumps.finish();
    if (ALLOC) summarizeAllocations((await cdp.send('HeapProfiler.stopSampling')).profile);
    if (PROFILE) {
      if (JS_PROFILE) summarizeProfile((await cdp.send('Profiler.stop')).profile, `${page_.replace('/', '-')}-${spec.count ?? 'big'}`);
      if (TRACE) {
        const raw = Buffer.from(await page.tracing.stop()).toString();
        if (TRACE_SAVE) {
          const file = join(os.tmpdir(), `deeplake-bench-trace-${page_.replace('/', '-')}-${Date.now()}.json`);
          writeFileSync(file, raw);
          console.log(`    trace saved: ${file}`);
        }
        summarizeTrace(JSON.parse(raw));
      }
    }
    peak.heap = Math.max(peak.heap, await heap());
    peak.rss = Math.max(peak.rss, rendererRss(pid));
    // What stays: the gallery's heap after scrolling through and back (only case 5 shows it).
    await cdp.send('HeapProfiler.collectGarbage');
    await sleep(200);
    const heapAfterDelta = (await heap()) - before.heap;
    const rssAfterDelta = rendererRss(pid) - before.rss;
    return { ...result, heapDelta: peak.heap - before.heap, rssDelta: peak.rss - before.rss, heapAfterDelta, rssAfterDelta };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// ---- cases ---------------------------------------------------------------------------
/** BENCH_ONLY=<text>: only the contenders whose name contains it, beside each case's baseline (an experiment; no RESULTS.md). */
const ONLY = process.env.BENCH_ONLY ?? '';
/** BENCH_ONLY is text the name contains, or a regular expression between slashes: `/^<deeplake-uploader>$/`. */
const onlyMatches = (name) => (/^\/.+\/$/.test(ONLY) ? new RegExp(ONLY.slice(1, -1)).test(name) : name.includes(ONLY));
const cases = [...benchCases({ quick, discard: DISCARD, bigMiB: BIG_MIB, galleryIds }), photoCase({ quick, discard: DISCARD })]
  .filter((c) => CASES.has(c.id))
  .map((c) => (ONLY ? { ...c, contenders: c.contenders.filter((k, i) => i === 0 || onlyMatches(k.name)) } : c))
  .map((c) =>
    AB
      ? {
          ...c,
          contenders: c.contenders.flatMap((k) =>
            ['uploader', 'queue', 'gallery', 'photos-uploader'].includes(k.page) ? [k, { ...k, name: `${k.name} [B]`, page: `b/${k.page}` }] : [k],
          ),
        }
      : c,
  );

/**
 * BENCH_AB: each widget contender's time from src/ over its "[B]" twin's, per round (the two
 * ran minutes apart at most, on the same baseline): median (min–max), and how many rounds
 * src/ was faster. Separate runs of the same code differ by more than the few per cent a
 * change is worth; these pairs are where such a change shows.
 */
function pairedAB(contenders, results) {
  const out = [];
  contenders.forEach((k, i) => {
    const b = contenders.findIndex((x) => x.name === `${k.name} [B]`);
    if (b < 0) return;
    const ratios = results[i].map((r, round) => r.ms / results[b][round].ms);
    const faster = ratios.filter((x) => x < 1).length;
    out.push(
      `  A/B ${k.name}: src/ over [B] per round ${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}), src/ faster in ${faster} of ${ratios.length} rounds`,
    );
  });
  return out.join('\n');
}

/** A markdown cell: an element's tag in code, or GitHub's sanitizer drops it as unknown HTML. */
const cell = (text) => text.replace(/(^|[^`])(<[a-z]+-[a-z-]+>)/g, '$1`$2`');
/** One round's console line: time, memory, and what the case is about. */
function progress(r) {
  const parts = [ms(r.ms), `heap ${mib(r.heapDelta)} MiB`, `RSS ${mib(r.rssDelta)} MiB`, `longest task ${Math.round(r.longestTaskMs ?? 0)} ms`];
  if ('thumbsMs' in r) parts.push(`thumbnails on screen ${ms(r.thumbsMs)} (${r.thumbsOnScreen} rows)`);
  if (r.back) {
    const c = (t) => `${t.content.total}/${t.content.distinct} ids`;
    parts.push(
      `first image ${ms(r.firstImageMs)}`,
      `content requests ${c(r.firstScreen)} → ${c(r.atBottom)} → ${c(r.back)}`,
      `info ${r.back.info.total}`,
      `heap after ${mib(r.heapAfterDelta)} MiB`,
    );
  }
  return parts.join(', ');
}

const sections = [];
try {
  for (const c of cases) {
    console.log(`\n${c.title}`);
    const results = c.contenders.map(() => []);
    // A warm-up run of the baseline, not counted: the server's JIT (busboy, the routes) is
    // cold for the first request of a case, and used to slow whichever contender came
    // first in round 1 (the server's CPU for the same 500 uploads fell from ~570 to ~290 ms).
    if (!quick) await measure(c.contenders[0].page, c.contenders[0].spec, c.contenders[0].opts);
    const rounds = c.rounds?.(ROUNDS) ?? ROUNDS;
    for (let round = 0; round < rounds; round++) {
      for (const i of roundOrder(c.contenders.length, round)) {
        const k = c.contenders[i];
        const r = await measure(k.page, k.spec, k.opts);
        results[i][round] = r;
        console.log(`  round ${round + 1} ${k.name}: ${progress(r)}`);
      }
    }
    const head = `| contender | ${c.columns.map((col) => col.head).join(' | ')} |`;
    const lines = [
      `### ${c.title}`,
      '',
      head,
      `|${head
        .split('|')
        .slice(1, -1)
        .map(() => '---')
        .join('|')}|`,
    ];
    c.contenders.forEach((k, i) => lines.push(`| ${cell(k.name)} | ${c.columns.map((col) => col.cell(results[i], results[0])).join(' | ')} |`));
    sections.push(lines.join('\n'));
    console.log(`\n${lines.join('\n')}`);
    if (AB) console.log(pairedAB(c.contenders, results));
  }
  if (CASES.has('7')) sections.push(await slowNetwork.run(base, ROUNDS, server));
  if (CASES.has('6')) {
    const title = 'Case 6: bundle sizes (gzip level 9, brotli quality 11) beside the CI budgets (`npm run size`)';
    console.log(`\n${title}`);
    const lines = [`### ${title}`, '', ...(await bundleTable())];
    sections.push(lines.join('\n'));
    console.log(`\n${lines.join('\n')}`);
  }
} finally {
  server.close();
  gallery.close();
  await emulator.close();
  rmSync(www, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}

// The cases that run more rounds than BENCH_RUNS, as their own `rounds` says (cases.mjs).
const moreRounds = cases
  .filter((c) => c.rounds)
  .map((c) => ` (case ${c.id}: ${c.rounds(ROUNDS)})`)
  .join('');
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}, ${chromiumVersion} (headless)`;
const md = `# Benchmark results

Generated by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

Machine: ${machine}.

Median of ${ROUNDS} rounds${moreRounds} (min–max), after one uncounted warm-up
run of each case's baseline; contenders interleaved within each round, their order balanced
over the rounds (each runs right after every other equally often), each in a fresh headless
Chromium; a ratio is the median (min–max) of each round's ratio to the baseline of that same
round. Uploads go to
127.0.0.1: every XHR contender to a node:http + busboy route that drains the body and
answers \`{id}\`; tus to a tus route that discards likewise (one row also to the emulator,
which writes the bytes to disk). Memory Δ is the peak
(sampled every 100 ms) minus the value after a forced GC just before the add; RSS is the
sum over the renderer processes. Long tasks: PerformanceObserver \`longtask\` entries from
the add until the uploads are done (and, in case 4b, the thumbnails of the rows on screen
are shown: each row's \`<img>\` decoded). The gallery (case 5) stores its images in the
emulator first; the baseline's \`<img>\`s get the same bytes from a token-less route;
requests are counted by the server as they arrive (GETs of a file's content, and of its
metadata: \`info\`, which only \`<deeplake-file>\` asks for).

${sections.join('\n\n')}
`;
/**
 * A run of some cases (BENCH_CASES) rewrites only their sections of RESULTS.md, each
 * marked with its own date and rounds, and leaves the others as the full run wrote them.
 */
function spliceResults(old) {
  const split = (text) => text.split(/^(?=### )/m);
  const [head, ...kept] = split(old);
  // The machine is shared: how busy it was is part of the result.
  const load = `load average ${LOAD_AT_START.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end (${os.cpus().length} cores)`;
  const when = `_Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in a run of cases ${[...CASES].join(', ')}, median of ${ROUNDS} rounds${moreRounds}, ${load}; the rest of this file is from the run above._`;
  const ours = new Map(sections.map((text) => [/^### Case (\S+?)[:+]/.exec(text)?.[1], text.replace(/\n\n/, `\n\n${when}\n\n`)]));
  const out = kept.map((text) => {
    const id = /^### Case (\S+?)[:+]/.exec(text)?.[1];
    const next = ours.get(id);
    ours.delete(id);
    return next ? `${next}\n\n` : text;
  });
  // A new case goes after the last of its number ("5t" after "5"), else before case 6 (the bundle table).
  for (const [id, text] of ours) {
    const number = /^\d+/.exec(id ?? '')?.[0];
    const last = out.findLastIndex((t) => number && t.startsWith(`### Case ${number}`));
    const six = out.findIndex((t) => t.startsWith('### Case 6'));
    out.splice(last >= 0 ? last + 1 : six >= 0 ? six : out.length, 0, `${text}\n\n`);
  }
  return `${head}${out.join('').trimEnd()}\n`;
}

if (!quick && !PROFILE && !SRC && !MEMDUMP && !CPU && !ONLY && !ALLOC && !process.env.BENCH_CHROME_ARGS) {
  const file = join(here, 'RESULTS.md');
  writeFileSync(file, process.env.BENCH_CASES && existsSync(file) ? spliceResults(readFileSync(file, 'utf8')) : md);
  console.log('\nwritten to bench/RESULTS.md');
}
