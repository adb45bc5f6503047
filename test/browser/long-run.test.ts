/**
 * Long run without leaks: 2,000 small uploads in batches through one <deeplake-uploader>,
 * each row removed as soon as its file is stored. Afterwards every object URL made was
 * revoked, the listeners the element put on window and document are gone, and (in
 * Chromium, the one engine that can force a collection and read the heap) the JS heap is
 * back near where it started.
 */
import { expect } from '@open-wc/testing';
import { engine, itIn } from './engine.js';
import { makePng } from './file-fixtures.js';
import { fileOf, mount, nextTask } from './uploader-helpers.js';
import { until } from './wait.js';

const BATCHES = 20;
const PER_BATCH = 100;

/** Counts object URLs made and revoked while `run` runs. */
function countObjectUrls() {
  const made = new Set<string>();
  const revoked = new Set<string>();
  const create = URL.createObjectURL;
  const revoke = URL.revokeObjectURL;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    const url = create.call(URL, obj);
    made.add(url);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    revoked.add(url);
    revoke.call(URL, url);
  };
  return {
    made,
    revoked,
    restore: () => Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke }),
  };
}

/** Live listener registrations on `target` (those removed with removeEventListener go). */
function countListeners(target: EventTarget) {
  const live = new Set<string>();
  const ids = new WeakMap<object, number>();
  let next = 0;
  const key = (type: string, listener: unknown, options?: boolean | EventListenerOptions) => {
    const capture = typeof options === 'boolean' ? options : !!options?.capture;
    const fn = listener as object;
    if (!ids.has(fn)) ids.set(fn, ++next);
    return `${type}:${ids.get(fn)}:${capture}`;
  };
  const add = target.addEventListener;
  const remove = target.removeEventListener;
  target.addEventListener = function (type, listener, options) {
    // once-listeners remove themselves when they fire: not a registration that can leak here.
    if (listener && !(typeof options === 'object' && options?.once)) live.add(key(type, listener, options));
    return add.call(this, type, listener, options);
  };
  target.removeEventListener = function (type, listener, options) {
    if (listener) live.delete(key(type, listener, options));
    return remove.call(this, type, listener, options);
  };
  return { live, restore: () => Object.assign(target, { addEventListener: add, removeEventListener: remove }) };
}

const gc = () => (window as unknown as { gc?: () => void }).gc?.();
const heap = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;

/** The heap once collections stop shrinking it (a task between two: the page's pending work runs). */
async function settleHeap(): Promise<number> {
  let size = Infinity;
  for (let i = 0; i < 10; i++) {
    gc();
    await nextTask();
    const now = heap();
    if (now >= size) return now;
    size = now;
  }
  return size;
}

interface RunResult {
  stored: number;
  rowsLeft: number;
  windowAtStart: number;
  windowAfterUploads: number;
  windowAfterRemoval: string[];
  documentAfterRemoval: string[];
  unrevoked: string[];
  thumbnails: number;
  /** Heap growth in MiB, where the engine can measure it (Chromium: window.gc, performance.memory). */
  grownMiB?: number;
}

