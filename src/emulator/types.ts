/**
 * Public types of the local Deep Lake Files API emulator.
 * Kept apart from the implementation so `index.ts` re-exports one stable contract
 * that the demo, the browser tests and users' own tests code against.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface EmulatorOptions {
  /** Where bytes, metadata and the PGlite database live; default '.deeplake-data' (relative to cwd). */
  dataDir?: string;
  /** workspace -> tokens it accepts (more can be issued at run time). */
  workspaces?: Record<string, string[]>;
  /** CORS origins allowed; default [] (same-origin only). */
  origins?: string[] | '*';
  /** Enable the /__emulator/ control routes and the x-emulator-fault header; default false. */
  admin?: boolean;
  /** Bytes; a bigger upload gets 413; default unlimited. */
  maxFileSize?: number;
}

/** How a workspace spells its JSON, to exercise lenient clients. */
export type ResponseStyle = 'snake' | 'camel' | 'alt' | 'data';

export interface Fault {
  /** path: substring of the URL path after /workspaces/{ws}; absent = any request of that workspace. */
  match?: { method?: string; path?: string };
  /** How many matching requests it applies to (default 1); Infinity allowed programmatically. */
  count?: number;
  /** Answer with this status instead of handling the request. */
  status?: number;
  /** Body for that status (default JSON {"detail": "..."}). */
  body?: string;
  /** Content type of `body` (e.g. 'text/html' for a proxy's 502 page). */
  contentType?: string;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /** Wait before handling (or before answering with status). */
  latencyMs?: number;
  /** Destroy the socket: before reading, after ~half the body was read, or after the file was stored but before answering. */
  drop?: 'before' | 'mid-body' | 'after-store';
  /** Read the request body slowly (so browsers fire several upload progress events). */
  throttleBytesPerSec?: number;
  /** The bearer token of the matching request expires now (so it gets 401). */
  expireToken?: boolean;
  /**
   * Read about half the body, then stop reading and hold the socket, never answering: a
   * proxy or a dead hotspot that keeps the connection open. Ends when the client gives up.
   */
  stall?: boolean;
  /** The body is read and the work done, then the answer waits this long (a server processing a large file). */
  answerDelayMs?: number;
  /** The server goes away: this request and every request of the workspace lose their connection for this long. */
  outageMs?: number;
  /** `{token}` in `body` becomes the request's bearer token: a server that echoes credentials in its errors. */
  echoToken?: boolean;
}

/** One entry of the per-workspace request log; never holds a token. */
export interface RequestLogEntry {
  method: string;
  path: string;
  /** 0 when the connection was dropped before an answer. */
  status: number;
  authorized: boolean;
  /** The `Upload-Offset` a tus request (PATCH) sent, when it sent one. */
  uploadOffset?: number;
}

export interface Emulator {
  /** Handles the request if its path starts with /workspaces/ or /__emulator/ (resolves when the response has ended); otherwise calls next() (connect/Vite style) or, without next, answers 404. */
  handle(req: IncomingMessage, res: ServerResponse, next?: () => void): Promise<void>;
  /** True for /workspaces/... and /__emulator/... */
  matches(url: string): boolean;
  /** Default port 0 (a free one) and host 127.0.0.1; resolves the base URL e.g. http://127.0.0.1:4455 */
  listen(port?: number, host?: string): Promise<string>;
  /** Closes the server and any PGlite. */
  close(): Promise<void>;
  /** Random name like ws-<8 hex> when absent; existing workspace: just issues a new token (and sets the style when given). */
  addWorkspace(workspace?: string, style?: ResponseStyle): { workspace: string; token: string };
  /** Random, 'dl_' + 32 hex. */
  /** `length`: characters after the 'dl_' prefix (default 32), for tests of long, JWT-sized tokens. */
  issueToken(workspace: string, opts?: { ttlMs?: number; length?: number }): string;
  expireToken(token: string): void;
  /** The server goes away for `ms`: the workspace's open requests lose their connection now, new ones until then. */
  outage(workspace: string, ms: number): void;
  injectFault(workspace: string, fault: Fault): void;
  clearFaults(workspace?: string): void;
  /** Log, newest last (the last 1000 per workspace); never contains a token. */
  requests(workspace: string): RequestLogEntry[];
  readonly dataDir: string;
}
