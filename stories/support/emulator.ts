/**
 * Stories talk to the emulator that `npm run storybook` mounts into its dev server (same
 * origin). Each story gets a workspace of its own, so one story's faults (slow or failing
 * uploads) never touch another shown beside it on a docs page. In a static build there is
 * no emulator: the client's token provider then fails, and the story shows that state.
 */
import { DeepLakeClient } from '../../src/client/index.js';
import type { Fault } from '../../src/emulator/types.js';

export interface StoryWorkspace {
  workspace: string;
  token: string;
}

const control = (path: string, body: unknown) =>
  fetch(`/__emulator/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** A new emulator workspace, or null when there is no emulator (static build). */
export async function newWorkspace(): Promise<StoryWorkspace | null> {
  try {
    const res = await control('workspaces', {});
    return res.ok ? ((await res.json()) as StoryWorkspace) : null;
  } catch {
    return null;
  }
}

/** Queues a fault (latency, throttled reads, error statuses) on the workspace. */
export async function injectFault(ws: StoryWorkspace | null, fault: Fault): Promise<void> {
  if (ws) await control('faults', { workspace: ws.workspace, ...fault });
}

export const OFFLINE = 'No emulator here: run `npm run storybook` to upload and show files.';

/** A client for the story's workspace; offline, every request fails with OFFLINE. */
export function storyClient(ws: StoryWorkspace | null): DeepLakeClient {
  return new DeepLakeClient({
    apiUrl: location.origin,
    workspace: ws?.workspace ?? 'storybook',
    tokenProvider: () => {
      if (!ws) throw new Error(OFFLINE);
      return ws.token;
    },
    // Quick retries: a story with injected failures should settle in seconds.
    retry: { baseDelayMs: 100, maxDelayMs: 500 },
  });
}