/** 2,000 uploads through one element, rows removed as they finish; then the element goes. */
async function longRun(measureHeap: boolean): Promise<RunResult> {
  const urls = countObjectUrls();
  const onWindow = countListeners(window);
  const onDocument = countListeners(document);
  const png = await makePng();
  try {
    const { el } = await mount({ multiple: true, concurrency: 6 });
    // Rows go as soon as their file is stored, as a page that moves them elsewhere would.
    let stored = 0;
    let thumbnails = 0;
    el.addEventListener('deeplake-success', (e) => {
      stored++;
      const { id, file } = e.detail.item;
      // The first image's row stays until it shows its thumbnail: on a loaded machine its file
      // can be stored and its row removed before the thumbnail is made (WebKit, once).
      if (file.type === 'image/png' && !thumbnails) {
        const row = () => el.shadowRoot!.querySelector(`li[data-thumb="${id}"] [part=thumbnail] img`);
        void until(row, 'a thumbnail of the first image', 60_000).then((img) => {
          thumbnails++;
          el.remove(id);
          return img;
        });
      } else el.remove(id);
    });
    const batch = async (n: number) => {
      const done = new Promise((resolve) => el.addEventListener('deeplake-complete', resolve, { once: true }));
      const files = Array.from({ length: PER_BATCH }, (_, i) =>
        i === 0 ? new File([png], `b${n}.png`, { type: 'image/png' }) : fileOf(512, `b${n}-${i}.txt`, 'text/plain', n * PER_BATCH + i),
      );
      el.addFiles(files);
      await done;
    };
    await batch(0); // warm-up: lazy chunks, caches and the JIT settle before the baseline
    const windowAtStart = onWindow.live.size;
    const start = measureHeap ? await settleHeap() : 0;
    for (let n = 1; n < BATCHES; n++) await batch(n);
    await el.updateComplete;
    const end = measureHeap ? await settleHeap() : 0;
    const grownMiB = measureHeap ? (end - start) / 2 ** 20 : undefined;
    const heapText = measureHeap ? `heap ${(start / 2 ** 20).toFixed(1)} → ${(end / 2 ** 20).toFixed(1)} MiB (${grownMiB!.toFixed(2)} MiB), ` : '';
    console.log(`long run (${engine}): ${stored} uploads, ${heapText}object URLs ${urls.made.size} made / ${urls.revoked.size} revoked`);
    const rowsLeft = el.items.length;
    const windowAfterUploads = onWindow.live.size;

    el.remove(); // leaving the page: its window/document listeners must go too
    await nextTask();
    return {
      stored,
      rowsLeft,
      windowAtStart,
      windowAfterUploads,
      windowAfterRemoval: [...onWindow.live],
      documentAfterRemoval: [...onDocument.live],
      unrevoked: [...urls.made].filter((u) => !urls.revoked.has(u)),
      thumbnails,
      grownMiB,
    };
  } finally {
    urls.restore();
    onWindow.restore();
    onDocument.restore();
  }
}

describe('<deeplake-uploader> long run', function () {
  this.timeout(240_000);

  // One run for all the checks below (about 2,000 uploads); the heap is measured where the
  // engine can force a collection and read the heap's size: Chromium, started with
  // --js-flags=--expose-gc and --enable-precise-memory-info (web-test-runner.config.mjs).
  let run: RunResult;
  before(async function () {
    this.timeout(240_000);
    if (engine === 'chromium') expect(typeof (window as unknown as { gc?: unknown }).gc, 'run with --js-flags=--expose-gc').to.equal('function');
    run = await longRun(engine === 'chromium');
  });

  it('stores 2,000 uploads and removes every row', () => {
    expect(run.stored, 'every file reported stored').to.equal(BATCHES * PER_BATCH);
    expect(run.rowsLeft, 'every row was removed').to.equal(0);
  });

  it('leaves no window or document listeners behind, while uploading or after removal', () => {
    expect(run.windowAfterUploads, 'no window listener piled up while uploading').to.equal(run.windowAtStart);
    expect(run.windowAfterRemoval, 'window listeners left after removal').to.deep.equal([]);
    expect(run.documentAfterRemoval, 'document listeners left after removal').to.deep.equal([]);
  });

  it('revokes every object URL it made (thumbnails are data: URLs and make none)', () => {
    expect(run.thumbnails, 'a row showed its thumbnail').to.be.above(0);
    expect(run.unrevoked, 'object URLs never revoked').to.deep.equal([]);
  });

  itIn(['chromium'], 'window.gc and performance.memory are Chromium-only', 'brings the JS heap back near where it started', () => {
    expect(run.grownMiB, 'heap back near its start').to.be.below(4);
  });
});
