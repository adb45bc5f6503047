/**
 * Public types of the resumable (tus) transport. Types only: they cost nothing in the
 * bundle, so the client can name them without loading tus-js-client.
 */
import type { UrlStorage } from 'tus-js-client';
import type { FileInfo } from './wire.js';

export interface TusOptions {
  /** The tus creation endpoint; default `{apiUrl}/workspaces/{workspace}/files/tus`. */
  endpoint?: string;
  /** Bytes per PATCH request; default the whole rest of the file in one request. */
  chunkSize?: number;
  /**
   * Where upload URLs are remembered per file fingerprint, for resuming after a reload;
   * default tus-js-client's localStorage storage. A custom one must keep the fingerprint in
   * `urlStorageKey` (as tus-js-client's own storages do): listing relies on it.
   */
  urlStorage?: UrlStorage;
  /**
   * For tus servers that do not name the stored file in `X-Deeplake-File-Id` on the final
   * answer (any plain tus server): turns the finished upload into the FileInfo `upload()`
   * resolves with. Without it such an upload fails with `invalid_response` once the bytes
   * are on the server, since a file id must be a UUID the Files API knows.
   */
  resolveInfo?: (upload: TusFinishedUpload) => FileInfo | Promise<FileInfo>;
}

export interface TusFinishedUpload {
  /** The upload's URL on the tus server. */
  url: string;
  file: Blob;
  /** A header of the answer that finished the upload (the last PATCH, or a HEAD when it was already complete). */
  header(name: string): string | undefined;
}

/** A tus upload remembered in the URL storage and not finished: a reload or a crash cut it off. */
export interface UnfinishedUpload {
  /** Its key in the URL storage. */
  key: string;
  uploadUrl: string;
  /** File name and type as sent in `Upload-Metadata`. */
  name: string;
  type: string;
  /** File size in bytes; -1 when unknown. */
  size: number;
  /** When the upload was created (ISO string). */
  createdAt: string;
}
