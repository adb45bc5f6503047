/**
 * Real networks: offline, stalled and slow. Offline is the browser's own state, set through
 * the DevTools protocol by a test-runner command (scripts/network-conditions.mjs: the page
 * gets real `offline`/`online` events and `navigator.onLine`), with the emulator's outage
 * for the requests' side (open connections dropped, new ones refused), so a request fails
 * as it would on a train. Stalls and late answers are the emulator's faults.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { DeepLakeError } from '../../src/client/index.js';
import { en } from '../../src/i18n/strings.js';
import { apiUrl, clientFor, injectFault, newWorkspace, requestLog, type TestWorkspace } from './emulator-control.js';
import { itIn, skipHere } from './engine.js';
import { MiB, ofMethod, tusLog } from './tus-helpers.js';
import { fileOf, metaText, mount, MID_BODY_SIZE, politeText, quietFor, rows, settled, until, when, type DeepLakeUploader } from './uploader-helpers.js';

/** Why the offline tests skip outside Chromium. */
const NO_CDP = 'no DevTools protocol to take the network away with';

type Conditions = { offline?: boolean; latencyMs?: number; uploadBytesPerSec?: number; forMs?: number };
const network = (conditions: Conditions) => executeServerCommand<boolean, Conditions>('network-conditions', conditions);

/** The server goes away for `ms` (emulator): open connections of the workspace dropped, new ones refused. */
const outage = async (ws: TestWorkspace, ms: number) => {
  const res = await fetch(`${apiUrl}/__emulator/outage`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ workspace: ws.workspace, ms }),
  });
  if (!res.ok) throw new Error(`outage: ${res.status}`);
};

/**
 * Offline for `ms`, as the browser and the server see it; back by itself, the server first:
 * the browser's restore is set after the outage began (a second, same-state command), so
 * the page never hears `online` while the server still refuses (a loaded machine once put
 * a second between the two, and the first request after `online` failed).
 */
async function goOffline(ws: TestWorkspace, ms: number): Promise<void> {
  await network({ offline: true });
  await outage(ws, ms);
  await network({ offline: true, forMs: ms });
}

/** Each stored name once, nothing else. */
async function storedNames(ws: TestWorkspace): Promise<string[]> {
  return (await clientFor(ws).list({ limit: 100 })).map((f) => f.name).sort();
}

