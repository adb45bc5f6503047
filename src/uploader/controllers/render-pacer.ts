/**
 * When `<deeplake-uploader>` renders its list, and how much of it, while uploads run: one
 * job, since both answer what hundreds of files cost the main thread.
 *
 * When: hundreds of small files finishing would otherwise re-render the list, and lay it
 * out and paint it, for each of them, and keep the main thread from starting the next
 * request. So the queue's own changes render at most once per `busyRenderInterval(rows)`;
 * a batch's first render, and any render asked for as urgent (a person's action, a
 * property the page sets), is not held.
 *
 * How much: rows already on the page stay; new rows join at most ROWS_PER_FRAME per
 * render, the rest in the next frames, so no one render holds the main thread while the
 * first uploads' answers wait. Every row is on the page a few frames later (all of them at
 * once when the queue goes idle, for a complete list). The first render of a batch makes
 * FIRST_ROWS, so something shows soon. The measurements behind both numbers:
 * docs/ARCHITECTURE.md, "Uploader" (held renders, rows over a few frames).
 */
import type { ReactiveControllerHost } from 'lit';
import type { UploadQueue } from '../../queue/index.js';

/**
 * How long renders are held while uploads run: about 1 ms per row, from 200 ms (bars step
 * five times a second, as a browser's own downloads do) to 500 ms (as Uppy holds its
 * progress). A longer list costs more per render and changes more rows between two, and
 * in a list of hundreds a person follows the total, not each row.
 */
export const busyRenderInterval = (rows: number): number => Math.min(500, Math.max(200, rows));

export const FIRST_ROWS = 100;
export const ROWS_PER_FRAME = 200;

export class RenderPacer {
  /** When the last render while busy happened; 0 after an idle render, so a batch's first is not held. */
  #lastBusyRender = 0;
  /** Ends a held render early. */
  #wake: (() => void) | undefined;
  #urgent = false;
  /** Rows the last render showed. */
  #shown = 0;
  #frame = 0;
  /** Rows were left out of the last render: the next renders add ROWS_PER_FRAME each. */
  #catchingUp = false;

  constructor(
    /** Rendered again in the next frame while rows wait to be shown. */
    private readonly host: ReactiveControllerHost,
    /** Whether uploads run, and its rows: how long renders are held (busyRenderInterval). */
    private readonly queue: Pick<UploadQueue, 'busy' | 'items'>,
  ) {}

  /** The next render answers a person: not held, and one already held ends now. */
  urgent(): void {
    this.#urgent = true;
    this.#wake?.();
  }

  /** Nothing runs any more: a held render ends now, and it shows every row. */
  idle(): void {
    this.#wake?.();
    // Not for an empty list: the next render with rows would then make a whole new batch at once.
    if (this.queue.items.length) this.#shown = Number.MAX_SAFE_INTEGER;
  }

  /** Resolves when the pending render may go ahead (the element's `scheduleUpdate()`). */
  async pace(): Promise<void> {
    const wait = this.queue.busy && !this.#urgent ? this.#lastBusyRender + busyRenderInterval(this.queue.items.length) - performance.now() : 0;
    if (wait > 0) {
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        setTimeout(resolve, wait);
      });
    }
    this.#wake = undefined;
    this.#urgent = false;
    this.#lastBusyRender = this.queue.busy ? performance.now() : 0;
  }

  /** The rows this render shows: the first ones of `items`; asks for a next frame when some wait. */
  take<T>(items: readonly T[]): readonly T[] {
    this.#shown = Math.min(items.length, this.#shown + (this.#catchingUp ? ROWS_PER_FRAME : FIRST_ROWS));
    this.#catchingUp = this.#shown < items.length;
    if (!this.#catchingUp) return items;
    if (!this.#frame) {
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.urgent(); // rows still to show are not held like progress
        this.host.requestUpdate();
      });
    }
    return items.slice(0, this.#shown);
  }
}
