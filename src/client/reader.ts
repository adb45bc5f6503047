/**
 * DeepLakeReader: the Files API's reads (a file's metadata and its bytes) and the one path
 * every call takes: get a token, send, on 401 refresh the token once and send again, turn
 * any other failure into a DeepLakeError, retry what is retryable. DeepLakeClient
 * (client.ts) adds uploads, lists, deletes and queries on the same path; `<deeplake-file>`
 * needs the reads alone, so a page that only shows files holds none of the rest.
 */
import { TokenCache, type TokenProvider } from './auth.js';
import { abortError, DeepLakeError, errorFromResponse } from './errors.js';
import { abortable, DEFAULT_RETRY, isOffline, retryDelay, sleep, whenOnline, withRetry, type OfflineListener, type RetryPolicy } from './retry.js';
import type { TusLib } from './transport-tus.js';
import type { Answer } from './transport-xhr.js';
import { isFileId, parseFileInfo, type FileInfo } from './wire.js';

export const DEFAULT_API_URL = 'https://api.deeplake.ai';

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

/**
 * What the lazy tus chunk borrows instead of importing it (see TusLib): here, beside the
 * request path that uses most of it, so the uploader's bundle does not import each one
 * apart from the chunk it shares with a lazily loaded `<deeplake-file>`.
 */
export const TUS_LIB: TusLib = [DeepLakeError, abortError, errorFromResponse, isOffline, retryDelay, sleep, whenOnline];

type FetchInit = Omit<RequestInit, 'headers'> & { headers?: Record<string, string> };
type Send<R extends Answer> = (headers: Record<string, string>) => Promise<R>;

/**
 * DeepLakeClient's way (client.ts) into its reader's private request path, token cache,
 * headers and retry policy. `#` fields, not `protected` ones (which any script holding a
 * client could read or call): no script can read the token off a client, or send it to a
 * URL of its choosing through it. Set by the class below; this module is not among the
 * package's exports.
 */
export let request: <R extends Answer>(reader: DeepLakeReader, send: Send<R>, options: RequestOptions) => Promise<R>;
export let fetchApi: (reader: DeepLakeReader, url: string, options: RequestOptions, init?: FetchInit) => Promise<Response>;
export let secrets: (reader: DeepLakeReader) => [auth: TokenCache, headers: Record<string, string>, retry: RetryPolicy];

/** The answer's JSON through `parse`; an `invalid_response` error when it does not fit. */
export async function parseAnswer<T>(response: Promise<Answer>, parse: (json: unknown) => T | undefined, what: string): Promise<T> {
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

/** The URL of a stored file (`suffix` below it); anything but a UUID could walk to another path ("..", "a/b"): never sent. */
export function fileUrl(reader: DeepLakeReader, id: string, suffix = ''): string {
  if (!isFileId(id)) throw new DeepLakeError('not_found', 'Not a file id (expected a UUID)');
  return reader.url(`/files/${id}${suffix}`);
}

export class DeepLakeReader {
  readonly apiUrl: string;
  readonly workspace: string;
  readonly #auth: TokenCache;
  readonly #headers: Record<string, string>;
  readonly #retry: RetryPolicy;

  static {
    request = (reader, send, options) => reader.#request(send, options);
    fetchApi = (reader, url, options, init) => reader.#fetch(url, options, init);
    secrets = (reader) => [reader.#auth, reader.#headers, reader.#retry];
  }

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
  }

  /** Absolute URL of an API path below the workspace; the workspace is URL-encoded. */
  url(path = ''): string {
    return `${this.apiUrl}/workspaces/${encodeURIComponent(this.workspace)}${path}`;
  }

  async info(id: string, options: RequestOptions = {}): Promise<FileInfo> {
    return parseAnswer(this.#fetch(fileUrl(this, id), options), parseFileInfo, 'file metadata without a file id (a UUID)');
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
    return this.#fetch(fileUrl(this, id, '/content'), options, { priority: options.priority });
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
  #request<R extends Answer>(send: Send<R>, options: RequestOptions): Promise<R> {
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
