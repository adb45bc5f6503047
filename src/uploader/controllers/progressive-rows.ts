/**
 * How many of the list's rows a render of `<deeplake-uploader>` creates. Rows already on
 * the page stay; new rows join at most ROWS_PER_FRAME per render, the rest in the next
 * frames. Creating 500 rows at once held the main thread for ~50 ms, and the uploads
 * that had just started with it waited that long for their answers to be read; 1,000
 * files dropped at once waited ~100 ms for anything to show. Every row is on the page a
 * few frames later (all of them at once when the queue goes idle, for a complete list).
 * The first render of a batch makes FIRST_ROWS, so something shows soon; the next ones
 * make ROWS_PER_FRAME each: fewer frames, each of which costs layout, paint and raster
 * whatever its rows (see render-pacer.ts for what that saved).
 */
export const FIRST_ROWS = 100;
export const ROWS_PER_FRAME = 200;

export class ProgressiveRows {
  /** Rows the last render showed. */
  #shown = 0;
  #frame = 0;
  /** Rows were left out of the last render: the next renders add ROWS_PER_FRAME each. */
  #catchingUp = false;

  constructor(private readonly nextFrame: () => void) {}

  /** The rows this render shows: the first ones of `items`; asks for a next frame when some wait. */
  take<T>(items: readonly T[]): readonly T[] {
    this.#shown = Math.min(items.length, this.#shown + (this.#catchingUp ? ROWS_PER_FRAME : FIRST_ROWS));
    this.#catchingUp = this.#shown < items.length;
    if (!this.#catchingUp) return items;
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      this.nextFrame();
    });
    return items.slice(0, this.#shown);
  }

  /** The next render shows every row. */
  all(): void {
    this.#shown = Number.MAX_SAFE_INTEGER;
  }
}
