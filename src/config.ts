/**
 * Where an element finds its client, in this order: its own `client` property; else its
 * `api-url`/`workspace` attributes and `tokenProvider` property, each falling back to the
 * page defaults given to `configure()`. Elements with the same configuration share one
 * client, so they share one cached token and one refresh.
 *
 * Credentials follow script, never markup (docs/SECURITY.md): the page-wide token provider's
 * token goes only to the API origins and workspaces the page's script named. An attribute
 * naming anything else makes the element refuse (`untrusted_origin`), before any request.
 * A `client` or `tokenProvider` that script set on the element itself is the page's consent.
 */
// From the modules, not client/index.ts: that entry brings DeepLakeClient's uploads too.
import type { TokenProvider } from './client/auth.js';
import { DeepLakeError } from './client/errors.js';
import { DEFAULT_API_URL, DeepLakeReader, type DeepLakeClientOptions } from './client/reader.js';

export interface DeepLakeConfig {
  /** The API's base URL; default https://api.deeplake.ai. Its origin may receive the page's token. */
  apiUrl?: string;
  workspace?: string;
  tokenProvider?: TokenProvider;
  /** Extra headers on every request, e.g. `X-Activeloop-Org-Id`. */
  headers?: Record<string, string>;
  /** More origins that an `api-url` or `tus-endpoint` attribute may name and still get the page's token. */
  allowedApiOrigins?: string[];
  /** More workspaces that a `workspace` attribute may name with the page's token; `['*']` allows any. */
  allowedWorkspaces?: string[];
}

/** What an element contributes to the resolution. */
export interface ClientHost<C extends DeepLakeReader = DeepLakeReader> {
  client?: C | undefined;
  apiUrl?: string | undefined;
  workspace?: string | undefined;
  tokenProvider?: TokenProvider | undefined;
  /** The uploader's `tus-endpoint`: it receives the token too, with `transport` 'tus'. */
  tusEndpoint?: string | undefined;
  transport?: string | undefined;
}

let defaults: DeepLakeConfig = {};
const shared = new WeakMap<TokenProvider, Map<string, DeepLakeReader>>();

/**
 * The class shared clients are made of: the reads alone (all `<deeplake-file>` needs)
 * until a module that uploads is loaded and names DeepLakeClient, so that every element of
 * the page shares one client and one token. A client made before that is replaced when
 * next asked for (a page that loads the uploader late has two token caches).
 */
let made: new (options: DeepLakeClientOptions) => DeepLakeReader = DeepLakeReader;
export const makeClientsAs = (kind: typeof made): void => void (made = kind);
/** Each refusal is explained in the console once, not once per element or per upload. */
const warned = new Set<string>();

/** Sets page-wide defaults for every element (merged with earlier calls). */
export function configure(config: DeepLakeConfig): void {
  defaults = { ...defaults, ...config };
}

/** An absolute URL's origin, relative ones against the page; "null" for what is no URL. */
const originOf = (url: string): string => {
  try {
    return new URL(url, document.baseURI).origin;
  } catch {
    return 'null';
  }
};

/**
 * Refuses, before anything is sent, attributes that would take the page-wide token where
 * the page's script did not say it may go. `quiet`: no console warning (a render asking).
 */
function checkMarkup(host: ClientHost, quiet: boolean): void {
  const ws = host.workspace;
  const workspaces = [defaults.workspace, ...(defaults.allowedWorkspaces ?? [])];
  const urls = [host.apiUrl, host.transport === 'tus' && host.tusEndpoint].filter(Boolean) as string[];
  // Parsed only when markup names a URL: most elements name none (a gallery of 200 connects).
  const origins = urls.length ? [defaults.apiUrl || DEFAULT_API_URL, ...(defaults.allowedApiOrigins ?? [])].map(originOf) : [];
  const refused = urls.map(originOf).find((origin) => origin === 'null' || !origins.includes(origin));
  const what = refused ? `origin ${refused}` : ws && !workspaces.includes(ws) && !workspaces.includes('*') ? `workspace ${ws}` : '';
  if (!what) return;
  // The same words in the console (once per origin or workspace) and in the element's error.
  const message = `The page's token may not go to ${what}: allow it in configure({ allowedApiOrigins, allowedWorkspaces })`;
  if (!quiet && !warned.has(what)) {
    warned.add(what);
    console.warn('deeplake-elements:', message);
  }
  throw new DeepLakeError('untrusted_origin', message);
}

/** The client `host` should use; throws an `auth` or `untrusted_origin` error, and sends nothing, when it may not have one. */
export function resolveClient<C extends DeepLakeReader>(host: ClientHost<C>, quiet = false): C {
  if (host.client) return host.client;
  const own = host.tokenProvider;
  const tokenProvider = own ?? defaults.tokenProvider;
  const workspace = host.workspace || defaults.workspace;
  if (!workspace || !tokenProvider) {
    if (!quiet && !warned.has('')) {
      warned.add('');
      console.warn('deeplake-elements: call configure({ workspace, tokenProvider })');
    }
    throw new DeepLakeError('auth', 'No workspace or token provider is configured (see configure())');
  }
  if (!own) checkMarkup(host, quiet);
  const apiUrl = host.apiUrl || defaults.apiUrl || undefined;
  const key = JSON.stringify([apiUrl ?? '', workspace, defaults.headers ?? {}]);
  let byKey = shared.get(tokenProvider);
  if (!byKey) shared.set(tokenProvider, (byKey = new Map<string, DeepLakeReader>()));
  let client = byKey.get(key);
  if (!(client instanceof made)) byKey.set(key, (client = new made({ apiUrl, workspace, tokenProvider, headers: defaults.headers })));
  // A host whose client is a DeepLakeClient is an element of a module that named it (makeClientsAs).
  return client as C;
}

/** `resolveClient(host)`, or undefined while nothing is configured yet (or markup is refused): no warning, nothing is sent. */
export function tryResolveClient<C extends DeepLakeReader>(host: ClientHost<C>): C | undefined {
  try {
    return resolveClient(host, true);
  } catch {
    return undefined;
  }
}
