import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Running, start } from './helpers.js';

const ALLOWED = 'http://app.example.test';

describe('emulator CORS', () => {
  let run: Running;
  before(async () => {
    run = await start({ origins: [ALLOWED] });
  });
  after(() => run.stop());

  const preflight = (origin: string, method = 'POST'): Promise<Response> =>
    fetch(`${run.ws}/files`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'authorization, idempotency-key' },
    });

  it('answers a preflight from an allowed origin with 204 and the CORS headers, without auth', async () => {
    const res = await preflight(ALLOWED);
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED);
    assert.match(res.headers.get('vary') ?? '', /Origin/);
    const allowHeaders = (res.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
    for (const h of [
      'Authorization',
      'Content-Type',
      'Idempotency-Key',
      'X-Activeloop-Org-Id',
      'X-Emulator-Fault',
      'Tus-Resumable',
      'Upload-Offset',
      'Upload-Concat',
    ]) {
      assert.ok(allowHeaders.includes(h), `Allow-Headers lacks ${h}`);
    }
    assert.equal(res.headers.get('access-control-allow-methods'), 'GET, HEAD, POST, PATCH, DELETE, OPTIONS');
    assert.equal(res.headers.get('access-control-max-age'), '600');
    const expose = (res.headers.get('access-control-expose-headers') ?? '').split(/,\s*/);
    for (const h of ['Content-Length', 'Content-Range', 'Content-Disposition', 'Retry-After', 'Location', 'X-Deeplake-File-Id', 'Upload-Offset']) {
      assert.ok(expose.includes(h), `Expose-Headers lacks ${h}`);
    }
  });

  it('reflects the origin on actual answers, errors included', async () => {
    const ok = await fetch(`${run.ws}/files`, { headers: { ...run.auth, Origin: ALLOWED } });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('access-control-allow-origin'), ALLOWED);
    assert.match(ok.headers.get('access-control-expose-headers') ?? '', /Content-Range/);
    const denied = await fetch(`${run.ws}/files`, { headers: { Origin: ALLOWED } });
    assert.equal(denied.status, 401);
    assert.equal(denied.headers.get('access-control-allow-origin'), ALLOWED, 'a browser must be able to read the 401');
  });

  it('gives a disallowed origin no CORS headers at all', async () => {
    for (const res of [
      await preflight('http://evil.example.test'),
      await fetch(`${run.ws}/files`, { headers: { ...run.auth, Origin: 'http://evil.example.test' } }),
    ]) {
      for (const [name] of res.headers) assert.ok(!name.startsWith('access-control-'), `unexpected ${name}`);
    }
  });

  it("origins: '*' reflects any origin (never a literal *, since requests carry credentials)", async () => {
    const any = await start({ origins: '*' });
    try {
      const res = await fetch(`${any.ws}/files`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' } });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    } finally {
      await any.stop();
    }
  });

  it('by default (no origins) sends no CORS headers', async () => {
    const none = await start();
    try {
      const res = await fetch(`${none.ws}/files`, { headers: { ...none.auth, Origin: ALLOWED } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    } finally {
      await none.stop();
    }
  });
});
