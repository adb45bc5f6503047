/**
 * Retries with exponential backoff and full jitter, bounded in count, honouring the
 * server's Retry-After, and cancellable through an AbortSignal at any point.
 */
import { abortError, DeepLakeError } from './errors.js';

export interface RetryPolicy {
  /** Retries after the first attempt (so `retries + 1` attempts at most). */
  retries: number;
  /** First backoff step; doubled on every retry. */
  baseDelayMs: number;
  /** No single wait is longer, whatever the server's Retry-After says. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Wait before retry number `retry` (0-based) after `error`. */
export function retryDelay(retry: number, error: DeepLakeError, policy: RetryPolicy, random = Math.random): number {
  if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  // Full jitter keeps many clients that failed together from retrying together.
  return ceiling / 2 + (random() * ceiling) / 2;
}

/** Waits `ms`; an `aborted` error, and no timer left behind, as soon as `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return abortable(wait, signal).finally(() => clearTimeout(timer));
}

/** `promise`, or an `aborted` error as soon as `signal` fires (the promise itself runs on). */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal.reason));
    const onAbort = () => reject(abortError(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Whether the browser says it has no network (airplane mode, a lost Wi-Fi, DevTools offline). */
export const isOffline = (): boolean => globalThis.navigator?.onLine === false;

/** Resolves when the browser is online again (at once when it is); an `aborted` error when `signal` fires first. */
export function whenOnline(signal?: AbortSignal): Promise<void> {
  if (!isOffline()) return Promise.resolve();
  let done: () => void;
  const online = new Promise<void>((resolve) => addEventListener('online', (done = () => resolve())));
  return abortable(online, signal).finally(() => removeEventListener('online', done));
}

/**
 * How long a last network failure waits for the browser to say it went offline (its
 * `offline` event may come after the failed request's) before it counts as an error.
 */
const OFFLINE_GRACE_MS = 1_000;

/** What withRetry reports besides retries: the network went away (true) and came back (false). */
export type OfflineListener = (offline: boolean) => void;

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, or retries run out.
 * A network failure while the browser is offline spends no retry: it waits for `online`
 * and tries again (the budget is for errors, not for absence).
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
  onRetry?: (error: DeepLakeError, retry: number, delayMs: number) => void,
  onOffline?: OfflineListener,
): Promise<T> {
  for (let retry = 0; ;) {
    if (signal?.aborted) throw abortError(signal.reason);
    try {
      return await attempt();
    } catch (error) {
      if (signal?.aborted) throw abortError(signal.reason);
      if (!(error instanceof DeepLakeError) || !error.retryable) throw error;
      const network = error.code === 'network';
      const last = retry >= policy.retries;
      if (last && !network) throw error;
      if (!isOffline()) {
        const delay = last ? OFFLINE_GRACE_MS : retryDelay(retry, error, policy);
        if (!last) onRetry?.(error, retry + 1, delay);
        await sleep(delay, signal);
      }
      if (network && isOffline()) {
        onOffline?.(true);
        await whenOnline(signal);
        onOffline?.(false);
        continue; // this failure was the network's absence: no retry spent
      }
      if (last) throw error;
      retry++;
    }
  }
}
