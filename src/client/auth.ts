/**
 * Token provider handling: the host page owns authentication and hands the client a
 * callback. The token is cached in memory only; concurrent requests share one pending
 * call; a 401 leads to exactly one forced refresh however many requests saw it.
 */
import { DeepLakeError } from './errors.js';

export interface TokenProviderContext {
  /** True when the last token was refused (401): return a fresh one, not a cached one. */
  forceRefresh: boolean;
  workspace: string;
}
export type TokenProvider = (ctx: TokenProviderContext) => string | Promise<string>;

/** How long a provider may take before the request fails with an `auth` error. */
export const TOKEN_TIMEOUT_MS = 30_000;

/**
 * What `Authorization: Bearer <token>` can carry in every engine: visible Latin-1 and
 * inner spaces or tabs, no CR, LF, NUL or other control character, nothing past U+00FF.
 */
const HEADER_SAFE = /^[\t\x20-\x7e\x80-\xff]+$/;

export class TokenCache {
  #token = '';
  #pending: Promise<string> | undefined;

  constructor(
    private readonly provider: TokenProvider,
    private readonly workspace: string,
    private readonly timeoutMs = TOKEN_TIMEOUT_MS,
  ) {}

  /** The cached token, or '' while there is none. */
  get cached(): string {
    return this.#token;
  }

  /** The cached token, or a new one from the provider (shared by concurrent callers). */
  get(): Promise<string> {
    return this.#token ? Promise.resolve(this.#token) : this.#call(false);
  }

  /**
   * A fresh token after `refused` got a 401. When another request already refreshed it,
   * the newer token is returned without calling the provider again.
   */
  refresh(refused: string): Promise<string> {
    if (this.#pending) return this.#pending;
    if (this.#token && this.#token !== refused) return Promise.resolve(this.#token);
    this.#token = '';
    return this.#call(true);
  }

  /**
   * Starts the provider now, when there is no token and none is on its way: a page asks
   * before its first request needs one, so that request leaves without waiting (a failure
   * is dropped here; the request asks again and reports it).
   */
  warm(): void {
    if (!this.#token && !this.#pending) this.#call(false).catch(Boolean);
  }

  /**
   * The provider is called at once, not in a later microtask, and its answer is kept in the
   * first reaction to it: a provider with the token at hand (a string, or a settled
   * promise) has it cached one microtask later, ahead of whatever is queued after this call
   * (a gallery's first renders, when `warm()` runs before Lit queues them), so those
   * requests leave without an `await`. `#pending` is set before the provider runs, so a
   * provider that asks again (it adds an element, say) shares this call; an answer after
   * the timeout is dropped, as the timeout already failed the call.
   */
  #call(forceRefresh: boolean): Promise<string> {
    if (this.#pending) return this.#pending;
    let keep!: (token: unknown) => void;
    let refuse!: (error: unknown) => void;
    const pending: Promise<string> = new Promise<string>((resolve, reject) => {
      keep = (token) => resolve(this.#accept(token));
      refuse = reject;
    })
      .catch((error: unknown) => {
        throw failed(error);
      })
      .finally(() => this.#pending === pending && (this.#pending = undefined));
    this.#pending = pending;
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      refuse(new DeepLakeError('auth', `The token provider did not answer within ${this.timeoutMs} ms`));
    }, this.timeoutMs);
    try {
      Promise.resolve(this.provider({ forceRefresh, workspace: this.workspace }))
        .then((token) => late || keep(token))
        .catch(refuse)
        .finally(() => clearTimeout(timer));
    } catch (error) {
      clearTimeout(timer);
      refuse(error);
    }
    return pending;
  }

  /** Keeps `token` if a browser can send it in a header; nothing else (its own error would quote it): say why, never what. */
  #accept(token: unknown): string {
    if (typeof token !== 'string' || !HEADER_SAFE.test(token)) {
      throw new DeepLakeError('auth', 'The token provider returned no token that can be sent in a header');
    }
    return (this.#token = token);
  }
}

/** The provider's own error may carry anything: kept as `cause`, never in the message. */
const failed = (error: unknown): DeepLakeError =>
  error instanceof DeepLakeError ? error : new DeepLakeError('auth', 'The token provider failed', { cause: error });
