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
    const onAbort = () => xhr.abort();

    const finish = (settle: () => void) => {
      xhr.upload.onprogress = xhr.upload.onload = null;
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
      // The browser counts the multipart envelope too: scale its bytes to the file's.
      xhr.upload.onprogress = ({ loaded, total }) =>
        onProgress({ loaded: total > 0 ? Math.min(size, Math.round((loaded / total) * size)) : 0, total: size });
      // `load` on xhr.upload means the last byte left: the server is now processing.
      xhr.upload.onload = () => onProgress({ loaded: size, total: size });
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.send(body);
  });
}
