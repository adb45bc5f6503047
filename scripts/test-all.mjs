// Runs the test suites one after the other, every one even when an earlier one fails, and
// ends with one line per suite, one per engine and one for the whole run:
//
//   node scripts/test-all.mjs                       node, browser and e2e suites in Chromium (npm test)
//   node scripts/test-all.mjs --engine firefox      the same in Firefox (the node suite runs once)
//   node scripts/test-all.mjs --engine all          Chromium, Firefox and WebKit one after the other
//   node scripts/test-all.mjs --suite browser,e2e   only those suites
//
// Each suite is its package.json script (`npm run test:<suite>`), with DEEPLAKE_ENGINE set
// for the browser ones; its counts come from its own closing lines (the WTR summary
// reporter's "browser-<engine>: N passed, N failed, N skipped", node:test's pass/fail/
// skipped lines). A suite that exits non-zero, or ends without counts, counts as failed
// even when no test said so (a crash, a file that did not load). Exit code 1 if anything failed.
import { spawn } from 'node:child_process';
import { ENGINES } from './engines.mjs';

const SUITES = ['node', 'browser', 'e2e'];
const BROWSER_SUITES = new Set(['browser', 'e2e']);

function listArg(name, all, fallback) {
  const argv = process.argv.slice(2);
  const at = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return fallback;
  const value = argv[at].includes('=') ? argv[at].slice(argv[at].indexOf('=') + 1) : argv[at + 1];
  if (!value) throw new Error(`--${name} needs a value`);
  if (value === 'all') return all;
  const names = value.split(',').map((s) => s.trim().toLowerCase());
  for (const n of names) if (!all.includes(n)) throw new Error(`Unknown ${name} "${n}": use ${all.join(', ')} or all`);
  return names;
}

const engines = listArg('engine', [...ENGINES], ['chromium']);
const suites = listArg('suite', SUITES, SUITES);

// Only the end of a suite's output is kept for its counts: the closing lines are all that is read.
const KEEP = 256 * 1024;

/** Runs `npm run test:<suite>`, passing its output through, and answers its counts. */
function run(suite, engine) {
  const env = { ...process.env, ...(engine ? { DEEPLAKE_ENGINE: engine } : {}) };
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', `test:${suite}`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk) => {
      tail = (tail + chunk).slice(-KEEP);
    };
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      keep(chunk);
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      keep(chunk);
    });
    child.on('error', (error) => {
      console.error(`test-all: could not start ${suite}: ${error.message}`);
    });
    child.on('close', (code, signal) => {
      resolve({ ...countsOf(tail, suite, engine), code: code ?? signal, seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}

// eslint-disable-next-line no-control-regex
const plain = (text) => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

function countsOf(output, suite, engine) {
  const text = plain(output);
  if (suite === 'browser') {
    const lines = [...text.matchAll(new RegExp(`^browser-${engine}: (\\d+) passed, (\\d+) failed(?:, (\\d+) skipped)?$`, 'gm'))];
    const last = lines.at(-1);
    if (!last) return { found: false, passed: 0, failed: 0, skipped: 0 };
    return { found: true, passed: +last[1], failed: +last[2], skipped: +(last[3] ?? 0) };
  }
  // node:test: "ℹ pass 12" (spec reporter) or "# pass 12" (TAP, when stdout is not a terminal).
  const read = (name) => {
    const all = [...text.matchAll(new RegExp(`^(?:ℹ|#) ${name} (\\d+)\\s*$`, 'gm'))];
    return all.length ? +all.at(-1)[1] : undefined;
  };
  const pass = read('pass');
  if (pass === undefined) return { found: false, passed: 0, failed: 0, skipped: 0 };
  // A skipped suite (`describe(name, { skip })`) is not in node:test's "skipped" count; its
  // TAP line ("ok 1 - name # SKIP reason") is, like every skipped test's.
  const skipLines = [...text.matchAll(/^\s*ok \d+ - (.*# SKIP\b.*)$/gm)].map((m) => m[1]);
  return {
    found: true,
    passed: pass,
    failed: (read('fail') ?? 0) + (read('cancelled') ?? 0),
    skipped: Math.max((read('skipped') ?? 0) + (read('todo') ?? 0), skipLines.length),
    skippedNames: skipLines,
  };
}

const line = (label, c) => `${label}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
const add = (a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped });
const zero = () => ({ passed: 0, failed: 0, skipped: 0 });

const plan = [];
for (const suite of suites.filter((s) => !BROWSER_SUITES.has(s))) plan.push({ suite, label: suite });
for (const engine of engines) {
  for (const suite of suites.filter((s) => BROWSER_SUITES.has(s))) plan.push({ suite, engine, label: `${suite}-${engine}` });
}

const started = Date.now();
const results = [];
for (const step of plan) {
  console.log(`\n== test-all: ${step.label} ==\n`);
  const result = await run(step.suite, step.engine);
  // A crash or a non-zero exit with no failed test still fails the run.
  const notes = [];
  if (!result.found) notes.push('no counts in its output');
  if (result.code !== 0) notes.push(`exit ${result.code}`);
  if ((!result.found || result.code !== 0) && result.failed === 0) result.failed = 1;
  results.push({ ...step, ...result, notes });
  console.log(`\n${line(step.label, result)}`);
}

console.log('\n== test-all: summary ==');
for (const r of results) {
  console.log(`${line(r.label, r)}`);
  console.log(`  ${r.seconds} s${r.notes.length ? `; counted as failed: ${r.notes.join(', ')}` : ''}`);
  // The browser suite lists its skipped tests above its own line; node:test's are named here.
  for (const name of r.skippedNames ?? []) console.log(`  skipped: ${name}`);
}
if (engines.length > 1 && suites.some((s) => BROWSER_SUITES.has(s))) {
  for (const engine of engines) console.log(line(engine, results.filter((r) => r.engine === engine).reduce(add, zero())));
}
const total = results.reduce(add, zero());
console.log(`took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(line('total', total));
process.exitCode = total.failed > 0 ? 1 : 0;
