/**
 * One error type for everything the client can fail with. The UI keys its messages on
 * `code`, decides on retries with `retryable`, and may show `message` as it is: it is
 * built from the status and the server's own words, never from request headers, so it
 * cannot contain the bearer token (and any echo of the token by a server is redacted).
 */

export type DeepLakeErrorCode =
  | 'unauthorized' // 401 even after one forced token refresh
  | 'forbidden' // 403: the token is valid but not for this workspace
  | 'not_found' // 404, or an id that is not a UUID (nothing is sent)
  | 'too_large' // 413
  | 'rate_limited' // 429
  | 'server' // 5xx
  | 'bad_request' // any other 4xx answer of a server (never a failure in the browser)
  | 'network' // no HTTP answer: offline, DNS, CORS, dropped connection
  | 'aborted' // the caller's AbortSignal fired
  | 'invalid_response' // a 2xx whose body is not what the API promises
  | 'auth' // the token provider threw, timed out, or returned no token or one that cannot be sent in a header
  | 'untrusted_origin' // the page's token was asked to go to an origin its script did not configure: nothing sent
  | 'internal'; // the browser failed before any request left (not the server's answer)

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export interface DeepLakeErrorInit {
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
}

export class DeepLakeError extends Error {
  override readonly name = 'DeepLakeError';
  /** HTTP status, 0 when there was no HTTP answer. */
  readonly status: number;
  readonly code: DeepLakeErrorCode;
  /** Whether sending the same request again may succeed. */
  readonly retryable: boolean;
  /** The server's `Retry-After`, in milliseconds, when it sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(code: DeepLakeErrorCode, message: string, init: DeepLakeErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.status = init.status ?? 0;
    this.retryAfterMs = init.retryAfterMs;
    this.retryable = code === 'network' || RETRYABLE_STATUS.has(this.status);
  }
}

function codeForStatus(status: number): DeepLakeErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'too_large';
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'network';
  return status >= 500 ? 'server' : 'bad_request';
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The server's own explanation, if it gave a short readable one. Bodies may be JSON,
 * plain text, or a proxy's HTML page (of which only nothing is kept): never assume JSON.
 * `secret` (the token) is redacted before the text is cut, so no part of it survives.
 */
export function detailFromBody(body: string, secret = ''): string {
  const text = body.trim();
  if (!text || text.startsWith('<')) return '';
  let detail: unknown = text;
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const err = json?.error;
    detail = json?.detail ?? json?.message ?? (typeof err === 'object' && err ? (err as { message?: unknown }).message : err);
  } catch {
    /* plain text */
  }
  return typeof detail === 'string' ? redact(detail, secret) : '';
}

/**
 * `text` cut to 200 characters without `secret`: whole, or
 * any run of 8 or more of its characters (a server that echoes part of a token, or cuts
 * it, leaks that part too). Redacted before the cut, so no cut piece survives.
 */
function redact(text: string, secret: string): string {
  if (secret) text = text.split(secret).join('[redacted]');
  text = text.replace(/\s+/g, ' ').slice(0, 400);
  let out = '';
  for (let i = 0; i < text.length;) {
    let end = i;
    // The longest run from i found in the token (in at most 400 characters).
    while (secret && end < text.length && secret.includes(text.slice(i, end + 1))) end++;
    const piece = end - i >= 8;
    out += piece ? '[redacted]' : text[i];
    i = piece ? end : i + 1;
  }
  return out.slice(0, 200);
}

/** Builds the error for a non-2xx answer. `secret` (the token) is redacted from the message. */
export function errorFromResponse(status: number, body: string, retryAfter: string | null, secret = ''): DeepLakeError {
  const detail = detailFromBody(body, secret);
  const message = `Deep Lake answered ${status}${detail ? `: ${detail}` : ''}`;
  return new DeepLakeError(codeForStatus(status), message, { status, retryAfterMs: parseRetryAfter(retryAfter) });
}

export const abortError = (cause?: unknown): DeepLakeError => new DeepLakeError('aborted', 'The request was aborted', { cause });
