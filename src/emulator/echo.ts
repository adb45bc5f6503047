/**
 * `POST /__emulator/echo` (admin only): answers with what a form posted, so a test can
 * submit a real `<form method="post">` into an iframe and read what arrived. Accepts
 * application/x-www-form-urlencoded and multipart/form-data; a file part is listed by
 * its file name under `files` (its bytes are read and dropped).
 */
import busboy from 'busboy';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { drain, HttpError } from './http-util.js';
import { decodeFormFilename } from './upload.js';

export interface EchoBody {
  fields: Record<string, string[]>;
  files: Record<string, string[]>;
}

const push = (into: Record<string, string[]>, name: string, value: string) => void (into[name] ??= []).push(value);

export async function echoForm(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) {
    await drain(req);
    throw new HttpError(415, 'Expected a form body (application/x-www-form-urlencoded or multipart/form-data)');
  }
  const echo: EchoBody = { fields: {}, files: {} };
  let bb: busboy.Busboy;
  try {
    bb = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fields: 1000, fieldSize: 1 << 20, files: 100 } });
  } catch (err) {
    await drain(req);
    throw new HttpError(400, `Malformed form body: ${(err as Error).message}`);
  }
  bb.on('field', (name, value) => push(echo.fields, name, value));
  bb.on('file', (name, stream, meta) => {
    push(echo.files, name, decodeFormFilename(meta.filename ?? ''));
    stream.resume();
  });
  try {
    await pipeline(req, bb);
  } catch (err) {
    throw new HttpError(400, `Malformed form body: ${(err as Error).message}`);
  }
  // text/plain: an iframe that received the post shows the JSON as its document's text.
  const text = JSON.stringify(echo);
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}
