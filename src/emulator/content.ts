/** Streams a stored file from disk, whole or one byte range, with download-safe headers. */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { parseRange } from './range.js';
import type { FileRecord } from './store.js';

export async function sendContent(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  record: FileRecord,
  disposition: string,
): Promise<void> {
  const size = record.size;
  const headers: Record<string, string | number> = {
    'Content-Type': record.contentType,
    'Accept-Ranges': 'bytes',
    // The bytes are whatever a user uploaded: never let a browser sniff them into HTML or
    // run them as a page of this origin, and make a direct visit download instead of render.
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': 'sandbox',
    'Content-Disposition': disposition,
    'Last-Modified': new Date(record.createdAt).toUTCString(),
    'Cache-Control': 'private, max-age=0, must-revalidate',
  };
  // A Range with If-Range for another version would need a validator; files never change,
  // so every range is served against the one version there is.
  const range = parseRange(typeof req.headers.range === 'string' ? req.headers.range : undefined, size);
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { 'Content-Range': `bytes */${size}`, 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ detail: 'Range not satisfiable' }));
    return;
  }
  let start = 0;
  let end = size - 1;
  if (range.kind === 'partial') {
    ({ start, end } = range);
    headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  }
  headers['Content-Length'] = size === 0 ? 0 : end - start + 1;
  res.writeHead(range.kind === 'partial' ? 206 : 200, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  try {
    await pipeline(createReadStream(path, { start, end }), res);
  } catch {
    // The client went away mid-download (or the file vanished): the socket is done for.
    res.destroy();
  }
}
