/**
 * The upload queue against the real emulator (same origin), in real Chromium: the cap on
 * concurrent uploads, progress and totals, cancel/pause/retry/remove/reset, events, auth
 * refresh and the immutability of item records.
 */
import { expect } from '@open-wc/testing';
import { DeepLakeError, isFileId, type DeepLakeClientOptions } from '../../src/client/index.js';
import { BATCH_INTERVAL_MS } from '../../src/queue/notifier.js';
import { UploadQueue, type UploadItem, type UploadQueueEventDetail, type UploadQueueEventName, type UploadQueueOptions } from '../../src/queue/index.js';
import { clientFor, injectFault, makeBytes, newWorkspace, posts, recordingProvider, requestsSoFar, sha256, type TestWorkspace } from './emulator-control.js';
import { countOf, MID_BODY_SIZE, whenMidBody } from './queue-helpers.js';
import { when } from './wait.js';

// ---- helpers ---------------------------------------------------------------------------

const queues: UploadQueue[] = [];

/** A queue on a client for `ws` (fast client backoff); reset after each test. */
function queueFor(ws: TestWorkspace, options: Partial<UploadQueueOptions> = {}, clientOptions: Partial<DeepLakeClientOptions> = {}) {
  const queue = new UploadQueue({ client: clientFor(ws, clientOptions), ...options });
  queues.push(queue);
  return queue;
}

const whenSent = (queue: UploadQueue, id: string) => when(queue, 'progress', ({ item }) => item.id === id && item.loaded > 0);
const MB = 1024 * 1024;
const binFile = (size: number, name: string, seed = 1) => new File([makeBytes(size, seed)], name);

// ---- tests -----------------------------------------------------------------------------

