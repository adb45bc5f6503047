/**
 * DeepLakeClient: the Deep Lake Files API for browsers, without any DOM rendering.
 * Every call goes through one path: get a token, send, on 401 refresh the token once
 * and send again, turn any other failure into a DeepLakeError, retry what is retryable.
 */
import { TokenCache, type TokenProvider } from './auth.js';
import { abortError, DeepLakeError, errorFromResponse } from './errors.js';
import { abortable, DEFAULT_RETRY, isOffline, retryDelay, sleep, whenOnline, withRetry, type OfflineListener, type RetryPolicy } from './retry.js';
import type { TusContext, TusLib } from './transport-tus.js';
import type { Answer, sendMultipart, UploadProgress } from './transport-xhr.js';
import type { TusOptions, UnfinishedUpload } from './tus-options.js';
import { isFileId, parseFileInfo, parseFileList, parseQueryResult, type FileInfo, type QueryResult } from './wire.js';

export const DEFAULT_API_URL = 'https://api.deeplake.ai';

/**
 * The multipart transport, handed over by what uploads (client/index.ts, the public entry
 * of this class, and queue/send.ts); `<deeplake-file>` imports this class from here,
 * without it, so a page that only shows files holds no upload code.
 */
let multipart: typeof sendMultipart;
export const useMultipart = (send: typeof sendMultipart): void => void (multipart = send);

export interface DeepLakeClientOptions {
  /** Base URL of the API; default `https://api.deeplake.ai`. */
  apiUrl?: string;
  workspace: string;
  tokenProvider: TokenProvider;
  /** Extra headers on every request, e.g. `X-Activeloop-Org-Id`. */
  headers?: Record<string, string>;
  /** Retry policy for 429, 5xx and network errors; `retries` defaults to 3. */
  retry?: Partial<RetryPolicy>;
  /**
   * Send an `Idempotency-Key` header with each multipart upload (one random key per
   * `upload()` call, the same on every retry of it), so a retry after a lost answer does
   * not store the file twice. Default true. The header makes the upload a CORS request
   * with a preflight that must allow it: turn this off for a server whose CORS does not.
   */
  idempotency?: boolean;
  /** How long the token provider may take before the call fails with an `auth` error; default 30 000 ms. */
  tokenTimeoutMs?: number;
  /**
   * An upload attempt whose bytes stop moving for this long ends as a retryable `network`
   * error; default 30 000 ms, 0 = never. Waiting for the answer after the last byte is not a stall.
   */
  stallTimeoutMs?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Overrides the client's retry policy for this call (e.g. `{ retries: 0 }`). */
  retry?: Partial<RetryPolicy>;
  /** Called before each retry wait, so a UI can say "retrying". */
  onRetry?: (error: DeepLakeError, retry: number, delayMs: number) => void;
  /** The browser went offline (true) and the call waits, spending no retry; back online (false). */
  onOffline?: OfflineListener;
}

export interface UploadOptions extends RequestOptions {
  /**
   * Bytes sent so far; the last call has `loaded === total`. Multipart bodies up to 64 KiB
   * (`PROGRESS_MIN_BYTES`) get that one call only, with the answer.
   */
  onProgress?: (progress: UploadProgress) => void;
  /** Name to store; default the File's own name, or "blob". */
  filename?: string;
  /**
   * 'xhr' (default): one multipart POST. 'tus': resumable, through tus-js-client, which is
   * loaded on first use. With tus, aborting `signal` terminates the upload on the server,
   * unless its reason is 'pause' (`controller.abort('pause')`): then the next upload of the
   * same file continues where the server stopped.
   */
  transport?: 'xhr' | 'tus';
  /** Endpoint, chunk size, URL storage, … of the tus transport. */
  tus?: TusOptions;
  /** tus: the upload continues from `loaded` bytes the server already has (a resume, or a retry). */
  onResume?: (progress: UploadProgress) => void;
  /** Overrides the client's `stallTimeoutMs` for this upload. */
  stallTimeoutMs?: number;
}

/** Random words for Idempotency-Keys, four per key, refilled when used up. */
const randomWords = new Uint32Array(4 * 64);
let keyWord = randomWords.length;

