/**
 * /__emulator/ control routes: only with `admin: true`, no auth, JSON in and out.
 * They let browser tests and the demo create workspaces, tokens and faults over HTTP,
 * and echo a posted form back (`POST /__emulator/echo`) for tests of plain HTML forms.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { echoForm } from './echo.js';
import { parseFault } from './faults.js';
import { HttpError, readJson, sendEmpty, sendError, sendJson } from './http-util.js';
import { isStyle } from './styles.js';
import type { Emulator } from './types.js';

type Body = Record<string, unknown>;

async function jsonObject(req: IncomingMessage): Promise<Body> {
  const body = await readJson(req);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'Body must be a JSON object');
  return body as Body;
}

function workspaceOf(body: Body): string {
  if (typeof body.workspace !== 'string' || !body.workspace) throw new HttpError(400, '"workspace" is required');
  return body.workspace;
}

export async function handleAdmin(emu: Emulator, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = `${req.method ?? 'GET'} ${url.pathname.replace(/\/+$/, '')}`;
  switch (route) {
    case 'POST /__emulator/workspaces': {
      const body = await jsonObject(req);
      if (body.workspace !== undefined && (typeof body.workspace !== 'string' || !body.workspace))
        throw new HttpError(400, '"workspace" must be a non-empty string');
      if (body.style !== undefined && !isStyle(body.style)) throw new HttpError(400, '"style" must be snake, camel, alt or data');
      return sendJson(res, 201, emu.addWorkspace(body.workspace, body.style));
    }
    case 'POST /__emulator/tokens': {
      const body = await jsonObject(req);
      const ttlMs = body.ttlMs;
      const length = body.length ?? 32;
      if (ttlMs !== undefined && typeof ttlMs !== 'number') throw new HttpError(400, '"ttlMs" must be a number');
      if (!Number.isInteger(length) || (length as number) < 8 || (length as number) > 4096) throw new HttpError(400, '"length" must be an integer from 8 to 4096');
      const opts = { length: length as number, ...(ttlMs !== undefined && { ttlMs: ttlMs }) };
      return sendJson(res, 201, { token: emu.issueToken(workspaceOf(body), opts) });
    }
    case 'POST /__emulator/faults': {
      const { workspace, ...fault } = await jsonObject(req);
      emu.injectFault(workspaceOf({ workspace }), parseFault(fault));
      return sendEmpty(res, 204);
    }
    case 'POST /__emulator/outage': {
      const body = await jsonObject(req);
      if (typeof body.ms !== 'number' || !(body.ms >= 0)) throw new HttpError(400, '"ms" must be a number >= 0');
      emu.outage(workspaceOf(body), body.ms);
      return sendEmpty(res, 204);
    }
    case 'DELETE /__emulator/faults':
      emu.clearFaults(url.searchParams.get('workspace') ?? undefined);
      return sendEmpty(res, 204);
    case 'GET /__emulator/requests': {
      const workspace = url.searchParams.get('workspace');
      if (!workspace) throw new HttpError(400, '?workspace= is required');
      return sendJson(res, 200, { requests: emu.requests(workspace) });
    }
    case 'POST /__emulator/echo':
      return echoForm(req, res);
    case 'GET /__emulator/stats':
      return sendJson(res, 200, { memory: process.memoryUsage() });
    default:
      return sendError(res, 404, 'Unknown emulator control route');
  }
}