describe('offline is a pause, not a failure (Chromium: the DevTools protocol drives the network)', function () {
  this.timeout(180_000);
  afterEach(() => network({}));

  it('offline for 10 s mid-batch: rows wait, nothing fails, no retry spent, every file stored once', async function () {
    if (!(await network({}))) skipHere(this, NO_CDP);
    const { el, ws } = await mount({ multiple: true, retries: 0, concurrency: 2 });
    // The first two are read slowly: running when the network goes.
    await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 256 * 1024, count: 2 });
    const names = Array.from({ length: 6 }, (_, i) => `file-${i}.bin`);
    const networkEvents: boolean[] = [];
    el.addEventListener('deeplake-network', (e) => networkEvents.push(e.detail.waiting));
    let failures = 0;
    el.addEventListener('deeplake-error', () => failures++);
    el.addFiles(names.map((name, i) => fileOf(MiB, name, '', i + 1)));
    await until(() => el.items[1]?.status === 'uploading', 'two uploads run', 60_000);
    // Listening before the network goes: the failed requests may be told before goOffline returns.
    const waiting = when(el, 'deeplake-network', (d) => d.waiting, 30_000);
    await goOffline(ws, 10_000);

    await waiting;
    await settled(el);
    expect(navigator.onLine).to.equal(false);
    const waitingRows = rows(el).filter((row) => metaText(row).includes(en.statusOffline));
    expect(waitingRows.length, 'the running rows say they wait for the network').to.be.greaterThan(0);
    expect(politeText(el)).to.include(en.announceOffline);
    expect(el.items.some((i) => i.status === 'error')).to.equal(false);

    const complete = when(el, 'deeplake-complete', () => true, 90_000);
    const { items } = await complete;
    expect(items.map((i) => i.status)).to.deep.equal(names.map(() => 'done'));
    expect([failures, networkEvents]).to.deep.equal([0, [true, false]]);
    expect(await storedNames(ws)).to.deep.equal([...names].sort());
  });

  it('a tus upload across an offline minute continues from its offset: at most one chunk sent twice', async function () {
    if (!(await network({}))) skipHere(this, NO_CDP);
    const ws = await newWorkspace();
    const chunk = MiB;
    const size = 6 * MiB;
    // ~1 MiB/s: the upload is mid-way when the network goes.
    await injectFault(ws.workspace, { match: { method: 'PATCH' }, throttleBytesPerSec: MiB, count: 100 });
    const { el } = await mount({ transport: 'tus', 'chunk-size': chunk, retries: 0 });
    el.client = clientFor(ws, { retry: { retries: 0 } });
    await settled(el);
    el.addFiles([fileOf(size, 'long.bin', '', 7)]);
    await until(() => (el.items[0]?.loaded ?? 0) >= 2 * chunk, 'two chunks are on the server', 60_000);
    const back = when(el, 'deeplake-network', (d) => !d.waiting, 120_000);
    await goOffline(ws, 60_000);
    await back;
    await until(() => el.items[0]?.status === 'done' || el.items[0]?.status === 'error', 'the upload ends', 120_000);
    expect(el.items[0]!.status, `the upload's error: ${el.items[0]!.error?.code} ${el.items[0]!.error?.message}`).to.equal('done');
    const log = await tusLog(ws);
    const patches = ofMethod(log, 'PATCH');
    const stored = patches.filter((r) => r.status === 204).map((r) => r.uploadOffset!);
    // The browser may send a cut-off request again on another pooled socket while the
    // server is away (status 0: dropped before its body was read); what counts is where
    // the chunks that landed start.
    const cut = patches.findIndex((r) => r.status === 0);
    const resumedAt = patches.slice(cut).find((r) => r.status === 204)!.uploadOffset!;
    const what = JSON.stringify(log.map((r) => `${r.method} ${r.status} ${r.uploadOffset ?? ''}`));
    expect(cut, `a PATCH was cut off: ${what}`).to.be.greaterThan(0);
    expect(stored, `chunks that landed only go forward: ${what}`).to.deep.equal([...new Set(stored)].sort((a, b) => a - b));
    // Sent twice: what the cut-off chunk had sent past where the upload went on, at most one chunk.
    expect(resumedAt, `resumed from the server's offset: ${what}`).to.be.at.least(patches[cut]!.uploadOffset!);
    expect(resumedAt - patches[cut]!.uploadOffset!).to.be.at.most(chunk);
    expect(await storedNames(ws)).to.deep.equal(['long.bin']);
  });
});

