/**
 * tus-js-client's HTTP stack with the client's bearer token: a fresh token from the cache
 * on every request, and a 401 answered by one forced refresh and a second send of THAT
 * request (same method, URL, headers, body). tus-js-client's own retry would instead start
 * over with a HEAD; here the refresh is invisible to it, so a token that expires in the
 * middle of an upload costs one request, not an error and a retry wait.
 */
import { DefaultHttpStack, type HttpRequest, type HttpResponse, type HttpStack } from 'tus-js-client';
import type { TokenCache } from './auth.js';
import type { DeepLakeError } from './errors.js';
import type { TusContext } from './transport-tus.js';

const originOf = (url: string): string => new URL(url, location.href).origin;

export class AuthStack implements HttpStack {
  readonly inner: HttpStack = new DefaultHttpStack({});
  /** The token last sent: redacted from error messages if a server echoes it. */
  token = '';

  /** The only origin the token goes to: the endpoint's. A server's `Location` elsewhere gets nothing. */
  readonly origin: string;

  readonly auth: TokenCache;
  /** The client's error class (lent: this chunk imports nothing the page loads up front). */
  readonly DeepLakeError: typeof DeepLakeError;

  constructor(
    { auth, lib }: Pick<TusContext, 'auth' | 'lib'>,
    endpoint: string,
    /** A request body whose bytes stop moving for this long fails as a retryable `network` error (0 = never). */
    readonly stallTimeoutMs = 0,
  ) {
    this.auth = auth;
    [this.DeepLakeError] = lib;
    this.origin = originOf(endpoint);
  }

  createRequest(method: string, url: string): HttpRequest {
    return new AuthRequest(this, method, url);
  }

  getName(): string {
    return 'deeplake-auth';
  }
}

class AuthRequest implements HttpRequest {
  readonly #headers = new Map<string, string>();
  #progress: ((bytesSent: number) => void) | undefined;
  #request: HttpRequest;
  #aborted = false;

  constructor(
    private readonly stack: AuthStack,
    private readonly method: string,
    private readonly url: string,
  ) {
    this.#request = stack.inner.createRequest(method, url);
  }

  getMethod(): string {
    return this.method;
  }

  getURL(): string {
    return this.url;
  }

  setHeader(name: string, value: string): void {
    this.#headers.set(name, value);
    this.#request.setHeader(name, value);
  }

  getHeader(name: string): string | undefined {
    return this.#headers.get(name);
  }

  setProgressHandler(handler: (bytesSent: number) => void): void {
    this.#progress = handler;
    this.#request.setProgressHandler(handler);
  }

  async send(body?: unknown): Promise<HttpResponse> {
    const { auth, origin, DeepLakeError } = this.stack;
    // An upload URL comes from a server's answer or the URL storage: untrusted input.
    if (originOf(this.url) !== origin) {
      throw new DeepLakeError('untrusted_origin', `The tus server sent the upload to another origin (${originOf(this.url)}): no token sent`);
    }
    let token = await auth.get();
    const res = await this.#send(token, body);
    if (res.getStatus() !== 401 || this.#aborted) return res;
    token = await auth.refresh(token);
    // An XMLHttpRequest is sent once: the second send is a new one with the same headers.
    this.#request = this.stack.inner.createRequest(this.method, this.url);
    for (const [name, value] of this.#headers) this.#request.setHeader(name, value);
    if (this.#progress) this.#request.setProgressHandler(this.#progress);
    return this.#send(token, body);
  }

  #send(token: string, body: unknown): Promise<HttpResponse> {
    this.stack.token = token;
    const request = this.#request;
    request.setHeader('Authorization', `Bearer ${token}`);
    const ms = this.stack.stallTimeoutMs;
    const size = (body as Blob | undefined)?.size ?? (body as ArrayBuffer | undefined)?.byteLength ?? 0;
    if (!size || !ms) return request.send(body);
    // The stall rule of transport-xhr.ts: bytes that stop moving end the attempt; after the
    // last byte (the server answering) there is no timer. tus-js-client's own request never
    // settles on abort(), so this promise rejects by itself.
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const watch = (on: boolean) => {
        clearTimeout(timer);
        if (on) {
          timer = setTimeout(() => {
            void request.abort();
            reject(new this.stack.DeepLakeError('network', `The upload stalled: no bytes moved for ${ms / 1000} s`));
          }, ms);
        }
      };
      request.setProgressHandler((sent) => {
        watch(sent < size);
        this.#progress?.(sent);
      });
      watch(true);
      request
        .send(body)
        .then(resolve, reject)
        .finally(() => watch(false));
    });
  }

  abort(): Promise<void> {
    this.#aborted = true;
    return this.#request.abort();
  }

  getUnderlyingObject(): unknown {
    return this.#request.getUnderlyingObject();
  }
}
