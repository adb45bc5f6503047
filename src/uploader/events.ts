/**
 * The element's events, each name and detail type defined once here; the
 * `HTMLElementEventMap` augmentation is derived from this map so a listener's
 * `event.detail` is typed by name, and a name cannot drift from its dispatch.
 */
import type { DeepLakeError, FileInfo } from '../client/index.js';
import type { ImageOptions } from '../optimize/optimize.js';
import type { FileWithPath, UploadItem, UploadTotals } from '../queue/index.js';
import type { RejectReason } from './intake/validate.js';

/** A file that passed validation and is about to join the list (the queue's FileWithPath, under its older name). */
export type PendingFile = FileWithPath;

export interface DeepLakeUploaderEventDetail {
  /**
   * Cancelable: `preventDefault()` refuses the whole batch, `veto(file, message)` one file;
   * `optimize(file, options)` sets that image's options over the element's, `false` sends it as it is.
   */
  'deeplake-add': { items: readonly PendingFile[]; veto(file: File, message?: string): void; optimize(file: File, options: ImageOptions | false): void };
  /** A file refused by validation or by a page's veto. */
  'deeplake-reject': { file: File; reason: RejectReason | 'vetoed'; message: string };
  'deeplake-progress': { item: UploadItem; totals: UploadTotals };
  'deeplake-success': { item: UploadItem; info: FileInfo };
  'deeplake-error': { item: UploadItem; error: DeepLakeError };
  'deeplake-complete': { items: readonly UploadItem[] };
  /** Uploads wait for the network (`waiting: true`: the browser went offline), or go on again. */
  'deeplake-network': { waiting: boolean };
}

export type DeepLakeUploaderEventMap = {
  [K in keyof DeepLakeUploaderEventDetail]: CustomEvent<DeepLakeUploaderEventDetail[K]>;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends DeepLakeUploaderEventMap {}
}

/** Every event is a bubbling, composed CustomEvent, so a page can listen on any ancestor. */
export function uploaderEvent<K extends keyof DeepLakeUploaderEventDetail>(
  name: K,
  detail: DeepLakeUploaderEventDetail[K],
  cancelable = false,
): CustomEvent<DeepLakeUploaderEventDetail[K]> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
}
