// Development auth for the demo pages: the emulator in this dev server issues a token
// for the `demo` workspace. A real page asks its own backend; either way the token lives
// only in memory, never in a URL, an attribute or the DOM.
import { configure } from '../src/index.js';

export async function devToken(): Promise<string> {
  const res = await fetch('/__emulator/workspaces', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ workspace: 'demo' }),
  });
  return ((await res.json()) as { token: string }).token;
}

export const WORKSPACE = 'demo';

configure({ apiUrl: location.origin, workspace: WORKSPACE, tokenProvider: devToken });
