/** The Files API: upload, info, content, list, delete under /workspaces/{ws}/files. */
import { contentDisposition } from './disposition.js';
import { droppedBeforeAnswer, type RouteContext } from './context.js';
import { sendContent } from './content.js';
import { drain, sendEmpty, sendError, sendJson } from './http-util.js';
import { isUuid } from './store.js';
import { formatInfo, formatList } from './styles.js';
import { isMultipart, receiveUpload } from './upload.js';

const MAX_LIMIT = 1000;

/** Headers of a 201: where the file now lives, and its id for clients that read no body. */
function created(ctx: RouteContext, id: string): Record<string, string> {
  return { Location: `/workspaces/${encodeURIComponent(ctx.workspace)}/files/${id}`, 'X-Deeplake-File-Id': id };
}

async function upload(ctx: RouteContext): Promise<void> {
  const { req, res, store, workspace } = ctx;
  if (!isMultipart(req.headers)) {
    await drain(ctx.body);
    const json = /json/i.test(String(req.headers['content-type'] ?? ''));
    return sendError(res, 415, json ? 'Upload with multipart/form-data, not JSON' : 'Expected multipart/form-data with a "file" part');
  }
  const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
  const known = key === undefined ? undefined : store.byIdempotencyKey(workspace, key);
  if (known) {
    // A repeated attempt: the bytes are already stored, so read the body without keeping it.
    await drain(ctx.body);
    if (await droppedBeforeAnswer(ctx)) return;
    return sendJson(res, 201, formatInfo(known, ctx.style), created(ctx, known.id));
  }
  const result = await receiveUpload(ctx.body, req.headers, store.tempPath(), ctx.maxFileSize);
  switch (result.kind) {
    case 'aborted':
      return; // nobody is left to answer
    case 'no-file':
      return sendError(res, 400, 'No file part named "file" in the form');
    case 'too-large':
      return sendError(res, 413, `File is larger than the limit of ${ctx.maxFileSize} bytes`);
    case 'bad':
      return sendError(res, 400, result.detail);
    case 'error':
      return sendError(res, 500, result.detail);
  }
  const meta = { workspace, filename: result.filename, contentType: result.contentType, size: result.size };
  const record = await store.commit(result.tmpPath, key === undefined ? meta : { ...meta, idempotencyKey: key });
  if (await droppedBeforeAnswer(ctx)) return;
  sendJson(res, 201, formatInfo(record, ctx.style), created(ctx, record.id));
}

function parseCount(raw: string | null, fallback: number): number | undefined {
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

async function list(ctx: RouteContext): Promise<void> {
  const limit = parseCount(ctx.query.get('limit'), 20);
  const offset = parseCount(ctx.query.get('offset'), 0);
  if (limit === undefined || offset === undefined) return sendError(ctx.res, 400, 'limit and offset must be non-negative integers');
  const page = { limit: Math.min(limit, MAX_LIMIT), offset };
  const { files, total } = ctx.store.list(ctx.workspace, page.limit, page.offset);
  if (await droppedBeforeAnswer(ctx)) return;
  sendJson(ctx.res, 200, formatList(files, { total, ...page }, ctx.style));
}

async function remove(ctx: RouteContext, id: string): Promise<void> {
  if (!(await ctx.store.remove(ctx.workspace, id))) return sendError(ctx.res, 404, 'File not found');
  if (await droppedBeforeAnswer(ctx)) return;
  if (ctx.style === 'alt') return sendJson(ctx.res, 200, { deleted: true, id });
  sendEmpty(ctx.res, 204);
}

/** Routes /files, /files/{id}, /files/{id}/content; answers 404/405 for the rest. */
export async function handleFiles(ctx: RouteContext): Promise<void> {
  const { req, res } = ctx;
  const method = req.method ?? 'GET';
  const m = /^\/files(?:\/([^/]+)(\/content)?)?\/?$/.exec(ctx.path);
  if (!m) return sendError(res, 404, 'Not found');
  const [, id, content] = m;
  if (id === undefined) {
    if (method === 'POST') return upload(ctx);
    if (method === 'GET' || method === 'HEAD') return list(ctx);
    return sendError(res, 405, 'Method not allowed', { Allow: 'GET, HEAD, POST' });
  }
  const allowed = content ? 'GET, HEAD' : 'GET, HEAD, DELETE';
  if (!allowed.split(', ').includes(method)) return sendError(res, 405, 'Method not allowed', { Allow: allowed });
  const record = isUuid(id) ? ctx.store.get(ctx.workspace, id.toLowerCase()) : undefined;
  if (!record) return sendError(res, 404, 'File not found');
  if (method === 'DELETE') return remove(ctx, record.id);
  if (content) {
    if (await droppedBeforeAnswer(ctx)) return;
    return sendContent(req, res, ctx.store.pathOf(record), record, contentDisposition(record.filename));
  }
  if (await droppedBeforeAnswer(ctx)) return;
  sendJson(res, 200, formatInfo(record, ctx.style));
}
