/**
 * Resumable uploads (tus 1.0) at /workspaces/{ws}/files/tus, through @tus/server and
 * @tus/file-store, behind the same bearer-token check and faults as every workspace route
 * (the caller has dealt with both). A finished upload becomes a stored file exactly as a
 * multipart upload does (FileStore.commit), and the answer that finished it names the
 * file in `X-Deeplake-File-Id`.
 *
 * The @tus packages are optional peers, imported on the first tus request only: the
 * emulator's plain Files API never loads them. One tus Server per workspace, each with its
 * own directory, so an upload id of one workspace is unknown (404) in another.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Server, Upload } from '@tus/server';
import { droppedBeforeAnswer, type RouteContext } from './context.js';
import { drain, HttpError } from './http-util.js';
import type { FileStore } from './store.js';

export const TUS_PATH = '/files/tus';
export const isTusPath = (path: string): boolean => path === TUS_PATH || path.startsWith(`${TUS_PATH}/`);

/** @tus/server's default upload ids: 16 random bytes in hex. Anything else is not ours. */
const UPLOAD_ID = /^[0-9a-f]{32}$/;

/** What is kept of a finished upload, so a client that lost the final answer still learns the file. */
interface Finished {
  fileId: string;
  size: number;
}

interface TusWorkspace {
  server: Server;
  dir: string;
}

export class TusRoutes {
  readonly #dir: string;
  readonly #workspaces = new Map<string, Promise<TusWorkspace>>();

  constructor(
    dataDir: string,
    private readonly store: FileStore,
    private readonly maxFileSize: number,
  ) {
    this.#dir = join(dataDir, 'tus');
  }

  async handle(ctx: RouteContext): Promise<void> {
    const id = ctx.path.slice(TUS_PATH.length + 1).replace(/\/$/, '');
    if (id && !UPLOAD_ID.test(id)) {
      await drain(ctx.body);
      throw new HttpError(404, 'Upload not found');
    }
    const tus = await this.#workspace(ctx.workspace);
    const finished = id ? await readFinished(tus.dir, id) : undefined;
    const method = ctx.req.method ?? 'GET';
    let response: Response;
    if (finished && (method === 'HEAD' || method === 'PATCH' || method === 'DELETE')) {
      response = await answerFinished(ctx, tus.dir, id, finished);
    } else {
      const request = webRequest(ctx);
      response = await tus.server.handleWeb(request);
      // An answer before the body was read (404, 409 …): read it anyway, or the client sees a reset.
      if (request.body && !request.body.locked) await request.body.pipeTo(new WritableStream()).catch(() => undefined);
    }
    if (await droppedBeforeAnswer(ctx)) return;
    await sendResponse(ctx.res, response, method);
  }

  #workspace(workspace: string): Promise<TusWorkspace> {
    let tus = this.#workspaces.get(workspace);
    if (!tus) {
      tus = this.#create(workspace);
      tus.catch(() => this.#workspaces.delete(workspace));
      this.#workspaces.set(workspace, tus);
    }
    return tus;
  }

  async #create(workspace: string): Promise<TusWorkspace> {
    let modules: [typeof import('@tus/server'), typeof import('@tus/file-store')];
    try {
      modules = await Promise.all([import('@tus/server'), import('@tus/file-store')]);
    } catch {
      throw new HttpError(501, 'tus needs the optional packages @tus/server and @tus/file-store');
    }
    const [{ Server }, { FileStore: TusFileStore }] = modules;
    // A hash, not the name: workspace names may hold any character, directory names may not.
    const dir = join(this.#dir, createHash('sha256').update(workspace).digest('hex').slice(0, 32));
    await mkdir(dir, { recursive: true });
    const server: Server = new Server({
      path: `/workspaces/${encodeURIComponent(workspace)}${TUS_PATH}`,
      datastore: new TusFileStore({ directory: dir }),
      // Relative: right behind any host or proxy (Vite, the test runner), resolved by the client.
      relativeLocation: true,
      ...(Number.isFinite(this.maxFileSize) ? { maxSize: this.maxFileSize } : {}),
      onUploadFinish: async (_req, upload) => ({ headers: { 'X-Deeplake-File-Id': await this.#finish(workspace, dir, upload) } }),
    });
    return { server, dir };
  }

  /** Moves the finished bytes into the Files API's store; the stored file's UUID. */
  async #finish(workspace: string, dir: string, upload: Upload): Promise<string> {
    const meta = upload.metadata ?? {};
    const record = await this.store.commit(join(dir, upload.id), {
      workspace,
      filename: meta.filename || 'blob',
      contentType: meta.filetype || 'application/octet-stream',
      size: upload.size ?? upload.offset,
    });
    const finished: Finished = { fileId: record.id, size: record.size };
    await writeFile(join(dir, `${upload.id}.done`), JSON.stringify(finished));
    await rm(join(dir, `${upload.id}.json`), { force: true });
    return record.id;
  }
}

async function readFinished(dir: string, id: string): Promise<Finished | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, `${id}.done`), 'utf8')) as Finished;
  } catch {
    return undefined;
  }
}

/**
 * A finished upload's bytes now live in the Files API's store, so @tus/server no longer
 * knows it: HEAD and a repeated last PATCH (its first answer lost) say "complete" and name
 * the file; DELETE forgets the upload (the stored file stays: delete it through the API).
 */
async function answerFinished(ctx: RouteContext, dir: string, id: string, finished: Finished): Promise<Response> {
  await drain(ctx.body);
  const headers = new Headers({ 'Tus-Resumable': '1.0.0', 'Cache-Control': 'no-store' });
  if (ctx.req.method === 'DELETE') {
    await rm(join(dir, `${id}.done`), { force: true });
    return new Response(null, { status: 204, headers });
  }
  headers.set('Upload-Offset', String(finished.size));
  headers.set('Upload-Length', String(finished.size));
  headers.set('X-Deeplake-File-Id', finished.fileId);
  return new Response(null, { status: ctx.req.method === 'HEAD' ? 200 : 204, headers });
}

/** The route's request as a web Request for @tus/server, its body the fault-shaped stream. */
function webRequest(ctx: RouteContext): Request {
  const { req } = ctx;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'host' || name === 'connection' || name === 'transfer-encoding') continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  const hasBody = method === 'POST' || method === 'PATCH';
  const url = `http://emulator.invalid/workspaces/${encodeURIComponent(ctx.workspace)}${ctx.path}`;
  return new Request(url, {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(ctx.body) as ReadableStream<Uint8Array>) : null,
    duplex: 'half',
  } as RequestInit);
}

/** Writes @tus/server's answer; CORS stays the emulator's own (applied before the route ran). */
async function sendResponse(res: ServerResponse, response: Response, method: string): Promise<void> {
  if (res.destroyed) return;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!name.startsWith('access-control-')) headers[name] = value;
  });
  // tus bodies are short texts (errors); a GET of a finished upload is not served here.
  const body = method === 'HEAD' || !response.body ? undefined : Buffer.from(await response.arrayBuffer());
  if (body) headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}