describe('UploadQueue', () => {
  afterEach(() => {
    for (const queue of queues.splice(0)) queue.reset();
  });

  it('never has more than `concurrency` items uploading', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, { match: { method: 'POST' }, latencyMs: 300, count: 8 });
    const queue = queueFor(ws, { concurrency: 2 });
    let max = 0;
    queue.addEventListener('change', ({ detail }) => {
      max = Math.max(max, countOf(detail.items, 'uploading'));
    });
    const complete = when(queue, 'complete');
    queue.add(Array.from({ length: 8 }, (_, i) => binFile(10_000, `f${i}.bin`, i + 1)));
    expect(countOf(queue.items, 'uploading')).to.equal(2);
    const { items } = await complete;
    expect(max).to.equal(2);
    expect(countOf(items, 'done')).to.equal(8);
    expect((await clientFor(ws).list()).length).to.equal(8);
  });

  it('tells a batch of small files in `change` events at most every BATCH_INTERVAL_MS, each success still apart', async () => {
    const ws = await newWorkspace();
    const queue = queueFor(ws, { concurrency: 6 });
    const count = 60;
    let changes = 0;
    let successes = 0;
    queue.addEventListener('change', () => changes++);
    queue.addEventListener('success', () => successes++);
    const complete = when(queue, 'complete');
    const started = performance.now();
    queue.add(Array.from({ length: count }, (_, i) => binFile(1000, `f${i}.bin`, i + 1)));
    const { items } = await complete;
    const elapsed = performance.now() - started;
    expect(countOf(items, 'done')).to.equal(count);
    expect(successes).to.equal(count);
    // Each file steps queued → uploading → processing → done: one event per step would be
    // three per file. Batched, only the add's, the last one's, and one per interval.
    expect(changes).to.be.at.most(Math.floor(elapsed / BATCH_INTERVAL_MS) + 3);
    expect(changes).to.be.below(count);
  });

  it('keeps starting items in list order when rows before them are removed mid-batch', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, { match: { method: 'POST' }, latencyMs: 150, count: 5 });
    const queue = queueFor(ws, { concurrency: 1 });
    const order: string[] = [];
    queue.addEventListener('change', ({ detail }) => {
      for (const i of detail.items) if (i.status !== 'queued' && !order.includes(i.relativePath)) order.push(i.relativePath);
    });
    const [a, b] = queue.add(['a', 'b', 'c', 'd', 'e'].map((name, i) => binFile(1000, `${name}.bin`, i + 1)));
    await when(queue, 'success', ({ item }) => item.id === a!.id);
    await when(queue, 'change', ({ items }) => items.some((i) => i.id === b!.id && i.status === 'uploading'));
    // The rows before the running one go: the rest move up, and must all still run, in order.
    queue.remove(a!.id);
    await when(queue, 'success', ({ item }) => item.id === b!.id);
    queue.remove(b!.id);
    await when(queue, 'complete');
    expect(queue.items.map((i) => [i.relativePath, i.status])).to.deep.equal([
      ['c.bin', 'done'],
      ['d.bin', 'done'],
      ['e.bin', 'done'],
    ]);
    expect(order).to.deep.equal(['a.bin', 'b.bin', 'c.bin', 'd.bin', 'e.bin']);
  });

  it('starts waiting items at once when `concurrency` is raised', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, { match: { method: 'POST' }, latencyMs: 400, count: 5 });
    const queue = queueFor(ws, { concurrency: 1 });
    queue.add(Array.from({ length: 5 }, (_, i) => binFile(1000, `f${i}.bin`, i + 1)));
    expect(countOf(queue.items, 'uploading')).to.equal(1);
    queue.concurrency = 3;
    expect(countOf(queue.items, 'uploading')).to.equal(3);
    expect(() => (queue.concurrency = 0)).to.throw(RangeError);
    await when(queue, 'complete');
    expect(countOf(queue.items, 'done')).to.equal(5);
  });

  it('reports monotonic progress per item up to its size, then `processing`, then done', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 6 * MB, count: 2 });
    const queue = queueFor(ws);
    const seen = new Map<string, UploadItem[]>();
    const fractions: number[] = [];
    queue.addEventListener('progress', ({ detail: { item } }) => seen.set(item.id, [...(seen.get(item.id) ?? []), item]));
    queue.addEventListener('change', () => fractions.push(queue.totals.fraction));
    const complete = when(queue, 'complete');
    const added = queue.add([binFile(16 * MB, 'a.bin', 1), binFile(12 * MB, 'b.bin', 2)]);
    await complete;

    for (const { id, total } of added) {
      const records = seen.get(id) ?? [];
      const loaded = records.map((r) => r.loaded);
      expect(loaded, 'non-decreasing').to.deep.equal([...loaded].sort((x, y) => x - y));
      expect(loaded.at(-1)).to.equal(total);
      expect(new Set(loaded.filter((n) => n > 0 && n < total)).size, 'several steps').to.be.at.least(2);
      for (const r of records.filter((x) => x.status === 'uploading')) expect(r.phase).to.equal(r.loaded < total ? 'sending' : 'processing');
      expect(
        records.some((r) => r.bytesPerSecond > 0 && r.secondsLeft !== undefined),
        'a speed and an ETA',
      ).to.equal(true);
      const done = queue.get(id)!;
      expect([done.status, done.loaded, done.phase, done.bytesPerSecond, done.secondsLeft]).to.deep.equal(['done', total, undefined, 0, undefined]);
    }
    expect(fractions, 'totals never go back').to.deep.equal([...fractions].sort((x, y) => x - y));
    expect(fractions.slice(0, -1).every((f) => f < 1)).to.equal(true);
    expect(fractions.at(-1)).to.equal(1);
    const totals = queue.totals;
    expect([totals.loaded, totals.total, totals.done, totals.active, totals.secondsLeft]).to.deep.equal([
      added[0]!.total + added[1]!.total,
      added[0]!.total + added[1]!.total,
      2,
      0,
      0,
    ]);
  });

  it('leaves canceled and failed items out of the totals', async () => {
    const ws = await newWorkspace();
    expect(queueFor(ws).totals.fraction, 'empty queue').to.equal(0);
    await injectFault(ws.workspace, { match: { method: 'POST' }, status: 400, count: 1 });
    const queue = queueFor(ws, { autoStart: false, concurrency: 1 });
    const [failing, kept, canceled] = queue.add([binFile(3000, 'fails.bin'), binFile(1000, 'kept.bin'), binFile(5000, 'canceled.bin')]);
    queue.cancel(canceled!.id);
    expect(queue.totals).to.include({ loaded: 0, total: 4000, fraction: 0 });
    const complete = when(queue, 'complete');
    queue.start();
    await complete;
    expect([queue.get(failing!.id)!.status, queue.get(kept!.id)!.status]).to.deep.equal(['error', 'done']);
    expect(queue.totals).to.deep.equal({
      loaded: 1000,
      total: 1000,
      fraction: 1,
      bytesPerSecond: 0,
      secondsLeft: 0,
      active: 0,
      done: 1,
      failed: 1,
      kept: 1,
      queued: 0,
    });
  });

  it('hands out one frozen totals object per state: a change of the list, or start() releasing files that wait for a slot', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 4 * MB });
    const queue = queueFor(ws, { autoStart: false, concurrency: 1 });
    const [running] = queue.add([binFile(24 * MB, 'running.bin')]);
    queue.start();
    await when(queue, 'progress', ({ item }) => item.id === running!.id && item.bytesPerSecond > 0);
    queue.add([binFile(8 * MB, 'waiting.bin')]); // manual mode: waits for start()
    const before = queue.totals;
    expect(queue.totals, 'nothing changed').to.equal(before);
    expect(Object.isFrozen(before)).to.equal(true);
    queue.start(); // releases waiting.bin; no slot is free, so no record changes
    const after = queue.totals;
    expect(after, 'start() changed what the totals count').to.not.equal(before);
    expect(after.secondsLeft!, 'waiting.bin’s bytes are now to come').to.be.greaterThan(before.secondsLeft!);
    queue.reset();
  });

  it('cancels an upload mid-body and stores nothing; retried, it is stored once', async () => {
    const ws = await newWorkspace();
    // 24 MB at 16 MB/s: had the request not been aborted, the file would be stored within
    // ~1.5 s. Big enough that loopback socket buffers (which grow under load) cannot take
    // the whole body at once, leaving no moment mid-body. The retry's body is read as slowly.
    await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 16 * MB, count: 2 });
    const queue = queueFor(ws);
    const outcomes: string[] = [];
    for (const name of ['success', 'error', 'complete'] as const) queue.addEventListener(name, () => outcomes.push(name));
    const [item] = queue.add([binFile(MID_BODY_SIZE, 'big.bin')]);
    await whenMidBody(queue, item!.id);
    queue.cancel(item!.id);
    expect(queue.get(item!.id)).to.include({ status: 'canceled', phase: undefined });
    expect(queue.busy).to.equal(false);
    // The server's log cannot tell an aborted request from one still sending. The retry
    // can: its body is read at the same rate and starts later, so a canceled request that
    // went on would be stored before it.
    const success = when(queue, 'success');
    queue.retry(item!.id);
    const { info } = await success;
    expect((await clientFor(ws).list()).map((f) => f.id)).to.deep.equal([info.id]);
    expect((await posts(ws)).map((r) => r.status)).to.deep.equal([0, 201]);
    expect(outcomes, 'no success, error or complete for the canceled attempt').to.deep.equal(['success', 'complete']);
  });

  it('fails with retries 0, then retry() uploads it with the retries set at run time', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, { match: { method: 'POST' }, status: 500, count: 10 });
    const queue = queueFor(ws, { retries: 0 });
    const failed = when(queue, 'error');
    const [item] = queue.add([binFile(2000, 'r.bin')]);
    const { item: errored, error } = await failed;
    expect(errored).to.include({ id: item!.id, status: 'error', retrying: 0 });
    expect(errored.error).to.equal(error);
    expect([error instanceof DeepLakeError, error.status, error.code]).to.deep.equal([true, 500, 'server']);
    expect((await posts(ws)).length).to.equal(1);

    let maxRetrying = 0;
    queue.addEventListener('change', () => (maxRetrying = Math.max(maxRetrying, queue.get(item!.id)?.retrying ?? 0)));
    queue.retries = 9;
    const success = when(queue, 'success');
    queue.retry();
    expect(queue.get(item!.id)).to.include({ status: 'uploading', error: undefined });
    const { item: done } = await success;
    expect(done).to.include({ status: 'done', error: undefined, retrying: 0 });
    expect(maxRetrying).to.equal(9);
    expect((await posts(ws)).map((r) => r.status)).to.deep.equal([...Array<number>(10).fill(500), 201]);
    expect((await clientFor(ws).list()).length).to.equal(1);
  });

  it('shows the client’s automatic retries and stores the file once', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, { match: { method: 'POST' }, status: 503, count: 2 });
    const queue = queueFor(ws, { retries: 3 });
    const retries: Array<[number, number | undefined]> = [];
    queue.addEventListener('change', ({ detail }) => {
      const { retrying, error } = detail.items[0] ?? {};
      if (retrying && retries.at(-1)?.[0] !== retrying) retries.push([retrying, error?.status]);
    });
    let errors = 0;
    queue.addEventListener('error', () => errors++);
    const success = when(queue, 'success');
    const bytes = makeBytes(50_000, 7);
    queue.add([new File([bytes], 'flaky.bin')]);
    const { info } = await success;
    expect(retries).to.deep.equal([
      [1, 503],
      [2, 503],
    ]);
    expect(errors).to.equal(0);
    expect((await posts(ws)).map((r) => r.status)).to.deep.equal([503, 503, 201]);
    expect(await sha256(await clientFor(ws).content(info.id))).to.equal(await sha256(bytes));
  });

  it('pauses an upload (aborting it) and resumes it to done, storing one file', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 4 * MB, count: 2 });
    const queue = queueFor(ws);
    const bytes = makeBytes(8 * MB, 9);
    const [item] = queue.add([new File([bytes], 'pause.bin')]);
    await whenSent(queue, item!.id);
    queue.pause(item!.id);
    expect(queue.get(item!.id)).to.include({ status: 'paused', loaded: 0, bytesPerSecond: 0 });
    expect(queue.busy).to.equal(false);

    const success = when(queue, 'success');
    queue.resume(item!.id);
    expect(queue.get(item!.id)!.status).to.equal('uploading');
    const { info } = await success;
    // Both requests are read at the same rate: a paused one that went on would be stored first.
    const stored = await clientFor(ws).list();
    expect(stored.map((f) => f.id)).to.deep.equal([info.id]);
    expect(await sha256(await clientFor(ws).content(info.id))).to.equal(await sha256(bytes));
  });

  it('sends nothing in manual mode until start()', async () => {
    const ws = await newWorkspace();
    const queue = queueFor(ws, { autoStart: false });
    const [a, b] = queue.add([binFile(1000, 'a.bin'), binFile(1000, 'b.bin')]);
    expect(await requestsSoFar(ws)).to.deep.equal([]);
    expect(queue.items.map((i) => i.status)).to.deep.equal(['queued', 'queued']);
    expect(queue.busy).to.equal(false);

    // A never-started item that is canceled and retried waits for start() again.
    queue.cancel(b!.id);
    queue.retry(b!.id);
    expect(queue.get(b!.id)!.status).to.equal('queued');

    const complete = when(queue, 'complete');
    queue.start();
    expect(queue.busy).to.equal(true);
    const { items } = await complete;
    expect(items.map((i) => [i.id, i.status])).to.deep.equal([
      [a!.id, 'done'],
      [b!.id, 'done'],
    ]);
    expect(queue.busy).to.equal(false);
    expect((await clientFor(ws).list()).length).to.equal(2);
  });

  it('remove() and reset() abort running uploads and store nothing', async () => {
    const ws = await newWorkspace();
    // Every body read at 16 MB/s: an aborted request that went on would be stored within ~1.5 s.
    await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 16 * MB, count: 4 });
    const queue = queueFor(ws, { concurrency: 3 });
    const [a, b, c] = queue.add([1, 2, 3].map((seed) => binFile(MID_BODY_SIZE, `f${seed}.bin`, seed)));
    await Promise.all([whenSent(queue, a!.id), whenSent(queue, b!.id)]);
    queue.remove(a!.id);
    expect(queue.get(a!.id)).to.equal(undefined);
    expect(queue.items.map((i) => i.id)).to.deep.equal([b!.id, c!.id]);
    const cleared = when(queue, 'change', ({ items }) => items.length === 0);
    queue.reset();
    expect([queue.items.length, queue.busy, queue.totals.total]).to.deep.equal([0, false, 0]);
    await cleared;

    // The queue still works after a reset. That file is as big and read at the same rate,
    // and starts later: an aborted request that went on would be stored before it (the
    // server's log cannot tell an aborted request from one still sending).
    const success = when(queue, 'success');
    queue.add([binFile(MID_BODY_SIZE, 'after.bin', 4)]);
    const { info } = await success;
    expect((await clientFor(ws).list()).map((f) => f.id)).to.deep.equal([info.id]);
    expect((await posts(ws)).filter((r) => r.status === 201).length).to.equal(1);
  });

  it('fires success, error and complete with the right details, complete once per batch', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, { match: { method: 'POST' }, status: 400, body: 'nope', contentType: 'text/plain', count: 1 });
    const queue = queueFor(ws, { concurrency: 1 });
    const log: Array<[UploadQueueEventName, unknown]> = [];
    for (const name of ['success', 'error', 'complete'] as const) {
      queue.addEventListener(name, (event: CustomEvent) => log.push([name, event.detail]));
    }
    const firstBatch = when(queue, 'complete');
    const [bad, good] = queue.add([binFile(10, 'bad.bin'), binFile(20, 'good.bin')]);
    await firstBatch;

    expect(log.map(([name]) => name)).to.deep.equal(['error', 'success', 'complete']);
    const errorDetail = log[0]![1] as UploadQueueEventDetail['error'];
    expect(errorDetail.item).to.include({ id: bad!.id, status: 'error' });
    expect(errorDetail.error).to.be.instanceOf(DeepLakeError);
    expect([errorDetail.error.code, errorDetail.error.status, errorDetail.error.message]).to.deep.equal(['bad_request', 400, 'Deep Lake answered 400: nope']);
    const successDetail = log[1]![1] as UploadQueueEventDetail['success'];
    expect(successDetail.item).to.include({ id: good!.id, status: 'done', fileId: successDetail.info.id });
    expect(successDetail.item.info).to.equal(successDetail.info);
    expect(isFileId(successDetail.info.id)).to.equal(true);
    expect(successDetail.info).to.include({ name: 'good.bin', size: 20 });
    const completeDetail = log[2]![1] as UploadQueueEventDetail['complete'];
    expect(completeDetail.items).to.equal(queue.items);

    const secondBatch = when(queue, 'complete');
    queue.retry();
    await secondBatch;
    expect(log.map(([name]) => name)).to.deep.equal(['error', 'success', 'complete', 'success', 'complete']);
    expect(queue.items.map((i) => i.status)).to.deep.equal(['done', 'done']);
  });

  it('refreshes the token once when it expires mid-batch', async () => {
    const ws = await newWorkspace();
    const provider = recordingProvider(ws);
    const queue = queueFor(ws, { concurrency: 2 }, { tokenProvider: provider });
    const first = when(queue, 'complete');
    queue.add([binFile(100, 'warm.bin')]);
    await first;
    const oldToken = ws.token;
    await injectFault(ws.workspace, { match: { method: 'POST' }, expireToken: true });
    const batch = when(queue, 'complete');
    queue.add([1, 2, 3, 4].map((seed) => binFile(5000, `f${seed}.bin`, seed)));
    const { items } = await batch;
    expect(countOf(items, 'done')).to.equal(5);
    expect(provider.calls).to.deep.equal([{ forceRefresh: false }, { forceRefresh: true }]);
    expect(ws.token).to.not.equal(oldToken);
    const statuses = (await posts(ws)).map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).to.be.within(1, 2);
    expect(statuses.filter((s) => s === 201).length).to.equal(5);
  });

  it('keeps fileIds the same array until the stored set changes', async () => {
    const ws = await newWorkspace();
    const queue = queueFor(ws, { autoStart: false });
    const [a, b] = queue.add([binFile(10, 'a.bin'), binFile(10, 'b.bin', 2)]);
    const empty = queue.fileIds;
    queue.pause(b!.id); // the list changes, the stored set does not
    expect(queue.fileIds).to.equal(empty);
    const complete = when(queue, 'complete');
    queue.start(); // a only: b is paused
    await complete;
    const one = queue.fileIds;
    expect(one).to.deep.equal([queue.get(a!.id)!.fileId]);
    expect(Object.isFrozen(one)).to.equal(true);
    queue.cancel(b!.id);
    expect(queue.fileIds, 'another change that stores nothing').to.equal(one);
    queue.remove(a!.id);
    expect(queue.fileIds).to.deep.equal([]);
  });

  it('replaces only changed records and the array, and never touches File objects', async () => {
    const ws = await newWorkspace();
    const queue = queueFor(ws, { autoStart: false });
    const file = binFile(10, 'same.bin');
    const [a, b, c] = queue.add([file, file, { file: binFile(10, 'x.bin'), relativePath: 'dir/x.bin' }]);
    expect(new Set([a!.id, b!.id, c!.id]).size, 'distinct ids for the same file').to.equal(3);
    expect([a!.relativePath, c!.relativePath]).to.deep.equal(['same.bin', 'dir/x.bin']);
    const before = queue.items;
    expect(Object.isFrozen(before) && before.every((i) => Object.isFrozen(i))).to.equal(true);
    expect(queue.items, 'stable until something changes').to.equal(before);

    const changed = when(queue, 'change');
    queue.cancel(a!.id);
    const { items } = await changed;
    expect(items).to.not.equal(before);
    expect(items[0]).to.not.equal(before[0]);
    expect(items[0]!.status).to.equal('canceled');
    expect(before[0]!.status, 'the old record is untouched').to.equal('queued');
    expect([items[1], items[2]]).to.deep.equal([before[1], before[2]]);
    expect(items[1]).to.equal(before[1]);
    expect(items[2]).to.equal(before[2]);

    // While another item goes through uploading, processing and done, a paused record keeps its identity.
    queue.pause(b!.id);
    const paused = queue.get(b!.id)!;
    const seen: UploadItem[] = [];
    const watch = ({ detail }: CustomEvent<{ items: readonly UploadItem[] }>) => seen.push(detail.items[1]!);
    queue.addEventListener('change', watch);
    const big = queue.add([binFile(64 * 1024, 'big.bin')])[0]!;
    queue.start();
    expect(queue.items.map((i) => i.status)).to.deep.equal(['canceled', 'paused', 'uploading', 'uploading']);
    await when(queue, 'success', ({ item }) => item.id === big.id);
    queue.removeEventListener('change', watch);
    expect(seen.length).to.be.at.least(2);
    expect(seen.every((record) => record === paused)).to.equal(true);
    expect(Object.keys(file), 'no state written onto the File').to.deep.equal([]);

    queue.retry(a!.id);
    queue.resume(b!.id);
    const complete = when(queue, 'complete');
    queue.start();
    await complete;
    expect(queue.items.map((i) => i.status)).to.deep.equal(['done', 'done', 'done', 'done']);
    const stored = await clientFor(ws).list();
    expect(stored.filter((f) => f.name === 'same.bin').length, 'the same file twice is stored twice').to.equal(2);
  });

  it('does not time out an upload that waits long for the server after the last byte', async () => {
    const ws = await newWorkspace();
    const queue = queueFor(ws);
    // Latency before the handler reads: the body (past PROGRESS_MIN_BYTES, so its bytes
    // are counted) sits in socket buffers, so the browser reports every byte sent long
    // before the answer.
    await injectFault(ws.workspace, { match: { method: 'POST' }, latencyMs: 3_000 });
    const phases: Array<string | undefined> = [];
    queue.addEventListener('change', ({ detail }) => {
      const phase = detail.items[0]?.phase;
      if (phases.at(-1) !== phase) phases.push(phase);
    });
    const success = when(queue, 'success');
    queue.add([binFile(200_000, 'slow.bin')]);
    await success;
    expect(phases).to.include('processing');
    expect(phases.at(-1)).to.equal(undefined);
    expect(queue.totals.fraction).to.equal(1);
  });

  it('turns a failing client getter into an `error` item instead of throwing', async () => {
    const queue = new UploadQueue({
      client: () => {
        throw new Error('no workspace configured');
      },
    });
    queues.push(queue);
    const failed = when(queue, 'error');
    const [item] = queue.add([binFile(10, 'x.bin')]);
    const { error } = await failed;
    expect(queue.get(item!.id)!.status).to.equal('error');
    expect(error).to.be.instanceOf(DeepLakeError);
    // Its own words stay in `cause`, out of the message (a browser's may quote a header value).
    expect([error.code, error.status, (error.cause as Error).message]).to.deep.equal(['internal', 0, 'no workspace configured']);
    expect(error.retryable).to.equal(false);
  });
});
