/**
 * Resumable uploads over tus with tus-js-client. The client imports this module only when
 * an upload asks for `transport: 'tus'`, so pages that never do never download it.
 *
 * - Auth: every request takes a token from the client's TokenCache; a 401 is answered by
 *   one forced refresh and a second send of that request (tus-stack.ts).
 * - Retries: 5xx, 408, 429, 409/423 (offset conflict, locked) and network errors wait
 *   through the client's backoff and continue from the server's offset (a HEAD first).
 * - Abort: terminates the upload on the server (DELETE), unless the signal's reason is
 *   'pause': then the upload stays, remembered in the URL storage, and the next upload of
 *   the same file continues from the server's offset.
 * - The stored file: the final answer's `X-Deeplake-File-Id`, then `info()` for its
 *   metadata; a server that names no file needs `tus.resolveInfo` (see tus-options.ts).
 */
import { defaultOptions, Upload, type DetailedError, type HttpResponse, type PreviousUpload, type UrlStorage } from 'tus-js-client';
import type { TokenCache } from './auth.js';
import type { DeepLakeClient, UploadOptions } from './client.js';
import type { abortError, DeepLakeError, errorFromResponse } from './errors.js';
import type { isOffline, retryDelay, RetryPolicy, sleep, whenOnline } from './retry.js';
import { fingerprintOf, fingerprintPrefix } from './tus-fingerprint.js';
import type { TusOptions, UnfinishedUpload } from './tus-options.js';
import { AuthStack } from './tus-stack.js';
import type { FileInfo } from './wire.js';

/**
 * The client's error and retry helpers, lent to this chunk rather than imported: a lazy
 * chunk that imported errors.ts and retry.ts would split them off what the page loads up
 * front into a chunk of their own. A tuple, so the up-front bytes hold no property names.
 */
export type TusLib = readonly [
  DeepLakeError: typeof DeepLakeError,
  abortError: typeof abortError,
  errorFromResponse: typeof errorFromResponse,
  isOffline: typeof isOffline,
  retryDelay: typeof retryDelay,
  sleep: typeof sleep,
  whenOnline: typeof whenOnline,
];

/** What the client lends this module: itself, its token cache, headers, retry policy and helpers. */
export interface TusContext {
  /** Its `url()` makes the default endpoint; its `info()` describes the stored file. */
  client: Pick<DeepLakeClient, 'url' | 'info'>;
  auth: TokenCache;
  headers: Record<string, string>;
  retry: RetryPolicy;
  /** A PATCH whose bytes stop moving for this long ends as a retryable `network` error (0 = never). */
  stallTimeoutMs: number;
  lib: TusLib;
}

/** The endpoint `tus` names, else the default: `{apiUrl}/workspaces/{ws}/files/tus`. */
const endpointOf = (ctx: TusContext, tus: TusOptions): string => tus.endpoint || ctx.client.url('/files/tus');

