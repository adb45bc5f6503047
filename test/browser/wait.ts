/**
 * Waiting in the browser tests, in one place: on an event (`when`), on a condition polled
 * until it holds (`until`), on the next task (`nextTask`), and, only where nothing can
 * be waited for, on quiet (`quietFor`). No test waits a fixed time for something to
 * happen: on a loaded machine (CI shares 2 cores) any fixed time can be too short. Every
 * wait has a timeout sized for that machine and says what it waited for when it fails.
 */
import type { UploadQueue, UploadQueueEventDetail } from '../../src/queue/index.js';

/** The detail of a CustomEvent type (`undefined` for a plain Event such as `invalid`). */
type DetailOf<E> = E extends CustomEvent<infer D> ? D : undefined;

/**
 * Resolves with the detail of the next `name` event on `target` that `accept`s; rejects
 * after `timeoutMs`. Typed by the queue's events on an `UploadQueue`, by the elements'
 * (`HTMLElementEventMap`, which both elements extend) on an element.
 */
export function when<K extends keyof UploadQueueEventDetail>(
  target: UploadQueue,
  name: K,
  accept?: (detail: UploadQueueEventDetail[K]) => boolean,
  timeoutMs?: number,
): Promise<UploadQueueEventDetail[K]>;
export function when<K extends keyof HTMLElementEventMap>(
  target: EventTarget,
  name: K,
  accept?: (detail: DetailOf<HTMLElementEventMap[K]>) => boolean,
  timeoutMs?: number,
): Promise<DetailOf<HTMLElementEventMap[K]>>;
export function when(target: EventTarget, name: string, accept: (detail: unknown) => boolean = () => true, timeoutMs = 20_000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const listener = (event: Event) => {
      const { detail } = event as CustomEvent<unknown>;
      if (!accept(detail)) return;
      off();
      resolve(detail);
    };
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for a matching "${name}" event`));
    }, timeoutMs);
    const off = () => {
      clearTimeout(timer);
      target.removeEventListener(name, listener);
    };
    target.addEventListener(name, listener);
  });
}

/**
 * Polls `check` (every 25 ms, awaited) until it returns something truthy, and resolves
 * with that; rejects after `timeoutMs`, naming `what` it waited for. For states no event
 * announces: a DOM state, the emulator's request log, a count reached.
 */
export async function until<T>(check: () => T | Promise<T>, what: string, timeoutMs = 20_000): Promise<Exclude<T, false | '' | 0 | null | undefined>> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, false | '' | 0 | null | undefined>;
    if (performance.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * One task later: every microtask queued before has run (promise callbacks, the queue's
 * per-microtask announcements, `queueMicrotask`). An ordering step, not a time.
 */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * An absence check's wait: nothing may happen for `ms`. Only where no event, DOM state or
 * later request can show that the thing did not happen (say why in `reason`, which a
 * reader of the test sees here and nowhere else); prefer waiting for something that
 * comes after it. On a loaded machine the window only gets weaker, never flaky.
 */
export function quietFor(ms: number, reason: string): Promise<void> {
  void reason;
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}
