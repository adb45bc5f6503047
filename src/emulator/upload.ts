/**
 * Receives a multipart/form-data upload straight to a temp file. Nothing is buffered
 * beyond busboy's chunks: busboy pauses the request whenever the file stream is behind
 * the disk (backpressure), so memory stays flat whatever the file size.
 */
import busboy from 'busboy';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type UploadResult =
  | { kind: 'ok'; tmpPath: string; filename: string; contentType: string; size: number }
  | { kind: 'no-file' }
  | { kind: 'too-large' }
  | { kind: 'bad'; detail: string }
  | { kind: 'aborted' }
  | { kind: 'error'; detail: string };

export function isMultipart(headers: IncomingHttpHeaders): boolean {
  return /^multipart\/form-data\b/i.test(String(headers['content-type'] ?? ''));
}

/**
 * Reads the whole body; the first file part named `file` goes to `tmpPath`, every other
 * part is discarded. On any failure the partial file is removed before resolving.
 */
export async function receiveUpload(body: Readable, headers: IncomingHttpHeaders, tmpPath: string, maxFileSize: number): Promise<UploadResult> {
  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers,
      // Browsers send non-ASCII filenames as raw UTF-8 in `filename="…"`.
      defParamCharset: 'utf8',
      // busboy reports 'limit' when a file *reaches* the limit; +1 lets exactly maxFileSize through.
      limits: { fileSize: maxFileSize + 1, fields: 100, parts: 1000 },
    });
  } catch (err) {
    return { kind: 'bad', detail: `Malformed multipart request: ${(err as Error).message}` };
  }

  let written: Promise<void> | undefined;
  let out: WriteStream | undefined;
  let info: { filename: string; contentType: string } | undefined;
  let size = 0;
  let tooLarge = false;
  let parseError: Error | undefined;
  let writeError: Error | undefined;

  bb.on('error', (err: Error) => (parseError = err));
  bb.on('file', (name, stream, meta) => {
    // busboy destroys an open part with its own error when the body breaks off; that error
    // also rejects pipeline(body, bb) below, which is where it is handled.
    stream.on('error', () => undefined);
    if (name !== 'file' || out) {
      stream.resume();
      return;
    }
    info = { filename: decodeFormFilename(meta.filename ?? ''), contentType: meta.mimeType || 'application/octet-stream' };
    const file = (out = createWriteStream(tmpPath));
    // 'close' follows both a finished and a destroyed write stream.
    written = new Promise((resolve) => file.on('close', resolve));
    // Not stream.pipeline: a destroyed busboy file stream never ends, and busboy waits for
    // every file stream to end before it finishes. So on failure the part is unpiped and
    // resumed (read to its end, discarded) instead.
    const discardRest = (): void => {
      stream.unpipe(file);
      file.destroy();
      stream.resume();
    };
    file.on('error', (err) => {
      writeError = err;
      discardRest();
    });
    stream.on('data', (chunk: Buffer) => (size += chunk.length));
    stream.on('limit', () => {
      // Stop storing at once. busboy skips the rest of the part (parsing, not storing), so
      // the client reads the 413 instead of a connection reset in the middle of its upload.
      tooLarge = true;
      discardRest();
    });
    stream.pipe(file);
  });

  let failure: UploadResult | undefined;
  try {
    await pipeline(body, bb);
    await written;
  } catch {
    // The body broke off (client gone, injected drop) or busboy refused it. Wait for the
    // write stream to close: its file may not even be open yet, and an open that lands
    // after the rm below would leave a stray partial file.
    out?.destroy();
    await written;
    failure = parseError ? { kind: 'bad', detail: `Malformed multipart body: ${parseError.message}` } : { kind: 'aborted' };
  }
  if (!failure && tooLarge) failure = { kind: 'too-large' };
  if (!failure && writeError) failure = { kind: 'error', detail: `Could not store the file: ${writeError.message}` };
  if (failure || !info) {
    await rm(tmpPath, { force: true });
    return failure ?? { kind: 'no-file' };
  }
  return { kind: 'ok', tmpPath, size, ...info };
}

/**
 * Browsers write `"`, CR and LF in a multipart filename as %22, %0D and %0A (HTML's
 * multipart/form-data encoding algorithm) and nothing else; undo exactly those three.
 */
export function decodeFormFilename(name: string): string {
  return name.replace(/%22/g, '"').replace(/%0D/g, '\r').replace(/%0A/g, '\n');
}
