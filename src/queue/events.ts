/**
 * The queue's events, typed once: `UploadQueue`'s addEventListener is typed by this map,
 * and the element's QueueBridge listens by these names.
 */
import type { DeepLakeError, FileInfo } from '../client/index.js';
import type { UploadItem } from './types.js';

export interface UploadQueueEventDetail {
  /** The list or an item's record changed; progress-only changes are batched (~16 ms). */
  change: { items: readonly UploadItem[] };
  /** An item's bytes moved (batched like `change`). */
  progress: { item: UploadItem };
  /** An item is stored; `info.id` is its UUID. */
  success: { item: UploadItem; info: FileInfo };
  /** An item failed for good, after the client's retries. */
  error: { item: UploadItem; error: DeepLakeError };
  /** Nothing started is left to upload, and at least one item finished since the last `complete`. */
  complete: { items: readonly UploadItem[] };
  /** Uploads started waiting for the network (the browser went offline), or stopped waiting. */
  network: { waiting: boolean };
}

export type UploadQueueEventName = keyof UploadQueueEventDetail;

export type UploadQueueEventMap = { [K in UploadQueueEventName]: CustomEvent<UploadQueueEventDetail[K]> };
