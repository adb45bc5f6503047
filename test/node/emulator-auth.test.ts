import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Running, start, until } from './helpers.js';

/** Every header value and the body, to prove no token is ever echoed back. */
async function everything(res: Response): Promise<string> {
  return [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n') + '\n' + (await res.text());
}

describe('emulator auth', () => {
  let run: Running;
  let other: { workspace: string; token: string };
  before(async () => {
    run = await start();
    other = run.emu.addWorkspace('other-ws');
  });
  after(() => run.stop());

  const get = (authorization?: string): Promise<Response> =>
    fetch(`${run.ws}/files`, { headers: authorization === undefined ? {} : { Authorization: authorization } });

  async function expect401(res: Response, secret?: string): Promise<void> {
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer\b/);
    const text = await everything(res);
    assert.match(text, /"detail":"/);
    if (secret) assert.ok(!text.includes(secret), 'token echoed in the 401 answer');
  }

  it('401 without an Authorization header', async () => {
    await expect401(await get());
  });

  it('401 for a malformed header (not Bearer, empty, extra parts)', async () => {
    for (const h of ['Basic abc', 'Bearer', 'Bearer  ', `Token ${run.token}`, `Bearer ${run.token} extra`]) {
      await expect401(await get(h), run.token);
    }
  });

  it('401 for an unknown token', async () => {
    await expect401(await get('Bearer dl_not_a_real_token_0123456789'), 'dl_not_a_real_token_0123456789');
  });

  it('401 for a token past its ttl, 200 before', async () => {
    // A second to ask with it while valid, on a loaded machine too; then the clock itself.
    const ttlMs = 1_000;
    const token = run.emu.issueToken(run.workspace, { ttlMs });
    const expiresBy = Date.now() + ttlMs;
    assert.equal((await get(`Bearer ${token}`)).status, 200);
    await until(() => Date.now() > expiresBy, 'the ttl is over', 2 * ttlMs);
    await expect401(await get(`Bearer ${token}`), token);
  });

  it('401 after expireToken()', async () => {
    const token = run.emu.issueToken(run.workspace);
    assert.equal((await get(`Bearer ${token}`)).status, 200);
    run.emu.expireToken(token);
    await expect401(await get(`Bearer ${token}`), token);
  });

  it("403 for another workspace's token, and for an unknown workspace", async () => {
    const res = await get(`Bearer ${other.token}`);
    assert.equal(res.status, 403);
    assert.ok(!(await everything(res)).includes(other.token));
    const unknown = await fetch(`${run.url}/workspaces/nobody-here/files`, { headers: run.auth });
    assert.equal(unknown.status, 403);
    assert.ok(!(await everything(unknown)).includes(run.token));
  });

  it('200 with the right token, case-insensitive scheme, extra headers ignored', async () => {
    const res = await fetch(`${run.ws}/files`, { headers: { Authorization: `bearer ${run.token}`, 'X-Activeloop-Org-Id': 'org-1' } });
    assert.equal(res.status, 200);
    assert.ok(!(await everything(res)).includes(run.token));
  });

  it('a URL-encoded workspace name is decoded', async () => {
    const { workspace, token } = run.emu.addWorkspace('team a/b');
    const res = await fetch(`${run.url}/workspaces/${encodeURIComponent(workspace)}/files`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
  });

  it('the request log records status and authorization but never a token', async () => {
    const log = run.emu.requests(run.workspace);
    assert.ok(log.length >= 8);
    assert.ok(log.some((e) => e.status === 401 && !e.authorized));
    assert.ok(log.some((e) => e.status === 200 && e.authorized));
    assert.deepEqual(Object.keys(log[0]!).sort(), ['authorized', 'method', 'path', 'status']);
    assert.ok(!JSON.stringify(log).includes(run.token));
    assert.ok(!JSON.stringify(run.emu.requests('other-ws')).includes(other.token));
  });
});
