/** What a workspace route gets once CORS, auth and faults have been dealt with. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { dropConnection, sleep } from './http-util.js';
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
 * Routes call this right before answering. `answerDelayMs` holds the answer (the work is
 * done: a server still processing); `drop: 'after-store'` lets the work happen (a file is
 * stored) and then loses the answer, the case an Idempotency-Key exists for.
 */
export async function droppedBeforeAnswer(ctx: RouteContext): Promise<boolean> {
  if (ctx.fault?.answerDelayMs) await sleep(ctx.fault.answerDelayMs);
  if (ctx.fault?.drop !== 'after-store') return false;
  dropConnection(ctx.req, ctx.res);
  return true;
}
