/**
 * Work over many files in slices that give the event loop back between them, so a drop
 * of 10,000 files never holds the page for long: each slice runs for about SLICE_MS, then
 * input, rendering and timers get their turn before the next one.
 */

/** How long one slice may run before it yields. */
export const SLICE_MS = 8;

/**
 * Resolves in a later task: a MessageChannel message, queued behind whatever else is
 * waiting (input, timers, other messages), without setTimeout's 4 ms nesting clamp or its
 * throttling. Not `scheduler.yield()`: its continuation goes ahead of other queued tasks,
 * so back-to-back slices would still starve the page's own timers and messages.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Calls `step(i)` for every i below `count`, in slices of about `budgetMs`; the first
 * slice runs before this returns (in the caller's task). Resolves after the last step.
 * `stop()` returning true ends the run early.
 */
export async function inSlices(count: number, step: (i: number) => void, budgetMs = SLICE_MS, stop?: () => boolean): Promise<void> {
  let i = 0;
  while (i < count) {
    const end = performance.now() + budgetMs;
    do step(i++);
    while (i < count && performance.now() < end);
    if (i < count) {
      await nextTask();
      if (stop?.()) return;
    }
  }
}