/**
 * An Idempotency-Key: 128 random bits, unique and unpredictable per `upload()` call (a
 * key someone could guess would let them store a file under it first, and the upload
 * would resolve to theirs). The random words are drawn 64 keys at a time, not one call per
 * file (docs/ARCHITECTURE.md, "Client", has the profile). getRandomValues, unlike
 * randomUUID, also works outside secure contexts (a CMS on plain http).
 */
function idempotencyKey(): string {
  if (keyWord >= randomWords.length) {
    crypto.getRandomValues(randomWords);
    keyWord = 0;
  }
  let key = '';
  for (const end = keyWord + 4; keyWord < end; keyWord++) key += randomWords[keyWord]!.toString(16).padStart(8, '0');
  return key;
}

/** What the tus chunk borrows instead of importing it (see TusLib). */
const TUS_LIB: TusLib = [DeepLakeError, abortError, errorFromResponse, isOffline, retryDelay, sleep, whenOnline];

type FetchInit = Omit<RequestInit, 'headers'> & { headers?: Record<string, string> };

export class DeepLakeClient {
  readonly apiUrl: string;
  readonly workspace: string;
  readonly #auth: TokenCache;
  readonly #headers: Record<string, string>;
  readonly #retry: RetryPolicy;
  readonly #idempotency: boolean;
  readonly #stallTimeoutMs: number;
  /** Where uploads go: worked out once, not per file (`apiUrl` and `workspace` never change). */
  readonly #uploadUrl: string;

  constructor(options: DeepLakeClientOptions) {
    const { workspace, tokenProvider } = options;
    // "." and ".." would be resolved away by URL parsing and reach another path.
    if (typeof workspace !== 'string' || !workspace || workspace === '.' || workspace === '..') {
      throw new TypeError('DeepLakeClient: `workspace` must be a non-empty name');
    }
    if (typeof tokenProvider !== 'function') throw new TypeError('DeepLakeClient: `tokenProvider` must be a function');
    this.apiUrl = (options.apiUrl || DEFAULT_API_URL).replace(/\/+$/, '');
    this.workspace = workspace;
    this.#auth = new TokenCache(tokenProvider, workspace, options.tokenTimeoutMs);
    this.#headers = { ...options.headers };
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#idempotency = options.idempotency ?? true;
    this.#stallTimeoutMs = options.stallTimeoutMs ?? 30_000;
    this.#uploadUrl = this.url('/files');
  }

  /** Absolute URL of an API path below the workspace; the workspace is URL-encoded. */
  url(path = ''): string {
    return `${this.apiUrl}/workspaces/${encodeURIComponent(this.workspace)}${path}`;
  }