describe('stalls end, processing is not a stall', function () {
  this.timeout(120_000);

  // Firefox counts the bytes it has buffered as sent: a body it takes whole reads as the
  // processing phase there (no timer, by the rule), so whether this one stalls "mid-body"
  // depends on the machine's load. The rule and its exception: README, Browsers.
  itIn(
    ['chromium', 'webkit'],
    'it counts buffered bytes as sent, so a stalled server may look like one processing',
    'a server that stops reading mid-body: the attempt ends within stall-timeout + 1 s, the retry stores the file',
    async () => {
      // Retries to spare: on a loaded machine a later attempt may stall for 2 s too.
      const { el, ws } = await mount({ 'stall-timeout': 2, retries: 3 });
      await injectFault(ws.workspace, { match: { method: 'POST' }, stall: true, count: 1 });
      let lastProgress = 0;
      let retriedAt = 0;
      el.addEventListener('deeplake-progress', ({ detail: { item } }) => {
        if (!retriedAt && item.retrying === 0 && item.phase === 'sending' && item.loaded > 0) lastProgress = performance.now();
      });
      const observer = () => {
        if (!retriedAt && el.items[0]?.retrying === 1) retriedAt = performance.now();
      };
      el.addEventListener('deeplake-progress', observer);
      const timer = setInterval(observer, 10);
      const complete = when(el, 'deeplake-complete', () => true, 100_000);
      el.addFiles([fileOf(MID_BODY_SIZE, 'stalled.bin')]);
      const { items } = await complete;
      clearInterval(timer);
      expect(items[0]!.status).to.equal('done');
      expect(retriedAt, 'a retry followed').to.be.greaterThan(0);
      // The stall timer, not an earlier or another one: not before 2 s without a byte, and
      // long before the 30 s default (a loaded machine only makes it later).
      expect(retriedAt - lastProgress, 'ms from the last byte moved to the retry').to.be.within(1_900, 15_000);
      expect(await storedNames(ws)).to.deep.equal(['stalled.bin']);
      expect((await requestLog(ws.workspace)).filter((r) => r.method === 'POST').length).to.be.at.least(2);
    },
  );

  it('a late answer after the last byte is processing, not a stall', async () => {
    const { el, ws } = await mount({ 'stall-timeout': 1, retries: 2 });
    await injectFault(ws.workspace, { match: { method: 'POST' }, answerDelayMs: 2_500, count: 1 });
    let processing = false;
    el.addEventListener('deeplake-progress', ({ detail: { item } }) => (processing ||= item.phase === 'processing'));
    const complete = when(el, 'deeplake-complete');
    el.addFiles([fileOf(2 * MiB, 'slow-answer.bin')]);
    const { items } = await complete;
    expect([items[0]!.status, processing]).to.deep.equal(['done', true]);
    expect((await requestLog(ws.workspace)).filter((r) => r.method === 'POST').length, 'no second attempt').to.equal(1);
  });

  it('stall-timeout="0" turns it off (the client option too)', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, { match: { method: 'POST' }, stall: true, count: 1 });
    const controller = new AbortController();
    const upload = clientFor(ws, { stallTimeoutMs: 0, retry: { retries: 0 } }).upload(fileOf(MID_BODY_SIZE, 'held.bin'), { signal: controller.signal });
    // An upload that never ends has no event; the other stall tests end theirs within 1–3 s.
    // (A control client with a short timeout cannot stand in: Firefox may count the held
    // body as sent, and then no stall timer runs for it.)
    const quiet = quietFor(2_500, 'nothing announces that an upload goes on waiting');
    const outcome = await Promise.race([
      upload.then(
        () => 'ended',
        () => 'ended',
      ),
      quiet.then(() => 'still waiting'),
    ]);
    controller.abort();
    await upload.catch(() => undefined);
    expect(outcome).to.equal('still waiting');
  });

  it('tus: a PATCH that stops moving ends within the timeout and continues from the offset', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, { match: { method: 'PATCH' }, stall: true, count: 1 });
    const retries: DeepLakeError[] = [];
    const started = performance.now();
    const info = await clientFor(ws, { stallTimeoutMs: 3_000, retry: { retries: 2 } }).upload(fileOf(MID_BODY_SIZE, 'tus-stalled.bin'), {
      transport: 'tus',
      onRetry: (error) => retries.push(error),
    });
    expect([info.name, retries.map((e) => e.code)]).to.deep.equal(['tus-stalled.bin', ['network']]);
    expect(performance.now() - started).to.be.below(60_000);
  });
});

describe('Retry-After on every path', () => {
  it('tus waits what the server asked (Retry-After: 1) before it tries again', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, { match: { method: 'PATCH' }, status: 503, retryAfter: 1, count: 1 });
    const waits: number[] = [];
    // A base delay of 5 ms: without Retry-After the wait would be a few ms.
    const info = await clientFor(ws, { retry: { retries: 2, baseDelayMs: 5 } }).upload(fileOf(1000, 'later.bin'), {
      transport: 'tus',
      onRetry: (_error, _n, delay) => waits.push(delay),
    });
    expect([info.name, waits]).to.deep.equal(['later.bin', [1_000]]);
  });

  it('multipart waits what the server asked too', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, { match: { method: 'POST' }, status: 429, retryAfter: 1, count: 1 });
    const waits: number[] = [];
    await clientFor(ws, { retry: { retries: 2, baseDelayMs: 5 } }).upload(fileOf(1000, 'later.bin'), { onRetry: (_e, _n, delay) => waits.push(delay) });
    expect(waits).to.deep.equal([1_000]);
  });
});

export type { DeepLakeUploader };
