/**
 * When `<deeplake-uploader>` renders while uploads run. Hundreds of small files finishing
 * would otherwise re-render the list, and lay it out and paint it, for each of them, and
 * keep the main thread from starting the next request. So the queue's own changes render
 * at most once per `busyRenderInterval(rows)`; a batch's first render, and any render asked
 * for as urgent (a person's action, a property the page sets), is not held.
 */

/**
 * How long renders are held while uploads run: about 1 ms per row, from 200 ms (bars step
 * five times a second, as a browser's own downloads do) to 500 ms (as Uppy holds its
 * progress). A longer list costs more per render and changes more rows between two, and
 * in a list of hundreds a person follows the total, not each row: in a 500-file batch
 * (bench case 3), 500 ms with 200 new rows per frame (progressive-rows.ts) took ~4 % less
 * time than 200 ms with 100 (two 15-round A/B runs, faster in 11 of 15 rounds each).
 */
export const busyRenderInterval = (rows: number): number => Math.min(500, Math.max(200, rows));

export class RenderPacer {
  /** When the last render while busy happened; 0 after an idle render, so a batch's first is not held. */
  #lastBusyRender = 0;
  /** Ends a held render early. */
  #wake: (() => void) | undefined;
  #urgent = false;

  constructor(
    private readonly busy: () => boolean,
    /** The rows in the list: how long renders are held (busyRenderInterval). */
    private readonly rows: () => number,
  ) {}

  /** The next render answers a person: not held, and one already held ends now. */
  urgent(): void {
    this.#urgent = true;
    this.#wake?.();
  }

  /** Nothing runs any more: a held render ends now. */
  idle(): void {
    this.#wake?.();
  }

  /** Resolves when the pending render may go ahead (the element's `scheduleUpdate()`). */
  async pace(): Promise<void> {
    const wait = this.busy() && !this.#urgent ? this.#lastBusyRender + busyRenderInterval(this.rows()) - performance.now() : 0;
    if (wait > 0) {
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        setTimeout(resolve, wait);
      });
    }
    this.#wake = undefined;
    this.#urgent = false;
    this.#lastBusyRender = this.busy() ? performance.now() : 0;
  }
}
