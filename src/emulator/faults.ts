/**
 * Fault injection: per-workspace queues of faults, each consumed by matching requests,
 * plus the body shaping (throttle, mid-body drop) that some faults need.
 */
import type { IncomingMessage } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { HttpError, sleep } from './http-util.js';
import type { Fault } from './types.js';

interface Pending {
  fault: Fault;
  remaining: number;
}

const DROPS = new Set(['before', 'mid-body', 'after-store']);

/** Validates a fault from JSON (admin route, x-emulator-fault header); throws HttpError 400. */
export function parseFault(json: unknown): Fault {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new HttpError(400, 'A fault must be a JSON object');
  const f = json as Record<string, unknown>;
  const num = (k: string, min = 0): void => {
    if (f[k] !== undefined && (typeof f[k] !== 'number' || !(f[k] >= min))) throw new HttpError(400, `Fault field "${k}" must be a number >= ${min}`);
  };
  num('count', 1);
  num('status', 100);
  num('retryAfter');
  num('latencyMs');
  num('throttleBytesPerSec', 1);
  num('answerDelayMs');
  num('outageMs');
  if (f.stall !== undefined && typeof f.stall !== 'boolean') throw new HttpError(400, 'Fault field "stall" must be a boolean');
  if (f.drop !== undefined && (typeof f.drop !== 'string' || !DROPS.has(f.drop)))
    throw new HttpError(400, 'Fault field "drop" must be before, mid-body or after-store');
  if (f.echoToken !== undefined && typeof f.echoToken !== 'boolean') throw new HttpError(400, 'Fault field "echoToken" must be a boolean');
  for (const k of ['body', 'contentType'] as const) {
    if (f[k] !== undefined && typeof f[k] !== 'string') throw new HttpError(400, `Fault field "${k}" must be a string`);
  }
  if (f.match !== undefined && (typeof f.match !== 'object' || f.match === null)) throw new HttpError(400, 'Fault field "match" must be an object');
  return f;
}

export function parseFaultHeader(value: string | string[] | undefined): Fault | undefined {
  if (value === undefined) return undefined;
  const text = Array.isArray(value) ? value.join(',') : value;
  try {
    return parseFault(JSON.parse(text));
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(400, 'x-emulator-fault must be a JSON fault');
  }
}

function matches(fault: Fault, method: string, path: string): boolean {
  const m = fault.match;
  if (!m) return true;
  if (m.method && m.method.toUpperCase() !== method.toUpperCase()) return false;
  if (m.path && !path.includes(m.path)) return false;
  return true;
}

export class FaultBook {
  readonly #byWorkspace = new Map<string, Pending[]>();
  /** Per workspace: until when (Date.now()) an `outageMs` fault keeps it away. */
  readonly #outages = new Map<string, number>();

  /** Starts an outage of `ms` for the workspace. */
  startOutage(workspace: string, ms: number): void {
    this.#outages.set(workspace, Date.now() + ms);
  }

  /** Whether the workspace is in an outage now. */
  inOutage(workspace: string): boolean {
    return (this.#outages.get(workspace) ?? 0) > Date.now();
  }

  add(workspace: string, fault: Fault): void {
    const count = fault.count ?? 1;
    let list = this.#byWorkspace.get(workspace);
    if (!list) this.#byWorkspace.set(workspace, (list = []));
    list.push({ fault, remaining: count });
  }

  clear(workspace?: string): void {
    if (workspace === undefined) this.#byWorkspace.clear();
    else this.#byWorkspace.delete(workspace);
    if (workspace === undefined) this.#outages.clear();
    else this.#outages.delete(workspace);
  }

  /** Consumes one use of the first matching fault (that passes `filter`), in injection order. */
  take(workspace: string, method: string, path: string, filter: (f: Fault) => boolean = () => true): Fault | undefined {
    const list = this.#byWorkspace.get(workspace);
    if (!list) return undefined;
    const i = list.findIndex((p) => p.remaining > 0 && filter(p.fault) && matches(p.fault, method, path));
    if (i < 0) return undefined;
    const pending = list[i]!;
    pending.remaining -= 1;
    if (pending.remaining <= 0) list.splice(i, 1);
    return pending.fault;
  }
}

/**
 * Wraps a request body for faults that act while it is read: `throttleBytesPerSec` paces
 * the reads (backpressure then holds the client's socket, so browsers fire several progress
 * events), `drop: 'mid-body'` destroys the socket once about half the body has been read,
 * `stall` stops reading there and holds it.
 * Without such a fault the request itself is returned, untouched.
 */
export function shapeBody(req: IncomingMessage, fault: Fault | undefined): Readable {
  const rate = fault?.throttleBytesPerSec;
  const dropMid = fault?.drop === 'mid-body';
  const stall = !!fault?.stall;
  if (!rate && !dropMid && !stall) return req;
  const length = Number(req.headers['content-length']);
  // Unknown length (chunked): drop after the first chunk, which is "partway" all the same.
  const dropAt = Number.isFinite(length) && length > 1 ? Math.floor(length / 2) : 1;
  const slice = rate ? Math.max(1024, Math.min(16 * 1024, Math.floor(rate / 4))) : Infinity;
  let seen = 0;
  const shaped = new Transform({
    transform(chunk: Buffer, _enc, done) {
      void (async () => {
        for (let i = 0; i < chunk.length; i += slice) {
          const part = chunk.subarray(i, Math.min(i + slice, chunk.length));
          seen += part.length;
          if (dropMid && seen >= dropAt) {
            req.socket.destroy();
            return done();
          }
          // Never calling done(): nothing more is read, backpressure holds the client's socket.
          if (stall && seen >= dropAt) return req.pause();
          this.push(part);
          if (rate) await sleep((part.length / rate) * 1000);
        }
        done();
      })();
    },
  });
  req.on('error', (err) => shaped.destroy(err));
  req.on('close', () => {
    if (!req.complete) shaped.destroy(new Error('Client closed the connection'));
  });
  return req.pipe(shaped);
}
