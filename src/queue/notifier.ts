/**
 * Batches the queue's events. Changes are announced after the method or callback that
 * made them has finished (so a listener never sees, or re-enters, a half-done change):
 * in the same microtask when the queue is quiet or the last batch is ~16 ms old, else
 * with the next batch. While uploads run, a batch of small files changes state
 * thousands of times a second; one `change` per ~16 ms (not one per step of each file)
 * spares every listener that work. Timers, not requestAnimationFrame, so the queue also
 * works in a worker or in Node.
 */
import type { UploadQueueEventDetail, UploadQueueEventName } from './events.js';
import type { UploadItem } from './types.js';

/** Roughly one animation frame. */
export const BATCH_INTERVAL_MS = 16;

type Outcome = 'success' | 'error';

export interface NotifierSource {
  readonly items: readonly UploadItem[];
  get(id: string): UploadItem | undefined;
  /** True while something started is still queued or uploading. */
  readonly busy: boolean;
}

export class Notifier {
  #changed = false;
  readonly #progress = new Set<string>();
  /** Outcomes (`success`, `error`) for the next flush, in order. */
  #outbox: Array<[Outcome, UploadQueueEventDetail[Outcome]]> = [];
  #finished = false;
  #microtask = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastFlush = -Infinity;

  constructor(
    private readonly target: EventTarget,
    private readonly source: NotifierSource,
  ) {}

  /** The list or a record changed by a call (a person's action, the page's): told in this microtask. */
  changed(): void {
    this.#changed = true;
    this.#soon();
  }

  /** A running upload changed its record: told in this microtask, or with the next batch (see #schedule). */
  ran(): void {
    this.#changed = true;
    this.#schedule();
  }

  /** The bytes of `id` moved: `change` and `progress` for `id`, as `ran()`, or in this microtask when `now`. */
  progressed(id: string, now = false): void {
    this.#changed = true;
    this.#progress.add(id);
    if (now) this.#soon();
    else this.#schedule();
  }

  /**
   * This microtask when nothing runs (a person's action on a quiet queue, the change that
   * ends a batch) or when the last batch is already BATCH_INTERVAL_MS old; else a
   * timer. The age rule keeps events flowing where timers are throttled (a background
   * tab, a page the browser thinks hidden): upload events still arrive there.
   */
  #schedule(): void {
    if (this.#microtask) return;
    if (!this.source.busy || performance.now() - this.#lastFlush >= BATCH_INTERVAL_MS) this.#soon();
    else this.#timer ??= setTimeout(() => this.#flush(), BATCH_INTERVAL_MS);
  }

  /** Forgets that items finished (after `reset()`, a `complete` would describe nothing). */
  forgetFinished(): void {
    this.#finished = false;
  }

  /** An item's outcome: its event goes out with the next batch, after that batch's `change`. */
  finished<K extends Outcome>(name: K, detail: UploadQueueEventDetail[K]): void {
    this.#finished = true;
    this.#outbox.push([name, detail]);
    this.ran();
  }

  #soon(): void {
    if (this.#microtask) return;
    this.#microtask = true;
    queueMicrotask(() => this.#flush());
  }

  #dispatch<K extends UploadQueueEventName>(name: K, detail: UploadQueueEventDetail[K]): void {
    this.target.dispatchEvent(new CustomEvent(name, { detail }));
  }

  #flush(): void {
    // Reset first: a listener that changes the queue schedules the next batch.
    this.#lastFlush = performance.now();
    this.#microtask = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#changed) {
      this.#changed = false;
      this.#dispatch('change', { items: this.source.items });
    }
    const ids = [...this.#progress];
    this.#progress.clear();
    for (const id of ids) {
      const item = this.source.get(id);
      if (item) this.#dispatch('progress', { item });
    }
    const outbox = this.#outbox;
    this.#outbox = [];
    for (const [name, detail] of outbox) this.#dispatch(name, detail);
    if (this.#finished && !this.source.busy) {
      this.#finished = false;
      this.#dispatch('complete', { items: this.source.items });
    }
  }
}
