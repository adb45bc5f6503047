/**
 * Types of the upload queue: the immutable per-item record the element renders, the
 * queue's options and its totals. No DOM and no Lit here, so the queue also runs in a
 * worker or in Node.
 */
import type { DeepLakeClient, DeepLakeError, FileInfo, TusOptions } from '../client/index.js';

/** 'interrupted': a tus upload a reload cut off; choosing its file again resumes it. */
export type UploadStatus = 'queued' | 'uploading' | 'paused' | 'done' | 'error' | 'canceled' | 'interrupted';

/**
 * One file in the queue. Records are frozen and replaced on every change, so a view
 * keyed by `id` (Lit `repeat()`) can compare by identity and re-render only changed rows.
 */
export interface UploadItem {
  /** Queue-local id (not the server's): unique in the page, stable for the item's life. */
  readonly id: string;
  readonly file: File;
  /** Folder path for files of a dropped folder, else `file.name`. */
  readonly relativePath: string;
  readonly status: UploadStatus;
  /**
   * While uploading: 'optimizing' while `prepare` makes the file to send (`optimizing` says
   * how far), 'sending' until the last byte left, then 'processing' until the server
   * answers; 'offline' while the browser is offline and the upload waits for the network.
   */
  readonly phase: 'optimizing' | 'sending' | 'processing' | 'offline' | undefined;
  /** 0..1 while the phase is 'optimizing'. */
  readonly optimizing?: number | undefined;
  /**
   * Set once `prepare` ran: `file` and `total` are then the prepared file's, `originalSize`
   * the chosen file's; `note` says why the original went as it was (`larger`,
   * `unsupported`, `failed`).
   */
  readonly prepared?: { readonly originalSize: number; readonly note?: string | undefined } | undefined;
  /** File bytes sent (the multipart envelope is scaled away by the client). */
  readonly loaded: number;
  /** `file.size`. */
  readonly total: number;
  /** The stored file's UUID once done. */
  readonly fileId: string | undefined;
  /** Server metadata once done. */
  readonly info: FileInfo | undefined;
  /** The final error (status 'error'), or the cause of the retry while the client backs off. */
  readonly error: DeepLakeError | undefined;
  /** Current retry number while the client backs off before another attempt (0 otherwise). */
  readonly retrying: number;
  /** Smoothed (EWMA) speed while sending, 0 otherwise. */
  readonly bytesPerSecond: number;
  /** Estimated seconds until the last byte leaves; undefined when unknown (and while processing). */
  readonly secondsLeft: number | undefined;
  /** tus: the fraction (0..1) the server already had when this upload continued; undefined for a fresh start. */
  readonly resumedFrom?: number | undefined;
}

/**
 * Makes the file to send from the chosen one (an image resized, its location removed),
 * before the item's first upload; `undefined` = nothing to do for this item. It reports
 * `progress(0..1)` and stops on `signal` (pause, cancel). A rejection sends the original.
 */
export type Prepare = (item: UploadItem, progress: (done: number) => void, signal: AbortSignal) => Promise<{ file: File; note?: string | undefined }> | undefined;

/** A file with where it was chosen from: the one shape for the picker, a drop, `deeplake-add` and the queue. */
export interface FileWithPath {
  file: File;
  /** "folder/sub/name.ext" for a file inside a dropped or picked folder, else the file name. */
  relativePath: string;
}

/** What `add()` accepts: a File (its `webkitRelativePath`, else its name, as the path), or a file with its path. */
export type UploadSource = File | FileWithPath;

export interface UploadQueueOptions {
  /** The client, or a getter read at the start of every upload so the host may swap configuration. */
  client: DeepLakeClient | (() => DeepLakeClient);
  /** At most this many uploads in flight, ever; default 3. */
  concurrency?: number;
  /** Retries after the first attempt, passed to the client per upload; default 3. */
  retries?: number;
  /** Default true; false = manual: items wait in 'queued' until `start()`. */
  autoStart?: boolean;
  /** Upload over tus (resumable) with these options; default undefined: multipart over XHR. */
  tus?: TusOptions | undefined;
  /** Bytes that stop moving for this long end an attempt (then retried); default the client's (30 000 ms), 0 = never. */
  stallTimeoutMs?: number | undefined;
  /** Runs before each item's first upload (see `Prepare`); default none. */
  prepare?: Prepare | undefined;
}

/**
 * Byte-weighted totals over the kept items (canceled and failed ones are left out), so
 * `fraction === 1` exactly when every kept item is done. Frozen: the queue hands the same
 * object to every reader until the list changes.
 */
export interface UploadTotals {
  readonly loaded: number;
  readonly total: number;
  /** 0..1; 1 only when every kept item is done; 0 for an empty queue. */
  readonly fraction: number;
  /** Sum of the items' smoothed speeds. */
  readonly bytesPerSecond: number;
  /** Bytes still to send for started items over `bytesPerSecond`; undefined when unknown. */
  readonly secondsLeft: number | undefined;
  /** Items in 'uploading'. */
  readonly active: number;
  /** Items in 'done'. */
  readonly done: number;
  /** Items in 'error'. */
  readonly failed: number;
  /** Items the bar counts: every one but 'error', 'canceled' and 'interrupted' (which left the batch). */
  readonly kept: number;
  /** Items in 'queued' (started and waiting for a slot, or waiting for `start()` in manual mode). */
  readonly queued: number;
}
