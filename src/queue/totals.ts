/** Byte-weighted totals of a queue's items. */
import type { UploadItem, UploadTotals } from './types.js';

/** Whether an item counts in the batch: 'error', 'canceled' and 'interrupted' ones left it. The one home of that rule. */
export const isKept = (item: UploadItem): boolean => item.status !== 'error' && item.status !== 'canceled' && item.status !== 'interrupted';

// While some kept item is not done, the fraction stays below 1 even when every byte has
// left (the server may still refuse the last file): `fraction === 1` means all done.
const BELOW_DONE = 0.999;

/** Totals over `items` (read per progress event: an indexed loop, no per-element allocation); `started(item)` tells a queued item waiting for a slot from one waiting for `start()`. */
export function computeTotals(items: readonly UploadItem[], started: (item: UploadItem) => boolean): UploadTotals {
  let loaded = 0;
  let total = 0;
  let kept = 0;
  let done = 0;
  let failed = 0;
  let queued = 0;
  let active = 0;
  let bytesPerSecond = 0;
  let remaining = 0; // bytes still to send for items that are running or will run on their own
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.status === 'error') failed++;
    if (!isKept(item)) continue;
    kept++;
    total += item.total;
    if (item.status === 'done') {
      done++;
      loaded += item.total;
      continue;
    }
    loaded += item.loaded;
    if (item.status === 'uploading') {
      active++;
      bytesPerSecond += item.bytesPerSecond;
      remaining += item.total - item.loaded;
    } else if (item.status === 'queued') {
      queued++;
      if (started(item)) remaining += item.total;
    }
  }
  const allDone = kept > 0 && done === kept;
  const fraction = allDone ? 1 : total > 0 ? Math.min(loaded / total, BELOW_DONE) : 0;
  // Unknown while nothing measured a speed, and while the last bytes wait for the server.
  const secondsLeft = remaining > 0 && bytesPerSecond > 0 ? remaining / bytesPerSecond : allDone ? 0 : undefined;
  return { loaded, total, fraction, bytesPerSecond, secondsLeft, active, done, failed, kept, queued };
}
