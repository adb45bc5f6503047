/**
 * The queue's events, named and typed once. The element re-dispatches each of them (as
 * `deeplake-<name>`) by iterating `UPLOAD_QUEUE_EVENTS`, and derives its own event map
 * from `UploadQueueEventDetail`, so a name can never drift between dispatch and type.
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

// A record keyed by the detail map: the compiler rejects a missing or an extra name.
const NAMES: { readonly [K in UploadQueueEventName]: K } = {
  change: 'change',
  progress: 'progress',
  success: 'success',
  error: 'error',
  complete: 'complete',
  network: 'network',
};

/** Every event name the queue dispatches, in no particular order. */
export const UPLOAD_QUEUE_EVENTS: readonly UploadQueueEventName[] = Object.freeze(Object.values(NAMES));
