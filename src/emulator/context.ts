/** What a workspace route gets once CORS, auth and faults have been dealt with. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { dropConnection } from './http-util.js';
import type { FileStore } from './store.js';
import type { Fault, ResponseStyle } from './types.js';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  workspace: string;
  /** The URL path after /workspaces/{ws}, e.g. "/files/<id>/content". */
  path: string;
  query: URLSearchParams;
  /** The request body, possibly shaped by a fault (throttled, cut off): read this, not `req`. */
  body: Readable;
  style: ResponseStyle;
  store: FileStore;
  maxFileSize: number;
  /** The fault applied to this request, if any (latency and status are already handled). */
  fault?: Fault;
}

/**
 * `drop: 'after-store'` lets the work happen (a file is stored) and then loses the answer,
 * the case an Idempotency-Key exists for. Routes call this right before answering.
 */
export function droppedBeforeAnswer(ctx: RouteContext): boolean {
  if (ctx.fault?.drop !== 'after-store') return false;
  dropConnection(ctx.req, ctx.res);
  return true;
}
