/**
 * UploadQueue: the upload logic behind `<deeplake-uploader>`, as a plain EventTarget with
 * no DOM. It holds immutable item records, runs at most `concurrency` uploads through the
 * client, and maps user intents (cancel, pause, retry, …) onto aborts and re-queues.
 *
 * @fires change - `{ items }` after any change of the list or of a record (progress batched)
 * @fires progress - `{ item }` after an item's bytes moved (batched)
 * @fires success - `{ item, info }` when an item is stored
 * @fires error - `{ item, error }` when an item failed for good, after the client's retries
 * @fires complete - `{ items }` when nothing started is left and something finished since the last one
 */
import { DeepLakeError, type DeepLakeClient, type TusOptions } from '../client/index.js';
import type { UploadQueueEventMap } from './events.js';
import { IDLE, ItemList, newItem, storedItem, type ItemPatch } from './items.js';
import { Notifier } from './notifier.js';
import { send, type ChangeKind } from './send.js';
import { computeTotals } from './totals.js';
import type { Prepare, UploadItem, UploadQueueOptions, UploadSource, UploadStatus, UploadTotals } from './types.js';
import type { Placeholders } from './placeholders.js';

type Listener<K extends keyof UploadQueueEventMap> = (this: UploadQueue, event: UploadQueueEventMap[K]) => unknown;

