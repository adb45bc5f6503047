/**
 * When `<deeplake-uploader>` renders while uploads run. Hundreds of small files finishing
 * would otherwise re-render the list, and lay it out and paint it, for each of them, and
 * keep the main thread from starting the next request. So the queue's own changes render
 * at most once per BUSY_RENDER_INTERVAL_MS (bars step five times a second, as
 * progress shown by a browser's own downloads does); a batch's first render, and any render asked for as urgent (a person's
 * action, a property the page sets), is not held.
 */
export const BUSY_RENDER_INTERVAL_MS = 200;

export class RenderPacer {
  /** When the last render while busy happened; 0 after an idle render, so a batch's first is not held. */
  #lastBusyRender = 0;
  /** Ends a held render early. */
  #wake: (() => void) | undefined;
  #urgent = false;

  constructor(private readonly busy: () => boolean) {}

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
    const wait = this.busy() && !this.#urgent ? this.#lastBusyRender + BUSY_RENDER_INTERVAL_MS - performance.now() : 0;
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
