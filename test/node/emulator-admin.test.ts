import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { multipart, type Running, start } from './helpers.js';

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('emulator admin routes', () => {
  let run: Running;
  before(async () => {
    run = await start({ admin: true });
  });
  after(() => run.stop());

  it('creates a workspace with a style and a token that works', async () => {
    const res = await fetch(`${run.url}/__emulator/workspaces`, json({ style: 'camel' }));
    assert.equal(res.status, 201);
    const { workspace, token } = (await res.json()) as { workspace: string; token: string };
    assert.match(workspace, /^ws-[0-9a-f]{8}$/);
    assert.match(token, /^dl_[0-9a-f]{32}$/);
    const list = await fetch(`${run.url}/workspaces/${workspace}/files`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(list.status, 200);
    assert.ok(Array.isArray(await list.json()), 'camel style lists a bare array');
    const named = (await (await fetch(`${run.url}/__emulator/workspaces`, json({ workspace: 'named' }))).json()) as { workspace: string };
    assert.equal(named.workspace, 'named');
    assert.equal((await fetch(`${run.url}/__emulator/workspaces`, json({ style: 'nope' }))).status, 400);
  });

  it('issues tokens with a ttl', async () => {
    const res = await fetch(`${run.url}/__emulator/tokens`, json({ workspace: run.workspace, ttlMs: 60_000 }));
    assert.equal(res.status, 201);
    const { token } = (await res.json()) as { token: string };
    assert.equal((await fetch(`${run.ws}/files`, { headers: { Authorization: `Bearer ${token}` } })).status, 200);
    assert.equal((await fetch(`${run.url}/__emulator/tokens`, json({}))).status, 400);
  });

  it('injects and clears faults, and shows the request log', async () => {
    const add = await fetch(`${run.url}/__emulator/faults`, json({ workspace: run.workspace, status: 429, retryAfter: 3, count: 5 }));
    assert.equal(add.status, 204);
    const hit = await fetch(`${run.ws}/files`, { headers: run.auth });
    assert.equal(hit.status, 429);
    assert.equal(hit.headers.get('retry-after'), '3');
    const clear = await fetch(`${run.url}/__emulator/faults?workspace=${run.workspace}`, { method: 'DELETE' });
    assert.equal(clear.status, 204);
    assert.equal((await fetch(`${run.ws}/files`, { headers: run.auth })).status, 200);
    assert.equal((await fetch(`${run.url}/__emulator/faults`, json({ workspace: run.workspace, drop: 'sideways' }))).status, 400);

    const log = (await (await fetch(`${run.url}/__emulator/requests?workspace=${run.workspace}`)).json()) as {
      requests: Array<{ method: string; path: string; status: number; authorized: boolean }>;
    };
    assert.deepEqual(
      log.requests.slice(-2).map((r) => r.status),
      [429, 200],
    );
    assert.equal(log.requests.at(-1)?.path, `/workspaces/${run.workspace}/files`);
    assert.ok(!JSON.stringify(log).includes(run.token));
  });

  it('echoes a posted form, urlencoded or multipart, as text/plain JSON', async () => {
    const echo = `${run.url}/__emulator/echo`;
    const encoded = await fetch(echo, {
      method: 'POST',
      body: new URLSearchParams([
        ['a', '1'],
        ['a', '2'],
        ['b', 'é & ='],
      ]),
    });
    assert.equal(encoded.status, 200);
    assert.match(encoded.headers.get('content-type') ?? '', /^text\/plain/);
    assert.deepEqual(await encoded.json(), { fields: { a: ['1', '2'], b: ['é & ='] }, files: {} });

    const { body, contentType } = multipart([
      { name: 'ids', data: 'u1' },
      { name: 'ids', data: 'u2' },
      // A browser writes quotes in a file name as %22.
      { name: 'doc', data: 'bytes', filename: 'a %22b%22.txt', type: 'text/plain' },
    ]);
    const parts = await fetch(echo, { method: 'POST', headers: { 'Content-Type': contentType }, body });
    assert.equal(parts.status, 200);
    assert.deepEqual(await parts.json(), { fields: { ids: ['u1', 'u2'] }, files: { doc: ['a "b".txt'] } });

    const empty = await fetch(echo, { method: 'POST', body: new URLSearchParams() });
    assert.deepEqual(await empty.json(), { fields: {}, files: {} });
    assert.equal((await fetch(echo, json({ a: 1 }))).status, 415);
    assert.equal((await fetch(echo)).status, 404, 'POST only');
  });

  it('reports memory stats', async () => {
    const stats = (await (await fetch(`${run.url}/__emulator/stats`)).json()) as { memory: { rss: number; heapUsed: number } };
    assert.ok(stats.memory.rss > 0 && stats.memory.heapUsed > 0);
  });

  it('the control routes do not exist without admin: true', async () => {
    const plain = await start();
    try {
      assert.equal((await fetch(`${plain.url}/__emulator/workspaces`, json({}))).status, 404);
      assert.equal((await fetch(`${plain.url}/__emulator/stats`)).status, 404);
      assert.equal((await fetch(`${plain.url}/__emulator/echo`, { method: 'POST', body: new URLSearchParams({ a: '1' }) })).status, 404);
    } finally {
      await plain.stop();
    }
  });
});

describe('emulator handle() as middleware', () => {
  it('calls next() for other paths and handles its own', async () => {
    const { createServer } = await import('node:http');
    const run = await start();
    const srv = createServer((req, res) => {
      void run.emu.handle(req, res, () => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('from the host app');
      });
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const { port } = srv.address() as { port: number };
    try {
      assert.equal(run.emu.matches('/workspaces/x/files?limit=1'), true);
      assert.equal(run.emu.matches('/__emulator/stats'), true);
      assert.equal(run.emu.matches('/index.html'), false);
      assert.equal(await (await fetch(`http://127.0.0.1:${port}/index.html`)).text(), 'from the host app');
      const own = await fetch(`http://127.0.0.1:${port}/workspaces/${run.workspace}/files`, { headers: run.auth });
      assert.equal(own.status, 200);
      assert.equal(((await own.json()) as { total: number }).total, 0);
      assert.equal((await fetch(`${run.url}/index.html`)).status, 404, 'without next(), other paths are 404');
    } finally {
      srv.closeAllConnections();
      await new Promise((r) => srv.close(r));
      await run.stop();
    }
  });
});