  /** Uploads one file as multipart form-data; resolves with its stored metadata (its UUID in `id`). */
  async upload(file: Blob, options: UploadOptions = {}): Promise<FileInfo> {
    if (options.transport === 'tus') return (await this.#tus()).uploadTus(this.#tusContext(), file, options);
    const filename = options.filename ?? ((file as File).name || 'blob');
    // One key per call, the same on every retry.
    const key = this.#idempotency && idempotencyKey();
    const res = this.#request(
      (headers) =>
        multipart(this.#uploadUrl, file, filename, {
          headers: key ? { ...headers, 'Idempotency-Key': key } : headers,
          onProgress: options.onProgress,
          signal: options.signal,
          stallTimeoutMs: options.stallTimeoutMs ?? this.#stallTimeoutMs,
        }),
      options,
    );
    return this.#parse(res, parseFileInfo, 'an upload answer without a file id (a UUID)');
  }

  /** tus uploads cut off by a reload or a crash, remembered for the endpoint: re-select their files to resume. */
  async unfinishedUploads(tus: TusOptions = {}): Promise<UnfinishedUpload[]> {
    return (await this.#tus()).listUnfinished(this.#tusContext(), tus);
  }

  /** Terminates remembered tus uploads on the server and forgets them: one entry, or every one of a file. */
  async discardUpload(target: UnfinishedUpload | Blob, tus: TusOptions = {}): Promise<void> {
    return (await this.#tus()).discard(this.#tusContext(), target, tus);
  }

  async info(id: string, options: RequestOptions = {}): Promise<FileInfo> {
    return this.#parse(this.#fetch(this.#fileUrl(id), options), parseFileInfo, 'file metadata without a file id (a UUID)');
  }

  /** The stored bytes, typed with the server's Content-Type. */
  async content(id: string, options: RequestOptions = {}): Promise<Blob> {
    return (await this.contentResponse(id, options)).blob();
  }

  /**
   * The content answer as soon as its headers are in, its body not read yet: what the
   * bytes are (`fileInfoFromHeaders(id, res.headers)`) is known one round trip in, and
   * the caller reads the body or cancels it. `priority` is fetch()'s (`high` for what a
   * page shows first).
   */
  contentResponse(id: string, options: RequestOptions & { priority?: RequestPriority } = {}): Promise<Response> {
    return this.#fetch(this.#fileUrl(id, '/content'), options, { priority: options.priority });
  }

  list(options: RequestOptions & { limit?: number; offset?: number } = {}): Promise<FileInfo[]> {
    const query = new URLSearchParams({ limit: String(options.limit ?? 20), offset: String(options.offset ?? 0) });
    return this.#parse(this.#fetch(this.url(`/files?${query}`), options), parseFileList, 'a file list that is not a list');
  }

  async delete(id: string, options: RequestOptions = {}): Promise<void> {
    await this.#fetch(this.#fileUrl(id), options, { method: 'DELETE' });
  }

  /** Runs SQL against the workspace's tables; `params` bind to `$1`, `$2`, … */
  async query(sql: string, params: unknown[] = [], options: RequestOptions = {}): Promise<QueryResult> {
    const body = JSON.stringify({ query: sql, params });
    const res = this.#fetch(this.url('/tables/query'), options, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    return this.#parse(res, parseQueryResult, 'a query answer without columns and rows');
  }

  // A separate chunk: pages that never ask for tus never download tus-js-client.
  #tus = () => import('./transport-tus.js');

  #tusContext(): TusContext {
    return {
      client: this,
      auth: this.#auth,
      headers: this.#headers,
      retry: this.#retry,
      stallTimeoutMs: this.#stallTimeoutMs,
      lib: TUS_LIB,
    };
  }

  #fileUrl(id: string, suffix = ''): string {
    // Anything but a UUID could walk to another path ("..", "a/b"); never send it.
    if (!isFileId(id)) throw new DeepLakeError('not_found', 'Not a file id (expected a UUID)');
    return this.url(`/files/${id}${suffix}`);
  }

  /** The answer's JSON through `parse`; an `invalid_response` error when it does not fit. */
  async #parse<T>(response: Promise<Answer>, parse: (json: unknown) => T | undefined, what: string): Promise<T> {
    const text = await (await response).text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON: reported below */
    }
    const value = json === undefined ? undefined : parse(json);
    if (value === undefined) throw new DeepLakeError('invalid_response', `Deep Lake sent ${what}`);
    return value;
  }

  /** A fetch() through #request; `init.headers` join the client's and the authorization. */
  #fetch(url: string, options: RequestOptions, init: FetchInit = {}): Promise<Response> {
    const { signal } = options;
    return this.#request(async (headers) => {
      try {
        return await fetch(url, {
          ...init,
          headers: { ...headers, ...init.headers },
          signal: signal ?? null,
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new DeepLakeError('network', 'Could not reach Deep Lake', { cause: error });
      }
    }, options);
  }

  /**
   * Token, send, one refresh on 401, typed errors, retries: the path every call takes.
   * `send` is the request as the client replays it: given the headers with a token, send once and answer.
   */
  #request<R extends Answer>(send: (headers: Record<string, string>) => Promise<R>, options: RequestOptions): Promise<R> {
    return withRetry(
      async () => {
        // A slow token provider must not hold an aborted request (and its upload slot). A
        // cached token is at hand: no race with the signal (a promise, a listener and two
        // reactions less per request, hundreds of times in a batch of small files).
        let token = this.#auth.cached || (await abortable(this.#auth.get(), options.signal));
        let res = await send({ ...this.#headers, Authorization: `Bearer ${token}` });
        if (res.status === 401) {
          await res.body?.cancel();
          token = await abortable(this.#auth.refresh(token), options.signal);
          res = await send({ ...this.#headers, Authorization: `Bearer ${token}` });
        }
        if (res.ok) return res;
        throw errorFromResponse(res.status, await res.text().catch(() => ''), res.headers.get('Retry-After'), token);
      },
      { ...this.#retry, ...options.retry },
      options.signal,
      options.onRetry,
      options.onOffline,
    );
  }
}
