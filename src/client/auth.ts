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

  #call(forceRefresh: boolean): Promise<string> {
    this.#pending ??= this.#ask(forceRefresh).finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  async #ask(forceRefresh: boolean): Promise<string> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeepLakeError('auth', `The token provider did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      const token = await Promise.race([Promise.resolve().then(() => this.provider({ forceRefresh, workspace: this.workspace })), timeout]);
      // Nothing, or a value a browser refuses in a header (its own error would quote it): say why, never what.
      if (typeof token !== 'string' || !HEADER_SAFE.test(token)) {
        throw new DeepLakeError('auth', 'The token provider returned no token that can be sent in a header');
      }
      this.#token = token;
      return token;
    } catch (error) {
      if (error instanceof DeepLakeError) throw error;
      // The provider's own error may carry anything; keep it as `cause`, not in the message.
      throw new DeepLakeError('auth', 'The token provider failed', { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}
