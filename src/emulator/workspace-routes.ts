/**
 * One request under /workspaces/{ws}: auth, faults, then the Files API (multipart or tus) or tables/query.
 * The order is the contract: CORS preflight (handled by the caller) before auth; faults
 * after auth, except `expireToken`, which acts first so the auth check then fails.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, type TokenRegistry } from './auth.js';
import type { RouteContext } from './context.js';
import { type FaultBook, parseFaultHeader, shapeBody } from './faults.js';
import { handleFiles } from './files-routes.js';
import { drain, dropConnection, HttpError, sendError, sleep } from './http-util.js';
import { handleQuery, type QueryEngine } from './query.js';
import type { FileStore } from './store.js';
import { isTusPath, type TusRoutes } from './tus.js';
import type { Fault, RequestLogEntry, ResponseStyle } from './types.js';

export interface WorkspaceDeps {
  tokens: TokenRegistry;
  faults: FaultBook;
  store: FileStore;
  query: QueryEngine;
  tus: TusRoutes;
  admin: boolean;
  maxFileSize: number;
  styleOf(workspace: string): ResponseStyle;
}

/** Where a request under /workspaces/ goes: the workspace (one URL-decoded segment) and the rest of the path. */
export interface WorkspacePath {
  workspace: string;
  path: string;
}

/**
 * Splits "/workspaces/{ws}/rest", once per request (the request log and the routes read the
 * same answer): an HttpError for a path that names no workspace (404) or a malformed one (400).
 */
export function splitWorkspacePath(pathname: string): WorkspacePath | HttpError {
  const m = /^\/workspaces\/([^/]+)(\/.*)?$/.exec(pathname);
  if (!m) return new HttpError(404, 'Not found');
  try {
    return { workspace: decodeURIComponent(m[1]!), path: m[2] ?? '/' };
  } catch {
    return new HttpError(400, 'Malformed workspace name in the URL');
  }
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

async function answerFault(req: IncomingMessage, res: ServerResponse, fault: Fault & { status: number }): Promise<void> {
  // Read the body first: a client still uploading would otherwise see a reset, not the status.
  await drain(req);
  const headers: Record<string, string | number> = {};
  if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
  let body = fault.body ?? JSON.stringify({ detail: `Injected fault: HTTP ${fault.status}` });
  if (fault.echoToken) body = body.replaceAll('{token}', bearerToken(req) ?? '');
  headers['Content-Type'] = fault.contentType ?? (fault.body === undefined ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8');
  headers['Content-Length'] = Buffer.byteLength(body);
  res.writeHead(fault.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

export async function handleWorkspace(
  deps: WorkspaceDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  entry: RequestLogEntry,
  { workspace, path }: WorkspacePath,
): Promise<void> {
  const method = req.method ?? 'GET';
  const headerFault = deps.admin ? parseFaultHeader(req.headers['x-emulator-fault']) : undefined;

  const expiring = headerFault?.expireToken ? headerFault : deps.faults.take(workspace, method, path, (f) => !!f.expireToken);
  if (expiring) {
    const token = bearerToken(req);
    if (token) deps.tokens.expire(token);
  }
  const auth = deps.tokens.check(req, workspace);
  if (!auth.ok) {
    const challenge = req.headers.authorization === undefined ? 'Bearer' : 'Bearer error="invalid_token"';
    return sendError(res, auth.status, auth.detail, auth.status === 401 ? { 'WWW-Authenticate': challenge } : {});
  }
  entry.authorized = true;

  const fault = expiring ? undefined : (headerFault ?? deps.faults.take(workspace, method, path));
  if (fault?.outageMs) deps.faults.startOutage(workspace, fault.outageMs);
  if (deps.faults.inOutage(workspace)) return dropConnection(req, res);
  if (fault?.latencyMs) await sleep(fault.latencyMs);
  if (fault?.drop === 'before') return dropConnection(req, res);
  // A request without a body has no middle to cut: drop it before the answer.
  if (fault?.drop === 'mid-body' && !hasBody(req)) return dropConnection(req, res);
  if (fault?.status !== undefined) return answerFault(req, res, fault as Fault & { status: number });

  const ctx: RouteContext = {
    req,
    res,
    workspace,
    path,
    query: url.searchParams,
    body: shapeBody(req, fault),
    style: deps.styleOf(workspace),
    store: deps.store,
    maxFileSize: deps.maxFileSize,
  };
  if (fault) ctx.fault = fault;
  // Before /files/{id}: "tus" is not a file id.
  if (isTusPath(path)) return deps.tus.handle(ctx);
  if (path === '/files' || path.startsWith('/files/')) return handleFiles(ctx);
  if (path === '/tables/query') return handleQuery(ctx, deps.query);
  return sendError(res, 404, 'Not found');
}
