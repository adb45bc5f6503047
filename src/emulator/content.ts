/** Streams a stored file from disk, whole or one byte range, with download-safe headers. */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { parseRange } from './range.js';
import type { FileRecord } from './store.js';

/**
 * Small files are kept in memory once read (least recently used first out), as an object
 * store's front serves hot objects: a gallery asks for the same few hundred KiB again and
 * again, and a read from disk per request (open, read, close on libuv's thread pool) took
 * 2–70 ms on a loaded machine where memory takes none (ARCHITECTURE, "Where a gallery's
 * first screen went"). Stored bytes never change (a new upload is a new id) and a removed
 * file is out of the index before its bytes go, so an entry is never stale.
 */
const cache = new Map<string, Buffer>();
export const contentCache = { fileMax: 1024 * 1024, totalMax: 32 * 1024 * 1024, total: 0 };

async function smallFile(path: string): Promise<Buffer> {
  let bytes = cache.get(path);
  if (bytes) cache.delete(path);
  else {
    bytes = await readFile(path);
    contentCache.total += bytes.length;
    for (const [oldest, old] of cache) {
      if (contentCache.total <= contentCache.totalMax) break;
      cache.delete(oldest);
      contentCache.total -= old.length;
    }
  }
  cache.set(path, bytes);
  return bytes;
}

export async function sendContent(req: IncomingMessage, res: ServerResponse, path: string, record: FileRecord, disposition: string): Promise<void> {
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
    if (size <= contentCache.fileMax) res.end((await smallFile(path)).subarray(start, end + 1));
    else await pipeline(createReadStream(path, { start, end }), res);
  } catch {
    // The client went away mid-download (or the file vanished): the socket is done for.
    res.destroy();
  }
}