export interface UploadQueue {
  addEventListener<K extends keyof UploadQueueEventMap>(type: K, listener: Listener<K>, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof UploadQueueEventMap>(type: K, listener: Listener<K>, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

const count = (value: number | undefined, fallback: number, min: number, what: string): number => {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min) throw new RangeError(`UploadQueue: \`${what}\` must be an integer >= ${min}`);
  return n;
};

/** A running upload's own steps: told with the next batch (see #patch). */
const RAN: ChangeKind = {};

export class UploadQueue extends EventTarget {
  readonly #list = new ItemList();
  readonly #getClient: () => DeepLakeClient;
  /** Ids released to run: queued ones wait only for a slot. Kept across cancel/pause, for retry/resume. */
  readonly #started = new Set<string>();
  /**
   * One controller per upload request (an item may have several over its life: pause,
   * retry). Requests not settled yet, aborted or not, are what the concurrency cap counts.
   */
  readonly #inflight = new Set<AbortController>();
  /** The request whose answers still count, per item; an aborted one is removed at once. */
  readonly #current = new Map<string, AbortController>();
  readonly #notifier: Notifier = new Notifier(this, this);
  #concurrency: number;
  #autoStart: boolean;
  #retries: number;
  /** Upload over tus (resumable) with these options; undefined = multipart. Read as each upload starts. */
  tus: TusOptions | undefined;
  /** Passed to the client per upload: bytes that stop moving for this long end an attempt; undefined = the client's default. */
  stallTimeoutMs: number | undefined;
  /** Makes the file to send before an item's first upload (an image resized); read as each upload starts. */
  prepare: Prepare | undefined;
  /** Items whose upload waits for the network. */
  readonly #offline = new Set<string>();
  /** 'interrupted' and restored rows (placeholders.ts), once loaded; #loadPlaceholders() loads them. */
  #placeholders: Placeholders | undefined;
  #placeholdersLoad: Promise<Placeholders> | undefined;

  constructor(options: UploadQueueOptions) {
    super();
    const { client } = options;
    if (!client) throw new TypeError('UploadQueue: `client` is required');
    this.#getClient = typeof client === 'function' ? client : () => client;
    this.#concurrency = count(options.concurrency, 3, 1, 'concurrency');
    this.#retries = count(options.retries, 3, 0, 'retries');
    this.#autoStart = options.autoStart ?? true;
    this.tus = options.tus;
    this.stallTimeoutMs = options.stallTimeoutMs;
    this.prepare = options.prepare;
  }

  /** At most this many uploads in flight; raising it starts waiting items at once. */
  get concurrency(): number {
    return this.#concurrency;
  }
  set concurrency(value: number) {
    this.#concurrency = count(value, 3, 1, 'concurrency');
    this.#pump();
  }

  /** Passed to the client per upload as `retry: { retries }`: a whole number, 0 or more (else a RangeError, as `concurrency`). */
  get retries(): number {
    return this.#retries;
  }
  set retries(value: number) {
    this.#retries = count(value, 3, 0, 'retries');
  }

  /** False = manual mode; switching it on starts the items that were waiting for `start()`. */
  get autoStart(): boolean {
    return this.#autoStart;
  }
  set autoStart(value: boolean) {
    this.#autoStart = value;
    if (value) this.start();
  }

  /** Whether uploads wait for the network (the browser is offline): a page may show its own banner (or listen to `network`). */
  get waitingForNetwork(): boolean {
    return this.#offline.size > 0;
  }

  #waitForNetwork(id: string, waiting: boolean): void {
    const was = this.#offline.size > 0;
    if (waiting) this.#offline.add(id);
    else this.#offline.delete(id);
    if (was !== this.#offline.size > 0) this.dispatchEvent(new CustomEvent('network', { detail: { waiting: !was } }));
  }

  get items(): readonly UploadItem[] {
    return this.#list.items;
  }

  get(id: string): UploadItem | undefined {
    return this.#list.get(id);
  }

  /** The stored files' UUIDs (done items), in list order: the same frozen array while they stay the same (see ItemList.fileIds). */
  get fileIds(): readonly string[] {
    return this.#list.fileIds;
  }

  /**
   * Worked out once per version of the list (and again after `start()`, which changes what
   * waits without changing a record), frozen: read for every `progress` event of a batch, a
   * fresh pass over the whole list each time made a batch quadratic.
   */
  get totals(): UploadTotals {
    const version = this.#list.version;
    if (version !== this.#totalsOf) {
      this.#totalsOf = version;
      this.#totals = Object.freeze(computeTotals(this.#list.records, (item) => this.#started.has(item.id)));
    }
    return this.#totals!;
  }
  #totalsOf = -1;
  #totals: UploadTotals | undefined;

  /** Whether an item is uploading or queued and started: what a leave-page guard or a form validity check needs. */
  get busy(): boolean {
    // A request whose answer still counts means an item is uploading: no scan of the list
    // (read on every change of a batch of hundreds of files).
    if (this.#current.size > 0) return true;
    return this.#list.records.some((i) => i.status === 'uploading' || (i.status === 'queued' && this.#started.has(i.id)));
  }

  /**
   * The items once nothing started is left to upload: at once when nothing is (see `busy`),
   * else at the next `complete` (what a form waits for before it posts the ids).
   */
  settled(): Promise<readonly UploadItem[]> {
    return this.busy ? new Promise((resolve) => this.addEventListener('complete', (e) => resolve(e.detail.items), { once: true })) : Promise.resolve(this.items);
  }

  /**
   * Adds `files` in place of the list, as `<input type=file>` replaces its choice (a
   * single-file field). 'interrupted' rows stay: removing one would discard its upload on
   * the server, which the same file chosen again resumes.
   */
  replace(files: Iterable<UploadSource>): UploadItem[] {
    for (const item of [...this.#list.records]) if (item.status !== 'interrupted') this.remove(item.id);
    return this.add(files);
  }

  /** Adds new 'queued' items (the same file twice gives two items); starts them unless manual. */
  add(files: Iterable<UploadSource>): UploadItem[] {
    const added = Array.from(files, newItem);
    for (const item of added) {
      this.#list.add(item);
      if (this.#autoStart) this.#started.add(item.id);
      this.#placeholders?.claim(item); // none before the first listing
    }
    if (added.length) this.#notifier.changed();
    this.#pump();
    return added;
  }

  /**
   * Adds files already stored (known by UUID only) as 'done' items, e.g. a form's value
   * restored on back/forward. They are in `items` and `fileIds` at once; their names and
   * sizes come when the client's `info` answers (a failed lookup leaves the UUID shown, as
   * does a failed load of placeholders.ts, which describes them).
   */
  restore(fileIds: Iterable<string>): UploadItem[] {
    const added = Array.from(fileIds, storedItem);
    for (const item of added) this.#list.add(item);
    if (added.length) this.#notifier.changed();
    for (const item of added) {
      Promise.all([this.#loadPlaceholders(), Promise.resolve().then(() => this.#getClient().info(item.fileId!))])
        .then(([rows, info]) => rows.describe(item.id, info) && this.#notifier.changed())
        .catch(() => undefined);
    }
    return added;
  }

  /** tus: adds uploads a reload or a crash cut off as 'interrupted' rows (see placeholders.ts). */
  async listUnfinished(): Promise<UploadItem[]> {
    const { tus } = this;
    if (!tus) return [];
    // The list (tus-js-client's chunk) and the rows' module load side by side.
    const entries = this.#getClient().unfinishedUploads(tus);
    const [rows, list] = await Promise.all([this.#loadPlaceholders(), entries]);
    const added = rows.addUnfinished(list);
    if (added.length) this.#notifier.changed();
    return added;
  }

  /** placeholders.ts, loaded once (again after a failed load: offline, or a chunk gone after a deploy). */
  #loadPlaceholders(): Promise<Placeholders> {
    return (this.#placeholdersLoad ??= import('./placeholders.js').then(
      ({ Placeholders }) => (this.#placeholders = new Placeholders(this.#list, this.#getClient, newItem)),
      (error: unknown) => {
        this.#placeholdersLoad = undefined;
        throw error;
      },
    ));
  }

  /**
   * tus: ends on the server what a removed item left there. placeholders.ts does that, at
   * once when loaded (a row's entry goes before another add() could claim it); before, no
   * row is 'interrupted', and the module loads to discard a queued, paused or failed upload.
   */
  #discard(item: UploadItem): void {
    const { tus } = this;
    if (this.#placeholders) this.#placeholders.discard(item, tus);
    else if (tus)
      this.#loadPlaceholders().then(
        (rows) => rows.discard(item, tus),
        () => undefined,
      );
  }

  /** Starts every queued item (manual mode). */
  start(): void {
    this.#waitingFrom = 0;
    this.#totalsOf = -1; // files it releases count in `totals` even while no record changes
    for (const item of this.#select(undefined, ['queued'])) this.#started.add(item.id);
    this.#pump();
  }

  /** queued/uploading/paused -> 'canceled', aborting the request; no id = all. */
  cancel(id?: string): void {
    for (const item of this.#select(id, ['queued', 'uploading', 'paused'])) this.#stop(item.id, 'canceled');
    this.#pump();
  }

  /** error/canceled -> 'queued', started again if it was started before or autoStart is on; no id = all failed. */
  retry(id?: string): void {
    this.#waitingFrom = 0;
    for (const item of this.#select(id, id === undefined ? ['error'] : ['error', 'canceled'])) {
      if (this.#autoStart) this.#started.add(item.id);
      this.#patch(item.id, { ...IDLE, status: 'queued', loaded: 0, error: undefined });
    }
    this.#pump();
  }

  /** queued/uploading -> 'paused'. tus keeps the server's bytes; XHR cannot resume: the bytes are sent again. */
  pause(id?: string): void {
    for (const item of this.#select(id, ['queued', 'uploading'])) this.#stop(item.id, 'paused', this.tus ? {} : { loaded: 0 }, 'pause');
    this.#pump();
  }

  /** paused -> 'queued' (running again at once if it had been started). */
  resume(id?: string): void {
    this.#waitingFrom = 0;
    for (const item of this.#select(id, ['paused'])) this.#patch(item.id, { status: 'queued' });
    this.#pump();
  }

  /** Drops the item, aborting its request if one runs (tus: its partial upload is discarded). The stored file, if any, stays stored. */
  remove(id: string): void {
    const item = this.get(id);
    if (item) this.#discard(item);
    this.#abort(id);
    this.#started.delete(id);
    if (this.#list.delete(id)) this.#notifier.changed();
    this.#pump();
  }

  /** Aborts everything and clears the list. */
  reset(): void {
    for (const item of this.items) this.#discard(item);
    for (const id of [...this.#current.keys()]) this.#abort(id);
    this.#started.clear();
    this.#list.clear();
    this.#notifier.forgetFinished();
    this.#notifier.changed();
  }

  #select(id: string | undefined, from: readonly UploadStatus[]): UploadItem[] {
    const pool = id === undefined ? this.items : [this.get(id)];
    return pool.filter((item): item is UploadItem => !!item && from.includes(item.status));
  }

  /**
   * Replaces the record and tells listeners. `how.now`: at once (a call's change, or a
   * step a person must see, such as a retry); otherwise with the next batch (a running
   * upload's). `how.progress`: the bytes moved (a `progress` event for the item too).
   */
  #patch(id: string, patch: ItemPatch, how: ChangeKind = { now: true }): UploadItem | undefined {
    const item = this.#list.update(id, patch);
    if (!item) return item;
    if (how.progress) this.#notifier.progressed(id, how.now);
    else if (how.now) this.#notifier.changed();
    else this.#notifier.ran();
    return item;
  }

  /** `reason` 'pause' keeps a tus upload on the server; any other ends it there. */
  #abort(id: string, reason: unknown = new DeepLakeError('aborted', 'The upload was stopped')): void {
    const run = this.#current.get(id);
    this.#current.delete(id);
    // The request stays in #inflight until its promise settles: the cap counts it until then.
    run?.abort(reason);
  }

  #stop(id: string, status: 'canceled' | 'paused', patch: ItemPatch = {}, reason?: string): void {
    this.#abort(id, reason);
    this.#patch(id, { ...IDLE, ...patch, status });
  }

  /**
   * Starts started queued items, in list order, while slots are free. It reads from
   * #waitingFrom on: called after every finished upload, a scan from the top would make a
   * batch quadratic (500 files: 125,000 records read).
   */
  #pump(): void {
    const records = this.#list.records;
    if (this.#waitingAfterRemovals !== this.#list.removals) {
      this.#waitingAfterRemovals = this.#list.removals;
      this.#waitingFrom = 0;
    }
    for (let i = this.#waitingFrom; i < records.length; i++) {
      const item = records[i]!;
      if (item.status === 'queued' && this.#started.has(item.id) && !this.#current.has(item.id)) {
        if (this.#inflight.size >= this.#concurrency) return;
        void this.#run(item); // 'uploading' before it returns
      }
      if (i === this.#waitingFrom) this.#waitingFrom = i + 1;
    }
  }

  /**
   * No record before this index waits to run. Only an append, a call that makes an
   * earlier record wait (start, retry, resume: they set it back to 0), or a removal from
   * the list (records move: #pump starts over) changes that.
   */
  #waitingFrom = 0;
  #waitingAfterRemovals = 0;

  /**
   * The 'optimizing' step: the record takes the prepared file (its size as `total`, its
   * name in `relativePath`), once. A failed step sends the original, with its reason.
   */
  async #prepare(item: UploadItem, signal: AbortSignal, live: () => boolean): Promise<UploadItem | undefined> {
    const { id, file } = item;
    const step = this.prepare?.(item, (optimizing) => live() && this.#patch(id, { optimizing }, RAN), signal);
    if (!step) return;
    this.#patch(id, { phase: 'optimizing', optimizing: 0 }, RAN);
    const made = await step.catch((error: unknown) => {
      if (signal.aborted) throw error;
      return { file, note: 'failed' };
    });
    const patch = {
      file: made.file,
      total: made.file.size,
      relativePath: item.relativePath.replace(/[^/]*$/, made.file.name),
      phase: 'sending',
      prepared: { originalSize: file.size, note: made.note },
    };
    return live() ? this.#patch(id, patch as ItemPatch, RAN) : undefined;
  }

  async #run(item: UploadItem): Promise<void> {
    const { id } = item;
    const run = new AbortController();
    this.#inflight.add(run);
    this.#current.set(id, run);
    const live = () => this.#current.get(id) === run;
    // tus continues where the server stopped: the bar stays until the server's offset is known.
    this.#patch(id, { ...IDLE, status: 'uploading', phase: 'sending', loaded: this.tus ? item.loaded : 0, resumedFrom: undefined, error: undefined }, RAN);
    try {
      if (!item.prepared) item = (await this.#prepare(item, run.signal, live)) ?? item;
      if (!live()) return;
      const info = await send(this.#getClient, item, {
        retries: this.retries,
        tus: this.tus,
        stallTimeoutMs: this.stallTimeoutMs,
        offline: (waiting) => live() && this.#waitForNetwork(id, waiting),
        signal: run.signal,
        update: (patch, how) => {
          if (live()) this.#patch(id, patch, how);
        },
      });
      if (!live()) return;
      this.#current.delete(id);
      const done = this.#patch(id, { ...IDLE, status: 'done', loaded: item.total, error: undefined, fileId: info.id, info }, RAN);
      if (done) this.#notifier.finished('success', { item: done, info });
    } catch (error) {
      if (!live()) return;
      this.#current.delete(id);
      const failed = this.#patch(id, { ...IDLE, status: 'error', error: error as DeepLakeError }, RAN);
      if (failed) this.#notifier.finished('error', { item: failed, error: error as DeepLakeError });
    } finally {
      this.#waitForNetwork(id, false);
      this.#inflight.delete(run);
      this.#pump();
    }
  }
}
