import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Running, sha256, start, until, upload } from './helpers.js';

describe('emulator faults', () => {
  let run: Running;
  before(async () => {
    run = await start({ admin: true });
  });
  after(() => run.stop());

  const list = (): Promise<Response> => fetch(`${run.ws}/files`, { headers: run.auth });
  const total = async (): Promise<number> => ((await (await list()).json()) as { total: number }).total;

  it('status + Retry-After for `count` requests, then normal', async () => {
    run.emu.injectFault(run.workspace, { status: 503, retryAfter: 2, count: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await list();
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '2');
      assert.match(((await res.json()) as { detail: string }).detail, /503/);
    }
    assert.equal((await list()).status, 200);
  });

  it('an HTML body with its content type (a proxy error page)', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    run.emu.injectFault(run.workspace, { status: 502, body: html, contentType: 'text/html' });
    const res = await list();
    assert.equal(res.status, 502);
    assert.equal(res.headers.get('content-type'), 'text/html');
    assert.equal(await res.text(), html);
  });

  it('match limits a fault to a method and a path; unauthorized requests do not consume it', async () => {
    run.emu.injectFault(run.workspace, { match: { method: 'POST', path: '/files' }, status: 429, retryAfter: 1 });
    assert.equal((await list()).status, 200, 'GET must not match a POST fault');
    assert.equal((await fetch(`${run.ws}/files`, { method: 'POST' })).status, 401);
    const res = await upload(run, 'x');
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '1');
    assert.equal((await upload(run, 'x')).status, 201);
  });

  it('drop before: the client sees a network error, nothing is stored', async () => {
    const before = await total();
    run.emu.injectFault(run.workspace, { drop: 'before', match: { method: 'POST' } });
    await assert.rejects(upload(run, randomBytes(100_000)), TypeError);
    assert.equal(await total(), before);
    assert.equal((await list()).status, 200, 'the next request is normal again');
  });

  it('drop mid-body: a network error, and the partial file is removed', async () => {
    const before = await total();
    run.emu.injectFault(run.workspace, { drop: 'mid-body' });
    await assert.rejects(upload(run, randomBytes(4 * 1024 * 1024)), TypeError);
    await until(async () => (await readdir(join(run.dir, 'tmp'))).length === 0, 'the partial file is removed');
    assert.equal(await total(), before);
    const log = run.emu.requests(run.workspace).filter((e) => e.method === 'POST');
    assert.equal(log.at(-1)?.status, 0, 'a dropped request is logged with status 0');
  });

  it('drop after-store + Idempotency-Key: the retry gets the same id and only one file is stored', async () => {
    const own = await start();
    try {
      own.emu.injectFault(own.workspace, { drop: 'after-store' });
      const bytes = randomBytes(50_000);
      const headers = { 'Idempotency-Key': 'key-123' };
      await assert.rejects(upload(own, bytes, { headers }), TypeError);
      const retry = await upload(own, bytes, { headers });
      assert.equal(retry.status, 201);
      const info = (await retry.json()) as { id: string; size: number };
      const again = (await (await upload(own, bytes, { headers })).json()) as { id: string };
      assert.equal(again.id, info.id);
      const page = (await (await fetch(`${own.ws}/files`, { headers: own.auth })).json()) as { total: number; files: Array<{ id: string }> };
      assert.equal(page.total, 1);
      assert.equal(page.files[0]?.id, info.id);
      assert.equal((await readdir(join(own.dir, 'files'))).filter((n) => !n.endsWith('.json')).length, 1);
      const content = await fetch(`${own.ws}/files/${info.id}/content`, { headers: own.auth });
      assert.equal(sha256(Buffer.from(await content.arrayBuffer())), sha256(bytes));
      // Another key (or none) is another file.
      assert.notEqual(((await (await upload(own, bytes, { headers: { 'Idempotency-Key': 'key-456' } })).json()) as { id: string }).id, info.id);
    } finally {
      await own.stop();
    }
  });

  it('latency delays only the matching request, not the others', async () => {
    run.emu.injectFault(run.workspace, { latencyMs: 600, match: { path: '/files/' } });
    const t0 = Date.now();
    const slowPath = '/files/00000000-0000-4000-8000-000000000000';
    const slow = fetch(`${run.ws}${slowPath}`, { headers: run.auth }).then((r) => {
      assert.equal(r.status, 404);
      return Date.now() - t0;
    });
    await until(() => run.emu.requests(run.workspace).some((r) => r.path.endsWith(slowPath)), 'the slow request is at the server');
    const t1 = Date.now();
    assert.equal((await list()).status, 200);
    const fast = Date.now() - t1;
    const slowMs = await slow;
    assert.ok(slowMs >= 590, `latency not applied: ${slowMs} ms`);
    assert.ok(fast < 300, `another request was blocked: ${fast} ms`);
  });

  it('throttleBytesPerSec reads the body slowly and still stores it intact', async () => {
    run.emu.injectFault(run.workspace, { throttleBytesPerSec: 64 * 1024 });
    const bytes = randomBytes(96 * 1024);
    const t0 = Date.now();
    const res = await upload(run, bytes);
    const ms = Date.now() - t0;
    assert.equal(res.status, 201);
    assert.ok(ms >= 1000, `upload was not throttled: ${ms} ms`);
    const { id } = (await res.json()) as { id: string };
    const content = await fetch(`${run.ws}/files/${id}/content`, { headers: run.auth });
    assert.equal(sha256(Buffer.from(await content.arrayBuffer())), sha256(bytes));
  });

  it('expireToken: the matching request gets 401 and the token stays expired', async () => {
    const { token } = run.emu.addWorkspace(run.workspace);
    const auth = { Authorization: `Bearer ${token}` };
    run.emu.injectFault(run.workspace, { expireToken: true });
    const res = await fetch(`${run.ws}/files`, { headers: auth });
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal((await fetch(`${run.ws}/files`, { headers: auth })).status, 401);
    assert.equal((await list()).status, 200, 'other tokens still work');
  });

  it('x-emulator-fault applies to that request only (admin on)', async () => {
    const res = await fetch(`${run.ws}/files`, { headers: { ...run.auth, 'X-Emulator-Fault': JSON.stringify({ status: 500 }) } });
    assert.equal(res.status, 500);
    assert.equal((await list()).status, 200);
    const bad = await fetch(`${run.ws}/files`, { headers: { ...run.auth, 'X-Emulator-Fault': '{not json' } });
    assert.equal(bad.status, 400);
  });

  it('x-emulator-fault is ignored when admin is off; clearFaults drops pending faults', async () => {
    const plain = await start();
    try {
      const res = await fetch(`${plain.ws}/files`, { headers: { ...plain.auth, 'X-Emulator-Fault': JSON.stringify({ status: 500 }) } });
      assert.equal(res.status, 200);
      plain.emu.injectFault(plain.workspace, { status: 500, count: Infinity });
      assert.equal((await fetch(`${plain.ws}/files`, { headers: plain.auth })).status, 500);
      assert.equal((await fetch(`${plain.ws}/files`, { headers: plain.auth })).status, 500);
      plain.emu.clearFaults(plain.workspace);
      assert.equal((await fetch(`${plain.ws}/files`, { headers: plain.auth })).status, 200);
    } finally {
      await plain.stop();
    }
  });
});
