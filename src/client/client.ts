/**
 * DeepLakeClient: the Files API for browsers, without any DOM rendering. The reads and the
 * one request path are DeepLakeReader's (reader.ts); this adds what changes the workspace
 * or lists it: uploads (multipart, or tus in a lazy chunk), list, delete, query.
 */
import { DeepLakeReader, fetchApi, fileUrl, parseAnswer, request, secrets, TUS_LIB, type DeepLakeClientOptions, type RequestOptions } from './reader.js';
import type { TusContext } from './transport-tus.js';
import { sendMultipart, type UploadProgress } from './transport-xhr.js';
import type { TusOptions, UnfinishedUpload } from './tus-options.js';
import { parseFileInfo, parseFileList, parseQueryResult, type FileInfo, type QueryResult } from './wire.js';

export { DEFAULT_API_URL, type DeepLakeClientOptions, type RequestOptions } from './reader.js';

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

export class DeepLakeClient extends DeepLakeReader {
  readonly #idempotency: boolean;
  readonly #stallTimeoutMs: number;
  /** Where uploads go: worked out once, not per file (`apiUrl` and `workspace` never change). */
  readonly #uploadUrl: string;

  constructor(options: DeepLakeClientOptions) {
    super(options);
    this.#idempotency = options.idempotency ?? true;
    this.#stallTimeoutMs = options.stallTimeoutMs ?? 30_000;
    this.#uploadUrl = this.url('/files');
  }

  /** Uploads one file as multipart form-data; resolves with its stored metadata (its UUID in `id`). */
  async upload(file: Blob, options: UploadOptions = {}): Promise<FileInfo> {
    if (options.transport === 'tus') return (await this.#tus()).uploadTus(this.#tusContext(), file, options);
    const filename = options.filename ?? ((file as File).name || 'blob');
    // One key per call, the same on every retry.
    const key = this.#idempotency && idempotencyKey();
    const res = request(
      this,
      (headers) =>
        sendMultipart(this.#uploadUrl, file, filename, {
          headers: key ? { ...headers, 'Idempotency-Key': key } : headers,
          onProgress: options.onProgress,
          signal: options.signal,
          stallTimeoutMs: options.stallTimeoutMs ?? this.#stallTimeoutMs,
        }),
      options,
    );
    return parseAnswer(res, parseFileInfo, 'an upload answer without a file id (a UUID)');
  }

  /** tus uploads cut off by a reload or a crash, remembered for the endpoint: re-select their files to resume. */
  async unfinishedUploads(tus: TusOptions = {}): Promise<UnfinishedUpload[]> {
    return (await this.#tus()).listUnfinished(this.#tusContext(), tus);
  }

  /** Terminates remembered tus uploads on the server and forgets them: one entry, or every one of a file. */
  async discardUpload(target: UnfinishedUpload | Blob, tus: TusOptions = {}): Promise<void> {
    return (await this.#tus()).discard(this.#tusContext(), target, tus);
  }

  list(options: RequestOptions & { limit?: number; offset?: number } = {}): Promise<FileInfo[]> {
    const query = new URLSearchParams({ limit: String(options.limit ?? 20), offset: String(options.offset ?? 0) });
    return parseAnswer(fetchApi(this, this.url(`/files?${query}`), options), parseFileList, 'a file list that is not a list');
  }

  async delete(id: string, options: RequestOptions = {}): Promise<void> {
    await fetchApi(this, fileUrl(this, id), options, { method: 'DELETE' });
  }

  /** Runs SQL against the workspace's tables; `params` bind to `$1`, `$2`, … */
  async query(sql: string, params: unknown[] = [], options: RequestOptions = {}): Promise<QueryResult> {
    const body = JSON.stringify({ query: sql, params });
    const res = fetchApi(this, this.url('/tables/query'), options, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    return parseAnswer(res, parseQueryResult, 'a query answer without columns and rows');
  }

  // A separate chunk: pages that never ask for tus never download tus-js-client.
  #tus = () => import('./transport-tus.js');

  #tusContext(): TusContext {
    const [auth, headers, retry] = secrets(this);
    return { client: this, auth, headers, retry, stallTimeoutMs: this.#stallTimeoutMs, lib: TUS_LIB };
  }
}
