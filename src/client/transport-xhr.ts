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
}

/** Sends `file` and resolves with the answer as a standard `Response`, whatever its status. */
export function sendMultipart(url: string, file: Blob, filename: string, options: XhrUploadOptions): Promise<Response> {
  const { headers, onProgress, signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal.reason));
    const xhr = new XMLHttpRequest();
    const body = new FormData();
    body.append('file', file, filename);

    const size = file.size;
    const report = (sent: number, envelope: number) =>
      onProgress?.({ loaded: envelope > 0 ? Math.min(size, Math.round((sent / envelope) * size)) : 0, total: size });
    const onUploadProgress = (e: ProgressEvent) => report(e.loaded, e.total);
    // `load` on xhr.upload means the last byte left: the server is now processing.
    const onUploadDone = () => onProgress?.({ loaded: size, total: size });
    const onAbort = () => xhr.abort();

    const finish = (settle: () => void) => {
      xhr.upload.removeEventListener('progress', onUploadProgress);
      xhr.upload.removeEventListener('load', onUploadDone);
      xhr.onload = xhr.onerror = xhr.onabort = xhr.ontimeout = null;
      signal?.removeEventListener('abort', onAbort);
      settle();
    };

    xhr.onload = () =>
      finish(() => {
        const noBody = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
        const answer = new Headers();
        const retryAfter = xhr.getResponseHeader('Retry-After');
        if (retryAfter) answer.set('Retry-After', retryAfter);
        answer.set('Content-Type', xhr.getResponseHeader('Content-Type') ?? 'text/plain');
        resolve(new Response(noBody ? null : xhr.responseText, { status: xhr.status, headers: answer }));
      });
    xhr.onerror = xhr.ontimeout = () =>
      finish(() => reject(new DeepLakeError('network', 'The upload connection failed')));
    xhr.onabort = () => finish(() => reject(abortError(signal?.reason)));

    if (onProgress) {
      xhr.upload.addEventListener('progress', onUploadProgress);
      xhr.upload.addEventListener('load', onUploadDone);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.send(body);
  });
}
