import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type Running, sha256, start } from './helpers.js';

const TUS = { 'Tus-Resumable': '1.0.0' };
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('emulator tus endpoint', () => {
  let run: Running;
  let other: { workspace: string; token: string };
  before(async () => {
    run = await start();
    other = run.emu.addWorkspace();
  });
  after(() => run.stop());

  const endpoint = () => `${run.ws}/files/tus`;

  /** POST: a new upload of `size` bytes; its absolute URL. */
  async function create(size: number, filename = 'big.bin', filetype = 'application/x-test'): Promise<string> {
    const res = await fetch(endpoint(), {
      method: 'POST',
      headers: { ...run.auth, ...TUS, 'Upload-Length': String(size), 'Upload-Metadata': `filename ${b64(filename)},filetype ${b64(filetype)}` },
    });
    assert.equal(res.status, 201, await res.text());
    const location = res.headers.get('location');
    assert.ok(location, 'a Location for the new upload');
    return new URL(location, endpoint()).href;
  }

  const patch = (url: string, offset: number, body: Buffer, headers: Record<string, string> = run.auth) =>
    fetch(url, {
      method: 'PATCH',
      headers: { ...headers, ...TUS, 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
      body: new Uint8Array(body),
    });

  const head = (url: string, headers: Record<string, string> = run.auth) => fetch(url, { method: 'HEAD', headers: { ...headers, ...TUS } });

  it('creates, takes chunks, reports the offset, and stores the finished file under a UUID', async () => {
    const data = randomBytes(300_000);
    const url = await create(data.length, 'größe.bin');
    assert.match(new URL(url).pathname, new RegExp(`^/workspaces/${run.workspace}/files/tus/[0-9a-f]{32}$`));

    const first = await patch(url, 0, data.subarray(0, 100_000));
    assert.equal(first.status, 204);
    assert.equal(first.headers.get('upload-offset'), '100000');
    assert.equal(first.headers.get('x-deeplake-file-id'), null, 'no file before the last byte');

    const probe = await head(url);
    assert.equal(probe.status, 200);
    assert.equal(probe.headers.get('upload-offset'), '100000');
    assert.equal(probe.headers.get('upload-length'), '300000');

    const last = await patch(url, 100_000, data.subarray(100_000));
    assert.equal(last.status, 204);
    const id = last.headers.get('x-deeplake-file-id') ?? '';
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const info = (await (await fetch(`${run.ws}/files/${id}`, { headers: run.auth })).json()) as Record<string, unknown>;
    assert.equal(info.filename, 'größe.bin');
    assert.equal(info.content_type, 'application/x-test');
    assert.equal(info.size, data.length);
    const content = Buffer.from(await (await fetch(`${run.ws}/files/${id}/content`, { headers: run.auth })).arrayBuffer());
    assert.equal(sha256(content), sha256(data));

    // A client that lost the final answer asks again and still learns the file.
    const again = await head(url);
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('upload-offset'), '300000');
    assert.equal(again.headers.get('x-deeplake-file-id'), id);
  });

  it('refuses a chunk at the wrong offset with 409 and keeps the upload', async () => {
    const url = await create(10);
    assert.equal((await patch(url, 5, Buffer.from('12345'))).status, 409);
    assert.equal((await head(url)).headers.get('upload-offset'), '0');
  });

  it('finishes an empty file at creation', async () => {
    const res = await fetch(endpoint(), {
      method: 'POST',
      headers: { ...run.auth, ...TUS, 'Upload-Length': '0', 'Upload-Metadata': `filename ${b64('empty.txt')}` },
    });
    assert.equal(res.status, 201);
    const id = res.headers.get('x-deeplake-file-id') ?? '';
    const info = (await (await fetch(`${run.ws}/files/${id}`, { headers: run.auth })).json()) as Record<string, unknown>;
    assert.equal(info.size, 0);
    assert.equal(info.content_type, 'application/octet-stream');
  });

  it('terminates an unfinished upload with DELETE', async () => {
    const url = await create(1000);
    assert.equal((await patch(url, 0, randomBytes(400))).status, 204);
    const del = await fetch(url, { method: 'DELETE', headers: { ...run.auth, ...TUS } });
    assert.equal(del.status, 204);
    assert.ok([404, 410].includes((await head(url)).status));
  });

  it('keeps the bytes a dropped PATCH delivered, so the upload resumes from there', async () => {
    // Large enough to arrive in many reads, so the drop comes after some were stored.
    const data = randomBytes(4_000_000);
    const url = await create(data.length);
    run.emu.injectFault(run.workspace, { match: { method: 'PATCH' }, drop: 'mid-body' });
    await assert.rejects(patch(url, 0, data));
    const offset = Number((await head(url)).headers.get('upload-offset'));
    assert.ok(offset > 0 && offset < data.length, `partial offset ${offset}`);
    const last = await patch(url, offset, data.subarray(offset));
    const id = last.headers.get('x-deeplake-file-id');
    const content = Buffer.from(await (await fetch(`${run.ws}/files/${id}/content`, { headers: run.auth })).arrayBuffer());
    assert.equal(sha256(content), sha256(data));
    const patches = run.emu.requests(run.workspace).filter((r) => r.method === 'PATCH' && r.path === new URL(url).pathname);
    assert.deepEqual(
      patches.slice(-2).map((r) => r.uploadOffset),
      [0, offset],
    );
  });

  it('answers injected statuses before tus sees the request', async () => {
    const url = await create(10);
    run.emu.injectFault(run.workspace, { match: { method: 'PATCH' }, status: 503 });
    assert.equal((await patch(url, 0, Buffer.from('0123456789'))).status, 503);
    assert.equal((await head(url)).headers.get('upload-offset'), '0');
  });

  it('needs a token of the workspace: 401 without, 403 for another, 404 for another workspace’s upload', async () => {
    const url = await create(10);
    const none = await fetch(endpoint(), { method: 'POST', headers: { ...TUS, 'Upload-Length': '10' } });
    assert.equal(none.status, 401);
    const expired = run.emu.issueToken(run.workspace);
    run.emu.expireToken(expired);
    assert.equal((await patch(url, 0, Buffer.from('0123456789'), { Authorization: `Bearer ${expired}` })).status, 401);
    assert.equal((await head(url, { Authorization: `Bearer ${other.token}` })).status, 403);
    // The same upload id under the other workspace, with that workspace's token: unknown there.
    const foreign = url.replace(`/workspaces/${run.workspace}/`, `/workspaces/${other.workspace}/`);
    assert.equal((await head(foreign, { Authorization: `Bearer ${other.token}` })).status, 404);
    assert.equal((await head(url)).headers.get('upload-offset'), '0');
  });

  it('404 for an upload id that is not one', async () => {
    assert.equal((await head(`${endpoint()}/..%2F..%2Ffiles`)).status, 404);
    assert.equal((await head(`${endpoint()}/${'0'.repeat(32)}`)).status, 404);
  });

  it('refuses an upload above maxFileSize with 413', async () => {
    const small = await start({ maxFileSize: 100 });
    try {
      const res = await fetch(`${small.ws}/files/tus`, { method: 'POST', headers: { ...small.auth, ...TUS, 'Upload-Length': '101' } });
      assert.equal(res.status, 413);
    } finally {
      await small.stop();
    }
  });
});
