import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { multipart, type Running, sha256, start, upload, uploadJson } from './helpers.js';

describe('emulator files: upload, info, content, list, delete', () => {
  let run: Running;
  before(async () => {
    run = await start();
  });
  after(() => run.stop());

  it('round-trips bytes exactly and answers 404 after delete', async () => {
    const bytes = randomBytes(300_000);
    const res = await upload(run, bytes, { filename: 'photo.bin', type: 'image/png' });
    assert.equal(res.status, 201);
    const created = (await res.json()) as Record<string, unknown> & { id: string };
    assert.match(String(created.id), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(res.headers.get('x-deeplake-file-id'), created.id);
    assert.equal(created.filename, 'photo.bin');
    assert.equal(created.content_type, 'image/png');
    assert.equal(created.size, bytes.length);
    assert.equal(created.workspace, run.workspace);
    assert.ok(!Number.isNaN(Date.parse(String(created.created_at))));

    const info = await fetch(`${run.ws}/files/${created.id}`, { headers: run.auth });
    assert.equal(info.status, 200);
    assert.deepEqual(await info.json(), created);

    const content = await fetch(`${run.ws}/files/${created.id}/content`, { headers: run.auth });
    assert.equal(content.status, 200);
    assert.equal(content.headers.get('content-type'), 'image/png');
    assert.equal(content.headers.get('content-length'), String(bytes.length));
    assert.equal(sha256(Buffer.from(await content.arrayBuffer())), sha256(bytes));

    const del = await fetch(`${run.ws}/files/${created.id}`, { method: 'DELETE', headers: run.auth });
    assert.equal(del.status, 204);
    assert.equal(await del.text(), '');
    for (const path of [`/files/${created.id}`, `/files/${created.id}/content`]) {
      assert.equal((await fetch(`${run.ws}${path}`, { headers: run.auth })).status, 404);
    }
    assert.equal((await fetch(`${run.ws}/files/${created.id}`, { method: 'DELETE', headers: run.auth })).status, 404);
    const left = await readdir(join(run.dir, 'files'));
    assert.ok(!left.some((n) => n.startsWith(String(created.id))), 'deleted bytes still on disk');
  });

  it('404 for an unknown id and for an id that is not a UUID', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '..%2F..%2Fetc%2Fpasswd']) {
      const res = await fetch(`${run.ws}/files/${id}`, { headers: run.auth });
      assert.equal(res.status, 404, id);
      assert.ok(typeof ((await res.json()) as { detail?: unknown }).detail === 'string');
    }
  });

  it('files are private to their workspace', async () => {
    const created = await uploadJson(run, 'mine');
    const other = run.emu.addWorkspace();
    const res = await fetch(`${run.url}/workspaces/${other.workspace}/files/${created.id}`, { headers: { Authorization: `Bearer ${other.token}` } });
    assert.equal(res.status, 404);
  });

  it('lists newest first with limit and offset', async () => {
    const own = await start();
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(String((await uploadJson(own, `file ${i}`, `f${i}.txt`)).id));
      const newestFirst = [...ids].reverse();
      const page = async (q: string): Promise<{ files: Array<{ id: string }>; total: number; limit: number; offset: number }> => {
        const res = await fetch(`${own.ws}/files${q}`, { headers: own.auth });
        assert.equal(res.status, 200);
        return (await res.json()) as never;
      };
      const all = await page('');
      assert.deepEqual(
        all.files.map((f) => f.id),
        newestFirst,
      );
      assert.equal(all.total, 5);
      assert.equal(all.limit, 20);
      assert.equal(all.offset, 0);
      const mid = await page('?limit=2&offset=1');
      assert.deepEqual(
        mid.files.map((f) => f.id),
        newestFirst.slice(1, 3),
      );
      assert.equal(mid.total, 5);
      assert.deepEqual(
        (await page('?limit=2&offset=4')).files.map((f) => f.id),
        newestFirst.slice(4),
      );
      assert.deepEqual((await page('?offset=10')).files, []);
      assert.equal((await page('?limit=5000')).limit, 1000);
      assert.equal((await fetch(`${own.ws}/files?limit=-1`, { headers: own.auth })).status, 400);
    } finally {
      await own.stop();
    }
  });

  it('400 without a part named "file"', async () => {
    const { body, contentType } = multipart([
      { name: 'note', data: 'just a field' },
      { name: 'attachment', data: 'wrong name', filename: 'a.txt', type: 'text/plain' },
    ]);
    const res = await fetch(`${run.ws}/files`, { method: 'POST', headers: { ...run.auth, 'Content-Type': contentType }, body });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { detail: string }).detail, /file/);
  });

  it('415 for a JSON body, 415 for no content type, 400 for multipart without boundary', async () => {
    const json = await fetch(`${run.ws}/files`, { method: 'POST', headers: { ...run.auth, 'Content-Type': 'application/json' }, body: '{"file":"x"}' });
    assert.equal(json.status, 415);
    const none = await fetch(`${run.ws}/files`, { method: 'POST', headers: run.auth, body: new Uint8Array([1, 2, 3]) });
    assert.equal(none.status, 415);
    const broken = await fetch(`${run.ws}/files`, { method: 'POST', headers: { ...run.auth, 'Content-Type': 'multipart/form-data' }, body: 'x' });
    assert.equal(broken.status, 400);
  });

  it('400 for a truncated multipart body, and nothing is left in tmp/', async () => {
    const { body, contentType } = multipart([{ name: 'file', data: 'abcdef', filename: 'a.txt' }]);
    const cut = body.subarray(0, body.length - 20);
    const res = await fetch(`${run.ws}/files`, { method: 'POST', headers: { ...run.auth, 'Content-Type': contentType }, body: cut });
    assert.equal(res.status, 400);
    assert.deepEqual(await readdir(join(run.dir, 'tmp')), []);
  });

  it('405 for a method a route does not take', async () => {
    const res = await fetch(`${run.ws}/files`, { method: 'PATCH', headers: run.auth });
    assert.equal(res.status, 405);
    assert.match(res.headers.get('allow') ?? '', /POST/);
  });
});

