/**
 * Test-side control of the emulator mounted in the test server (same origin): each test
 * makes its own workspace, so faults and files of one test never touch another.
 */
import { DeepLakeClient, type DeepLakeClientOptions, type TokenProvider } from '../../src/client/index.js';
import type { Fault, ResponseStyle } from '../../src/emulator/index.js';

export const apiUrl = location.origin;

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${apiUrl}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator control ${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

export interface TestWorkspace {
  workspace: string;
  token: string;
}

export const newWorkspace = (style?: ResponseStyle): Promise<TestWorkspace> => control('POST', 'workspaces', style ? { style } : {});

/** A new token for `workspace`; `length` characters after 'dl_' (default 32), e.g. 600 for a JWT-sized one. */
export const issueToken = async (workspace: string, length?: number): Promise<string> =>
  (await control<{ token: string }>('POST', 'tokens', { workspace, length })).token;

export const injectFault = (workspace: string, fault: Fault): Promise<void> => control('POST', 'faults', { workspace, ...fault });

/** Forgets the workspace's faults not used up yet. */
export const clearFaults = (workspace: string): Promise<void> => control('DELETE', `faults?workspace=${encodeURIComponent(workspace)}`);

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  authorized: boolean;
}
/** An id no file has: the request requestsSoFar() sends, left out of every log read here. */
const MARKER_ID = '00000000-0000-4000-8000-00000000feed';

/** The workspace's requests, oldest first (requestsSoFar()'s markers left out). */
export const requestLog = async (workspace: string): Promise<LoggedRequest[]> =>
  (await control<{ requests: LoggedRequest[] }>('GET', `requests?workspace=${encodeURIComponent(workspace)}`)).requests.filter(
    (r) => !r.path.endsWith(`/files/${MARKER_ID}`),
  );

export const posts = async (ws: TestWorkspace): Promise<LoggedRequest[]> => (await requestLog(ws.workspace)).filter((r) => r.method === 'POST');

/**
 * The workspace's requests once a marker request sent now (`info` of an id no file has,
 * answered 404) is back: a request the page sent before it has reached the server by
 * then. For "nothing was sent" checks, instead of waiting a while. A fault that matches
 * a GET applies to the marker too: not for a workspace with one.
 */
export async function requestsSoFar(ws: TestWorkspace): Promise<LoggedRequest[]> {
  const res = await fetch(`${apiUrl}/workspaces/${encodeURIComponent(ws.workspace)}/files/${MARKER_ID}`, {
    headers: { Authorization: `Bearer ${ws.token}` },
    cache: 'no-store',
  });
  if (res.status !== 404) throw new Error(`the marker request got ${res.status}, not 404`);
  return requestLog(ws.workspace);
}

/** A provider that records each call and answers with the workspace's token (or a new one when forced). */
export function recordingProvider(ws: TestWorkspace): TokenProvider & { calls: Array<{ forceRefresh: boolean }> } {
  const calls: Array<{ forceRefresh: boolean }> = [];
  const provider = async ({ forceRefresh }: { forceRefresh: boolean }) => {
    calls.push({ forceRefresh });
    if (forceRefresh) ws.token = await issueToken(ws.workspace);
    return ws.token;
  };
  return Object.assign(provider, { calls });
}

/** A client for `ws` with fast retries, so fault tests do not wait for production backoff. */
export function clientFor(ws: TestWorkspace, options: Partial<DeepLakeClientOptions> = {}): DeepLakeClient {
  return new DeepLakeClient({
    apiUrl,
    workspace: ws.workspace,
    tokenProvider: () => ws.token,
    retry: { baseDelayMs: 5, maxDelayMs: 2_000 },
    ...options,
  });
}

/** Deterministic pseudo-random bytes (so a failure can be reproduced). */
export function makeBytes(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

export async function sha256(data: Blob | Uint8Array): Promise<string> {
  const buffer = data instanceof Blob ? await data.arrayBuffer() : data;
  const digest = await crypto.subtle.digest('SHA-256', buffer as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Resolves with the rejection of `promise`, failing the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}
