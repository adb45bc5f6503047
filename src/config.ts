/**
 * Where an element finds its client, in this order: its own `client` property; else its
 * `api-url`/`workspace` attributes and `tokenProvider` property, each falling back to the
 * page defaults given to `configure()`. Elements with the same configuration share one
 * client, so they share one cached token and one refresh.
 */
import { DeepLakeClient, DeepLakeError, type TokenProvider } from './client/index.js';

export interface DeepLakeConfig {
  apiUrl?: string;
  workspace?: string;
  tokenProvider?: TokenProvider;
  /** Extra headers on every request, e.g. `X-Activeloop-Org-Id`. */
  headers?: Record<string, string>;
}

/** What an element contributes to the resolution. */
export interface ClientHost {
  client?: DeepLakeClient | undefined;
  apiUrl?: string | undefined;
  workspace?: string | undefined;
  tokenProvider?: TokenProvider | undefined;
}

let defaults: DeepLakeConfig = {};
const shared = new WeakMap<TokenProvider, Map<string, DeepLakeClient>>();

/** Sets page-wide defaults for every element (merged with earlier calls). */
export function configure(config: DeepLakeConfig): void {
  defaults = { ...defaults, ...config };
}

/** The client `host` should use; throws an `auth` error when nothing says where or how to upload. */
export function resolveClient(host: ClientHost): DeepLakeClient {
  if (host.client) return host.client;
  const apiUrl = host.apiUrl || defaults.apiUrl || undefined;
  const workspace = host.workspace || defaults.workspace;
  const tokenProvider = host.tokenProvider ?? defaults.tokenProvider;
  if (!workspace || !tokenProvider) {
    throw new DeepLakeError('auth', 'No workspace or token provider is configured (see configure())');
  }
  const key = JSON.stringify([apiUrl ?? '', workspace, defaults.headers ?? {}]);
  let byKey = shared.get(tokenProvider);
  if (!byKey) shared.set(tokenProvider, (byKey = new Map()));
  let client = byKey.get(key);
  if (!client) {
    client = new DeepLakeClient({ apiUrl, workspace, tokenProvider, headers: defaults.headers });
    byKey.set(key, client);
  }
  return client;
}

/** `resolveClient(host)`, or undefined while nothing is configured yet. */
export function tryResolveClient(host: ClientHost): DeepLakeClient | undefined {
  try {
    return resolveClient(host);
  } catch {
    return undefined;
  }
}
