import { expect } from '@open-wc/testing';
import { DeepLakeError, type FileInfo, type UploadProgress } from '../../src/client/index.js';
import type { ResponseStyle } from '../../src/emulator/index.js';
import { PROGRESS_MIN_BYTES } from '../../src/client/transport-xhr.js';
import { clientFor, injectFault, makeBytes, newWorkspace, posts, rejectionOf, requestLog, sha256 } from './emulator-control.js';
import { until } from './wait.js';

describe('DeepLakeClient files', () => {
  it('uploads a generated file and reports rising progress up to the file size', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    // Loopback socket buffers swallow megabytes at once: only a body well past them,
    // read slowly by the server, makes Chromium report progress several times.
    const file = new File([makeBytes(12 * 1024 * 1024)], 'progress.bin', { type: 'application/octet-stream' });
    await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 8 * 1024 * 1024 });
    const events: UploadProgress[] = [];
    const info = await client.upload(file, { onProgress: (p) => events.push(p) });

    expect(info.id).to.match(/^[0-9a-f-]{36}$/);
    expect(info.size).to.equal(file.size);
    expect(events.length).to.be.greaterThan(2);
    expect(events.every((e) => e.total === file.size)).to.equal(true);
    for (let i = 1; i < events.length; i++) expect(events[i]!.loaded).to.be.at.least(events[i - 1]!.loaded);
    expect(events.at(-1)!.loaded).to.equal(file.size);
    expect(events.some((e) => e.loaded > 0 && e.loaded < file.size)).to.equal(true);
  });

  it('reports a small body once, with its answer: no upload listener below PROGRESS_MIN_BYTES', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    // The server holds the answer: with an upload listener, the last byte leaving (at once,
    // into the socket buffer) would be reported long before it.
    await injectFault(ws.workspace, { match: { method: 'POST' }, latencyMs: 1_000 });
    const size = PROGRESS_MIN_BYTES;
    const events: UploadProgress[] = [];
    const upload = client.upload(new File([makeBytes(size)], 'small.bin'), { onProgress: (p) => events.push(p) });
    // Its request at the server: the body has left the browser (an upload listener would
    // have reported its last byte), and the answer is still held when we look again.
    await until(async () => (await posts(ws)).length === 1, 'the upload is at the server');
    const reported = [...events];
    expect(
      (await posts(ws)).map((r) => r.status),
      'the answer is still held',
    ).to.deep.equal([0]);
    expect(reported, 'nothing reported while the answer is held').to.deep.equal([]);
    await upload;
    expect(events).to.deep.equal([{ loaded: size, total: size }]);
  });

  it('round-trips the bytes, name and type exactly', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    const bytes = makeBytes(3 * 1024 * 1024 + 17, 7);
    const file = new File([bytes], 'Ünïcødé "quoted" name.png', { type: 'image/png' });
    const uploaded = await client.upload(file);
    const blob = await client.content(uploaded.id);

    expect(blob.size).to.equal(bytes.length);
    expect(blob.type).to.equal('image/png');
    expect(await sha256(blob)).to.equal(await sha256(bytes));
    const info = await client.info(uploaded.id);
    expect(info.name).to.equal('Ünïcødé "quoted" name.png');
    expect(info.contentType).to.equal('image/png');
    expect(info.size).to.equal(bytes.length);
  });

  it('lists newest first with limit and offset, and deletes', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await client.upload(new File([`file ${i}`], `f${i}.txt`, { type: 'text/plain' }))).id);

    const all = await client.list({ limit: 10 });
    expect(all.map((f) => f.id)).to.deep.equal([...ids].reverse());
    const page = await client.list({ limit: 1, offset: 1 });
    expect(page.map((f) => f.id)).to.deep.equal([ids[1]]);

    await client.delete(ids[1]!);
    const error = await rejectionOf(client.info(ids[1]!));
    expect(error).to.be.instanceOf(DeepLakeError);
    expect((error as DeepLakeError).code).to.equal('not_found');
    expect((error as DeepLakeError).status).to.equal(404);
    expect((await client.list()).map((f) => f.id)).to.deep.equal([ids[2], ids[0]]);
  });

  it('reads every response style of the server to the same metadata', async () => {
    const seen: Array<Omit<FileInfo, 'raw' | 'id' | 'createdAt'>> = [];
    for (const style of ['snake', 'camel', 'alt', 'data'] as ResponseStyle[]) {
      const ws = await newWorkspace(style);
      const client = clientFor(ws);
      const uploaded = await client.upload(new File(['hello'], 'hello.txt', { type: 'text/plain' }));
      const [info, list] = await Promise.all([client.info(uploaded.id), client.list()]);
      expect(info.id, style).to.equal(uploaded.id);
      expect(
        list.map((f) => f.id),
        style,
      ).to.deep.equal([uploaded.id]);
      expect(Date.parse(info.createdAt ?? ''), style).to.be.closeTo(Date.now(), 60_000);
      await client.delete(uploaded.id);
      seen.push({ name: info.name, contentType: info.contentType, size: info.size });
    }
    for (const entry of seen) expect(entry).to.deep.equal({ name: 'hello.txt', contentType: 'text/plain', size: 5 });
  });

  it('refuses an id that is not a UUID without sending anything', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    for (const id of ['..', '../files', 'a/b', '']) {
      const error = (await rejectionOf(client.info(id))) as DeepLakeError;
      expect(error.code, id).to.equal('not_found');
    }
    expect(await requestLog(ws.workspace)).to.deep.equal([]);
  });

  it('keeps a workspace name with "/" and "?" inside its own path segment', async () => {
    const ws = await newWorkspace();
    const client = clientFor({ workspace: `${ws.workspace}/files?x=1`, token: ws.token });
    expect(client.url('/files')).to.contain(encodeURIComponent(`${ws.workspace}/files?x=1`));
    const error = (await rejectionOf(client.list())) as DeepLakeError;
    // Another workspace's name: the token is refused, not silently used for `ws`.
    expect(error.code).to.equal('forbidden');
  });

  it('runs SQL through tables/query', async function () {
    // The first query starts the emulator's Postgres (PGlite): 2.5 s on an idle machine,
    // over 30 s seen at load average 20 on 2 cores.
    this.timeout(180_000);
    const ws = await newWorkspace();
    const client = clientFor(ws);
    const table = `"${ws.workspace}"."notes"`;
    await client.query(`CREATE TABLE ${table} (id uuid PRIMARY KEY, title text)`);
    const id = crypto.randomUUID();
    await client.query(`INSERT INTO ${table} (id, title) VALUES ($1::uuid, $2)`, [id, 'first']);
    const result = await client.query(`SELECT id, title FROM ${table}`);
    expect(result.columns).to.deep.equal(['id', 'title']);
    expect(result.rows).to.deep.equal([[id, 'first']]);
    expect(result.row_count).to.equal(1);
  });
});
