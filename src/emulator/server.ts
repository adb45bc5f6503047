/**
 * createEmulator(): the local Deep Lake Files API. One request handler that mounts into
 * any node:http-style server (Vite, web-test-runner, Storybook) or runs its own.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { handleAdmin } from './admin.js';
import { TokenRegistry } from './auth.js';
import { answerPreflight, applyCors } from './cors.js';
import { FaultBook } from './faults.js';
import { HttpError, sendError } from './http-util.js';
import { QueryEngine, queryDir } from './query.js';
import { FileStore } from './store.js';
import { TusRoutes } from './tus.js';
import type { Emulator, EmulatorOptions, Fault, RequestLogEntry, ResponseStyle } from './types.js';
import { handleWorkspace, splitWorkspacePath, type WorkspaceDeps } from './workspace-routes.js';

/** Enough history for any test; bounded so a long demo session does not grow without end. */
const LOG_LIMIT = 1000;

const pathOf = (url: string): string => url.split('?')[0] ?? '';

/** 0 = dropped (or not yet) unanswered. */
const statusOf = (res: ServerResponse): number => (res.headersSent ? res.statusCode : 0);

interface LogItem {
  entry: RequestLogEntry;
  /** Present while the exchange is still open. */
  res?: ServerResponse;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const dataDir = resolve(options.dataDir ?? '.deeplake-data');
  const origins = options.origins ?? [];
  const admin = options.admin ?? false;
  const tokens = new TokenRegistry();
  const faults = new FaultBook();
  const store = new FileStore(dataDir);
  const query = new QueryEngine(queryDir(dataDir));
  const styles = new Map<string, ResponseStyle>();
  const logs = new Map<string, LogItem[]>();
  let server: Server | undefined;
  let baseUrl: string | undefined;

  for (const [workspace, list] of Object.entries(options.workspaces ?? {})) {
    styles.set(workspace, 'snake');
    for (const token of list) tokens.add(workspace, token);
  }

  const maxFileSize = options.maxFileSize ?? Infinity;
  const deps: WorkspaceDeps = {
    tokens,
    faults,
    store,
    query,
    tus: new TusRoutes(dataDir, store, maxFileSize),
    admin,
    maxFileSize,
    styleOf: (ws) => styles.get(ws) ?? 'snake',
  };

  /** Logs the request under its workspace (requests that name none are not kept). */
  function log(req: IncomingMessage, res: ServerResponse, pathname: string, workspace: string | undefined): RequestLogEntry {
    const entry: RequestLogEntry = { method: req.method ?? 'GET', path: pathname, status: 0, authorized: false };
    // tus requests say where their bytes start: tests read it to tell a resume from a restart.
    const uploadOffset = Number(req.headers['upload-offset'] ?? NaN);
    if (Number.isInteger(uploadOffset)) entry.uploadOffset = uploadOffset;
    if (workspace === undefined) return entry;
    // Listed on arrival (so "newest last" is arrival order); the status is read live from
    // the response until it closes, because a client may ask right after reading its answer.
    const logged: LogItem = { entry, res };
    let list = logs.get(workspace);
    if (!list) logs.set(workspace, (list = []));
    list.push(logged);
    if (list.length > LOG_LIMIT) list.splice(0, list.length - LOG_LIMIT);
    res.once('close', () => {
      entry.status = statusOf(res);
      delete logged.res;
    });
    return entry;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const where = splitWorkspacePath(url.pathname);
    const entry = log(req, res, url.pathname, where instanceof HttpError ? undefined : where.workspace);
    const allowed = applyCors(req, res, origins);
    if (req.method === 'OPTIONS') return answerPreflight(res, allowed);
    if (url.pathname.startsWith('/__emulator/')) {
      if (!admin) return sendError(res, 404, 'Not found');
      return handleAdmin(emulator, req, res, url);
    }
    if (where instanceof HttpError) throw where;
    return handleWorkspace(deps, req, res, url, entry, where);
  }

  const emulator: Emulator = {
    dataDir,

    matches(url: string): boolean {
      const path = pathOf(url);
      return path.startsWith('/workspaces/') || path.startsWith('/__emulator/');
    },

    async handle(req, res, next) {
      if (!emulator.matches(req.url ?? '/')) {
        if (next) return next();
        sendError(res, 404, 'Not found');
        return;
      }
      const ended = new Promise<void>((done) => res.once('close', done));
      try {
        await route(req, res);
      } catch (err) {
        if (res.headersSent) res.destroy();
        else if (err instanceof HttpError) sendError(res, err.status, err.message);
        else {
          console.error('[deeplake-emulator]', err);
          sendError(res, 500, 'Internal emulator error');
        }
      }
      // A route that returned without answering (client gone) must not leave the socket hanging.
      if (!res.writableEnded && !res.destroyed) res.destroy();
      await ended;
    },

    listen(port = 0, host = '127.0.0.1') {
      if (baseUrl) return Promise.resolve(baseUrl);
      const srv = createServer((req, res) => void emulator.handle(req, res));
      // Large uploads on slow links, or throttled by a fault, outlast Node's 5-minute default.
      srv.requestTimeout = 0;
      server = srv;
      return new Promise((resolveUrl, reject) => {
        srv.once('error', reject);
        srv.listen(port, host, () => {
          const { address, port: actual } = srv.address() as AddressInfo;
          baseUrl = `http://${address.includes(':') ? `[${address}]` : address}:${actual}`;
          resolveUrl(baseUrl);
        });
      });
    },

    async close() {
      const srv = server;
      server = undefined;
      baseUrl = undefined;
      if (srv) {
        await new Promise<void>((done) => {
          srv.close(() => done());
          srv.closeAllConnections();
        });
      }
      await query.close();
    },

    addWorkspace(workspace, style) {
      const name = workspace ?? `ws-${randomBytes(4).toString('hex')}`;
      if (style !== undefined || !styles.has(name)) styles.set(name, style ?? 'snake');
      return { workspace: name, token: emulator.issueToken(name) };
    },

    issueToken(workspace, opts) {
      if (!styles.has(workspace)) styles.set(workspace, 'snake');
      return tokens.issue(workspace, opts?.ttlMs, opts?.length);
    },

    expireToken(token) {
      tokens.expire(token);
    },

    outage(workspace, ms) {
      faults.startOutage(workspace, ms);
      for (const { res } of logs.get(workspace) ?? []) res?.socket?.destroy();
    },

    injectFault(workspace: string, fault: Fault) {
      faults.add(workspace, fault);
    },

    clearFaults(workspace) {
      faults.clear(workspace);
    },

    requests(workspace) {
      return (logs.get(workspace) ?? []).map(({ entry, res }) => ({ ...entry, status: res ? statusOf(res) : entry.status }));
    },
  };
  return emulator;
}
