/**
 * CORS for the configured origins. The allowed Origin is reflected (never `*`) because
 * requests carry an Authorization header; a disallowed origin gets no CORS headers at
 * all, so the browser blocks the response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOW_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'X-Activeloop-Org-Id',
  'X-Emulator-Fault',
  'Tus-Resumable',
  'Upload-Length',
  'Upload-Offset',
  'Upload-Metadata',
  'Upload-Defer-Length',
  'Upload-Concat',
].join(', ');
const ALLOW_METHODS = 'GET, HEAD, POST, PATCH, DELETE, OPTIONS';
const EXPOSE_HEADERS = [
  'Content-Length',
  'Content-Range',
  'Content-Disposition',
  'Content-Type',
  'Retry-After',
  'Location',
  'Upload-Offset',
  'Upload-Length',
  'Tus-Resumable',
  'X-Deeplake-File-Id',
].join(', ');

export function originAllowed(origin: string | undefined, origins: string[] | '*'): origin is string {
  if (!origin) return false;
  return origins === '*' || origins.includes(origin);
}

/** Sets the CORS headers on every answer for an allowed origin; returns whether it was allowed. */
export function applyCors(req: IncomingMessage, res: ServerResponse, origins: string[] | '*'): boolean {
  // Caches must not reuse one origin's answer for another, allowed or not.
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  if (!originAllowed(origin, origins)) return false;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  return true;
}

/** Answers a preflight (no auth: browsers never send credentials on OPTIONS). */
export function answerPreflight(res: ServerResponse, allowed: boolean): void {
  if (allowed) {
    res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
    res.setHeader('Access-Control-Allow-Methods', ALLOW_METHODS);
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.setHeader('Allow', ALLOW_METHODS);
  res.writeHead(204);
  res.end();
}
