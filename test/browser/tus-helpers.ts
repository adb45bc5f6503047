/** Shared helpers of the tus browser tests: the emulator's tus log, probing an upload URL. */
import { requestLog, type LoggedRequest, type TestWorkspace } from './emulator-control.js';

// Waits are defined once, in wait.ts; imported from here by the tus tests too.
export { until } from './wait.js';

export const MiB = 1024 * 1024;

/** A logged request with the `Upload-Offset` the emulator records for tus requests. */
export type TusRequest = LoggedRequest & { uploadOffset?: number };

/** The workspace's requests to its tus endpoint, oldest first. */
export const tusLog = async (ws: TestWorkspace): Promise<TusRequest[]> => (await requestLog(ws.workspace)).filter((r) => r.path.includes('/files/tus'));

export const ofMethod = (log: TusRequest[], method: string) => log.filter((r) => r.method === method);

/** The upload URL the client PATCHed (the emulator's log has the path). */
export function uploadUrlOf(log: TusRequest[]): string {
  const patch = log.find((r) => r.method === 'PATCH');
  if (!patch) throw new Error('no PATCH in the log');
  return new URL(patch.path, location.origin).href;
}

/** The status and offset a tus HEAD gets for `url`. */
export async function probe(url: string, token?: string): Promise<{ status: number; offset: number }> {
  const headers: Record<string, string> = { 'Tus-Resumable': '1.0.0' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(url, { method: 'HEAD', headers, cache: 'no-store' });
  return { status: res.status, offset: Number(res.headers.get('Upload-Offset') ?? -1) };
}

/** A File that is "the same file" each time it is made: same bytes, name, type and date. */
export const sameFile = (bytes: Uint8Array<ArrayBuffer>, name: string) => () =>
  new File([bytes], name, { type: 'application/octet-stream', lastModified: 1_700_000_000_000 });
