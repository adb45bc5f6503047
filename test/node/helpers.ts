/** Shared setup for the emulator's Node tests: a real server on 127.0.0.1:0 in a temp dir. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js';

export interface Running {
  emu: Emulator;
  /** Base URL, e.g. http://127.0.0.1:39123 */
  url: string;
  /** Base URL of the default workspace: `${url}/workspaces/${workspace}` */
  ws: string;
  workspace: string;
  token: string;
  dir: string;
  auth: { Authorization: string };
  stop(): Promise<void>;
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'deeplake-emu-test-'));
}

export async function start(options: EmulatorOptions = {}, dir?: string): Promise<Running> {
  const dataDir = dir ?? (await tempDir());
  const emu = createEmulator({ dataDir, ...options });
  const { workspace, token } = emu.addWorkspace();
  const url = await emu.listen(0);
  return {
    emu,
    url,
    ws: `${url}/workspaces/${encodeURIComponent(workspace)}`,
    workspace,
    token,
    dir: dataDir,
    auth: { Authorization: `Bearer ${token}` },
    async stop() {
      await emu.close();
      if (!dir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Part {
  name: string;
  data: string | Buffer;
  filename?: string;
  /** Raw `filename*` parameter value (RFC 8187), used instead of `filename`. */
  filenameStar?: string;
  type?: string;
}

/** A hand-built multipart/form-data body, so tests control every byte (quotes, filename*). */
export function multipart(parts: Part[]): { body: Uint8Array<ArrayBuffer>; contentType: string } {
  const boundary = `----emutest${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    let disp = `form-data; name="${p.name}"`;
    if (p.filenameStar !== undefined) disp += `; filename*=${p.filenameStar}`;
    else if (p.filename !== undefined) disp += `; filename="${p.filename}"`;
    let head = `--${boundary}\r\nContent-Disposition: ${disp}\r\n`;
    if (p.type) head += `Content-Type: ${p.type}\r\n`;
    chunks.push(Buffer.from(head + '\r\n'), Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  // A plain Uint8Array over its own ArrayBuffer: what fetch's BodyInit type accepts.
  const all = Buffer.concat(chunks);
  const body = new Uint8Array(all.length);
  body.set(all);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

export function sha256(data: Buffer | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Uploads one file with fetch and returns the response (not yet read). */
export function upload(
  run: Running,
  data: string | Buffer,
  opts: { filename?: string; type?: string; headers?: Record<string, string>; ws?: string } = {},
): Promise<Response> {
  const { body, contentType } = multipart([{ name: 'file', data, filename: opts.filename ?? 'hello.txt', type: opts.type ?? 'text/plain' }]);
  return fetch(`${opts.ws ?? run.ws}/files`, {
    method: 'POST',
    headers: { ...run.auth, 'Content-Type': contentType, ...opts.headers },
    body,
  });
}

/** Uploads and returns the parsed JSON of the 201. */
export async function uploadJson(
  run: Running,
  data: string | Buffer,
  filename = 'hello.txt',
  type = 'text/plain',
): Promise<Record<string, unknown> & { id: string }> {
  const res = await upload(run, data, { filename, type });
  if (res.status !== 201) throw new Error(`upload: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown> & { id: string };
}

/**
 * Polls `check` (every `intervalMs`) until it returns something truthy, and answers that;
 * fails after `timeoutMs`, naming `what` it waited for. No test here waits a fixed time.
 */
export async function until<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 10_000,
  intervalMs = 20,
): Promise<Exclude<T, false | '' | 0 | null | undefined>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, false | '' | 0 | null | undefined>;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
