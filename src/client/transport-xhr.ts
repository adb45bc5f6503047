/**
 * Multipart upload over XMLHttpRequest: the one browser API that reports upload
 * progress. One part named `file` carries the filename and the MIME type; the browser
 * writes the multipart boundary. Every listener is removed when the request ends.
 */
import { abortError, DeepLakeError } from './errors.js';

export interface UploadProgress {
  /** File bytes sent so far (the multipart envelope is scaled away). */
  loaded: number;
  /** File size in bytes. */
  total: number;
}

export interface XhrUploadOptions {
  headers: Record<string, string>;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /** No bytes acknowledged for this long while sending ends the attempt (`network`, retryable); 0 = never. */
  stallTimeoutMs?: number;
}

/**
 * What the client reads of an answer: a `fetch()` Response fits, and so does the plain
 * object an XHR answer becomes (a Response and its Headers per upload would be Blink
 * objects that live until a full GC: megabytes in a batch of hundreds of files).
 */
export interface Answer {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  readonly body?: { cancel(): Promise<void> } | null;
  text(): Promise<string>;
}

/**
 * Bodies up to this size get no upload listener: their one progress report (every byte)
 * comes with the answer. Such a body fits in the socket's send buffer at once, so the
 * browser's upload events would only time the kernel's copy, and asking for them is not
 * free: with any listener on `xhr.upload` the network service reports upload progress
 * to the page (the measurement: docs/ARCHITECTURE.md, "Uploader").
 */
export const PROGRESS_MIN_BYTES = 64 * 1024;

/** Sends `file` and resolves with the answer, whatever its status. */
export function sendMultipart(url: string, file: Blob, filename: string, options: XhrUploadOptions): Promise<Answer> {
  const { headers, onProgress, signal, stallTimeoutMs = 0 } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal.reason));
    const xhr = new XMLHttpRequest();
    const body = new FormData();
    body.append('file', file, filename);

    const size = file.size;
    const onAbort = () => xhr.abort();

    const byteProgress = size > PROGRESS_MIN_BYTES;
    // The stall rule: while bytes are being sent, each progress event rewinds the timer;
    // after the last byte left (the server processing) there is none. A body small enough
    // to have no listener fits in the socket's buffers at once: it is never "sending".
    let stall: ReturnType<typeof setTimeout> | undefined;
    let stalled = false;
    const watch = (on: boolean) => {
      clearTimeout(stall);
      if (on && stallTimeoutMs > 0) stall = setTimeout(() => ((stalled = true), xhr.abort()), stallTimeoutMs);
    };
    const finish = (settle: () => void) => {
      watch(false);
      // Not even read for a small body: `xhr.upload` is an object Chromium makes on first use.
      if (byteProgress) xhr.upload.onprogress = xhr.upload.onload = null;
      xhr.onload = xhr.onerror = xhr.onabort = xhr.ontimeout = null;
      signal?.removeEventListener('abort', onAbort);
      settle();
    };

    xhr.onload = () =>
      finish(() => {
        if (onProgress && !byteProgress) onProgress({ loaded: size, total: size });
        const { status, responseText } = xhr;
        const retryAfter = xhr.getResponseHeader('Retry-After');
        resolve({
          status,
          ok: status >= 200 && status < 300,
          headers: { get: (name) => (/^retry-after$/i.test(name) ? retryAfter : null) },
          text: async () => responseText,
        });
      });
    xhr.onerror = xhr.ontimeout = () => finish(() => reject(new DeepLakeError('network', 'The upload connection failed')));
    xhr.onabort = () =>
      finish(() => reject(stalled ? new DeepLakeError('network', `The upload stalled: no bytes moved for ${stallTimeoutMs / 1000} s`) : abortError(signal?.reason)));

    const listen = byteProgress && (onProgress !== undefined || stallTimeoutMs > 0);
    if (listen) {
      // The browser counts the multipart envelope too: scale its bytes to the file's.
      xhr.upload.onprogress = ({ loaded, total }) => {
        // Every byte counted is the last one out (Firefox fires upload `load` only with the answer).
        watch(loaded < total);
        onProgress?.({ loaded: total > 0 ? Math.min(size, Math.round((loaded / total) * size)) : 0, total: size });
      };
      // `load` on xhr.upload means the last byte left: the server is now processing.
      xhr.upload.onload = () => {
        watch(false);
        onProgress?.({ loaded: size, total: size });
      };
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.open('POST', url);
    for (const name in headers) xhr.setRequestHeader(name, headers[name]!);
    xhr.send(body);
    watch(listen);
  });
}