/** The context's helpers by name. */
function helpers({ lib }: TusContext) {
  const [DeepLakeError, abortError, errorFromResponse, isOffline, retryDelay, sleep, whenOnline] = lib;
  return { DeepLakeError, abortError, errorFromResponse, isOffline, retryDelay, sleep, whenOnline };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** tus answers worth trying again: the HEAD that precedes the retry re-reads the offset. */
const TUS_RETRYABLE = new Set([409, 423]);

const storageOf = (tus: TusOptions): UrlStorage => tus.urlStorage ?? defaultOptions.urlStorage;
/** tus-js-client stores `Date#toString()`; unreadable dates count as oldest. */
const timeOf = (upload: PreviousUpload): number => Date.parse(upload.creationTime) || 0;

/** tus-js-client's errors as DeepLakeErrors: the server's status and words, or `network`. */
function toError(error: Error | DetailedError, stack: AuthStack, ctx: TusContext): DeepLakeError {
  const { DeepLakeError, errorFromResponse } = helpers(ctx);
  const detailed = error as Partial<DetailedError>;
  const cause = detailed.causingError ?? error;
  if (cause instanceof DeepLakeError) return cause;
  const res = detailed.originalResponse;
  if (res) {
    const status = res.getStatus();
    if (status < 300) return new DeepLakeError('invalid_response', 'The tus server broke the protocol', { status, cause: error });
    return errorFromResponse(status, res.getBody() ?? '', res.getHeader('Retry-After') ?? null, stack.token);
  }
  if (detailed.originalRequest) return new DeepLakeError('network', 'The upload connection failed', { cause: error });
  // Neither an answer nor a request: the browser side failed (a server's refusal is `bad_request`).
  return new DeepLakeError('internal', 'The upload could not start', { cause: error });
}

/**
 * Uploads `file` over tus, resuming a remembered upload of the same file; resolves with the
 * stored file. Offline, the upload stops without spending its retries, waits for `online`
 * and continues from the server's offset (a new Upload that finds the remembered URL).
 */
export async function uploadTus(ctx: TusContext, file: Blob, options: UploadOptions): Promise<FileInfo> {
  const { DeepLakeError, isOffline, sleep, whenOnline } = helpers(ctx);
  for (;;) {
    try {
      return await uploadOnce(ctx, file, options);
    } catch (error) {
      if (!(error instanceof DeepLakeError) || error.code !== 'network') throw error;
      // The browser's `offline` may come after the failed request's error (as in withRetry).
      if (!isOffline()) await sleep(1_000, options.signal);
      if (!isOffline()) throw error;
      options.onOffline?.(true);
      await whenOnline(options.signal);
      options.onOffline?.(false);
    }
  }
}

async function uploadOnce(ctx: TusContext, file: Blob, options: UploadOptions): Promise<FileInfo> {
  const { signal, onProgress, onResume, onRetry } = options;
  const { DeepLakeError, abortError, isOffline, retryDelay } = helpers(ctx);
  const tus = options.tus ?? {};
  const endpoint = endpointOf(ctx, tus);
  const policy: RetryPolicy = { ...ctx.retry, ...options.retry };
  const delays = Array.from({ length: policy.retries }, (_, i) => retryDelay(i, new DeepLakeError('network', ''), policy));
  const fingerprint = await fingerprintOf(file, endpoint);
  const stack = new AuthStack(ctx, endpoint, options.stallTimeoutMs ?? ctx.stallTimeoutMs);
  if (signal?.aborted) throw abortError(signal.reason);

  const finished = await new Promise<{ upload: Upload; res: HttpResponse }>((resolve, reject) => {
    const settle = (done: () => void) => {
      signal?.removeEventListener('abort', onAbort);
      done();
    };
    const upload = new Upload(file, {
      endpoint,
      chunkSize: tus.chunkSize || Infinity,
      metadata: { filename: options.filename ?? ((file as File).name || 'blob'), filetype: file.type || 'application/octet-stream' },
      fingerprint: () => Promise.resolve(fingerprint),
      urlStorage: storageOf(tus),
      removeFingerprintOnSuccess: true,
      httpStack: stack,
      headers: ctx.headers,
      retryDelays: delays,
      onShouldRetry: (err, attempt) => {
        const error = toError(err, stack, ctx);
        // Offline: stop here, no retry spent; uploadTus waits for the network and goes on.
        if ((!error.retryable && !TUS_RETRYABLE.has(error.status)) || (error.code === 'network' && isOffline())) return false;
        // tus-js-client reads the wait from this array after asking: the server's Retry-After wins.
        if (error.retryAfterMs !== undefined) delays[attempt] = Math.min(error.retryAfterMs, policy.maxDelayMs);
        onRetry?.(error, attempt + 1, delays[attempt] ?? 0);
        return true;
      },
      // A HEAD asks where the server is: its offset is where this upload continues.
      onAfterResponse: (req, res) => {
        const offset = Number(res.getHeader('Upload-Offset'));
        if (req.getMethod() === 'HEAD' && res.getStatus() < 300 && offset > 0) onResume?.({ loaded: offset, total: file.size });
      },
      onProgress: (loaded, total) => onProgress?.({ loaded, total }),
      onSuccess: ({ lastResponse }) => settle(() => resolve({ upload, res: lastResponse })),
      onError: (error) => settle(() => reject(toError(error, stack, ctx))),
    });
    const onAbort = () =>
      settle(() => {
        // Termination is best effort: an upload the server keeps expires there in time.
        upload.abort(signal?.reason !== 'pause').catch(() => undefined);
        reject(abortError(signal?.reason));
      });
    signal?.addEventListener('abort', onAbort, { once: true });
    upload.findPreviousUploads().then(
      (previous) => {
        if (signal?.aborted) return;
        // The newest first: an older entry may point at an upload the server has since dropped.
        const latest = previous.sort((a, b) => timeOf(b) - timeOf(a))[0];
        if (latest) upload.resumeFromPreviousUpload(latest);
        upload.start();
      },
      (error: Error) => settle(() => reject(toError(error, stack, ctx))),
    );
  });

  const { upload, res } = finished;
  const id = res.getHeader('X-Deeplake-File-Id');
  if (id && UUID.test(id)) return ctx.client.info(id, { signal, retry: policy });
  if (tus.resolveInfo) return tus.resolveInfo({ url: upload.url ?? '', file, header: (name) => res.getHeader(name) });
  throw new DeepLakeError('invalid_response', 'The tus server stored the upload but named no Deep Lake file (X-Deeplake-File-Id)');
}

/** Unfinished uploads remembered for the endpoint (a reload or a crash cut them off), oldest first. */
export async function listUnfinished(ctx: TusContext, tus: TusOptions): Promise<UnfinishedUpload[]> {
  const prefix = fingerprintPrefix(endpointOf(ctx, tus));
  const all = await storageOf(tus).findAllUploads();
  return all
    .filter((u) => u.uploadUrl && u.urlStorageKey.includes(prefix))
    .sort((a, b) => timeOf(a) - timeOf(b))
    .map((u) => ({
      key: u.urlStorageKey,
      uploadUrl: u.uploadUrl!,
      name: u.metadata?.filename ?? '',
      type: u.metadata?.filetype ?? '',
      size: u.size ?? -1,
      createdAt: new Date(timeOf(u)).toISOString(),
    }));
}

/** Terminates remembered uploads on the server and forgets them: one entry, or every one of a file. */
export async function discard(ctx: TusContext, target: UnfinishedUpload | Blob, tus: TusOptions): Promise<void> {
  const storage = storageOf(tus);
  const entries: Array<Pick<PreviousUpload, 'uploadUrl' | 'urlStorageKey'>> =
    target instanceof Blob
      ? await storage.findUploadsByFingerprint(await fingerprintOf(target, endpointOf(ctx, tus)))
      : [{ uploadUrl: target.uploadUrl, urlStorageKey: target.key }];
  const options = { httpStack: new AuthStack(ctx, endpointOf(ctx, tus)), headers: ctx.headers, retryDelays: null };
  await Promise.all(
    entries.map(async ({ uploadUrl, urlStorageKey }) => {
      // 404/410: the server has already let it go, which is what discarding wants.
      if (uploadUrl) await Upload.terminate(uploadUrl, options).catch(() => undefined);
      await storage.removeUpload(urlStorageKey);
    }),
  );
}