describe('emulator files: maxFileSize', () => {
  let run: Running;
  before(async () => {
    run = await start({ maxFileSize: 1000 });
  });
  after(() => run.stop());

  it('413 over the limit; the partial file is removed from disk', async () => {
    const res = await upload(run, randomBytes(200_000));
    assert.equal(res.status, 413);
    assert.match(((await res.json()) as { detail: string }).detail, /1000/);
    assert.deepEqual(await readdir(join(run.dir, 'tmp')), []);
    assert.deepEqual(await readdir(join(run.dir, 'files')), []);
    const list = (await (await fetch(`${run.ws}/files`, { headers: run.auth })).json()) as { total: number };
    assert.equal(list.total, 0);
  });

  it('exactly maxFileSize bytes is accepted', async () => {
    const res = await upload(run, randomBytes(1000));
    assert.equal(res.status, 201);
    assert.equal(((await res.json()) as { size: number }).size, 1000);
  });
});

describe('emulator files: persistence', () => {
  it('a new emulator on the same dataDir sees the stored files', async () => {
    const first = await start();
    const dir = first.dir;
    const bytes = randomBytes(5000);
    const a = await uploadJson(first, bytes, 'a.bin', 'application/octet-stream');
    const b = await uploadJson(first, 'second', 'b.txt');
    await first.emu.close();

    const second = await start({ workspaces: { [first.workspace]: ['dl_restart_token'] } }, dir);
    try {
      const auth = { Authorization: 'Bearer dl_restart_token' };
      const base = `${second.url}/workspaces/${first.workspace}`;
      const list = (await (await fetch(`${base}/files`, { headers: auth })).json()) as { files: Array<{ id: string }>; total: number };
      assert.equal(list.total, 2);
      assert.deepEqual(
        list.files.map((f) => f.id),
        [b.id, a.id],
      );
      const info = (await (await fetch(`${base}/files/${String(a.id)}`, { headers: auth })).json()) as Record<string, unknown>;
      assert.deepEqual(info, a);
      const content = await fetch(`${base}/files/${String(a.id)}/content`, { headers: auth });
      assert.equal(sha256(Buffer.from(await content.arrayBuffer())), sha256(bytes));
    } finally {
      await second.stop();
      await first.stop();
    }
  });
});
