/**
 * Upload speed as an exponentially weighted moving average over time, and the ETA it
 * gives. Browsers fire upload progress irregularly and often report a burst that only
 * filled a socket buffer. So samples closer together than a window are pooled; each
 * window's rate enters the average as the median of the last three windows (one burst,
 * or one hiccup, is dropped, while a real change shows after two windows); and each
 * window weighs by how long it lasted (a 250 ms window moves a 3 s average by ~8 %).
 */

/** Time constant of the average: older windows fade by 1/e every this many ms. */
export const SPEED_TIME_CONSTANT_MS = 3000;
/** Samples closer than this are pooled into the next window. */
export const SPEED_MIN_WINDOW_MS = 200;

export class SpeedMeter {
  #rate = 0;
  #known = false;
  #at: number;
  #loaded: number;
  /** Rates of the last three windows, oldest first. */
  readonly #recent: number[] = [];

  /** Starts measuring from `loaded` bytes at time `now` (ms, e.g. `performance.now()`). */
  constructor(loaded: number, now: number) {
    this.#loaded = loaded;
    this.#at = now;
  }

  /** Adds a progress sample: `loaded` bytes in total at time `now`. */
  sample(loaded: number, now: number): void {
    const dt = now - this.#at;
    if (dt < SPEED_MIN_WINDOW_MS) return; // pooled: these bytes count in the next window
    this.#recent.push((Math.max(0, loaded - this.#loaded) * 1000) / dt);
    if (this.#recent.length > 3) this.#recent.shift();
    const rate = this.#recent.length === 3 ? [...this.#recent].sort((a, b) => a - b)[1]! : this.#recent.at(-1)!;
    if (this.#known) {
      const weight = 1 - Math.exp(-dt / SPEED_TIME_CONSTANT_MS);
      this.#rate += weight * (rate - this.#rate);
    } else {
      // The first full window seeds the average: nothing better is known yet.
      this.#rate = rate;
      this.#known = true;
    }
    this.#at = now;
    this.#loaded = loaded;
  }

  /** Smoothed bytes per second; 0 until a full window has been measured. */
  get bytesPerSecond(): number {
    return this.#known ? this.#rate : 0;
  }

  /** Seconds to send `remaining` bytes at the smoothed speed; undefined while unknown. */
  secondsLeft(remaining: number): number | undefined {
    if (remaining <= 0) return 0;
    return this.#known && this.#rate > 0 ? remaining / this.#rate : undefined;
  }
}
