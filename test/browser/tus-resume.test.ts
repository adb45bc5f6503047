/**
 * Resuming tus uploads after a reload: the upload URL is remembered per file fingerprint
 * (tus-js-client's localStorage storage), a fresh client and queue list what was cut off,
 * and choosing the same file again continues from the server's offset. A "reload" here is
 * a new client and queue over the same storage, as the next page load would have.
 */
import { expect, html } from '@open-wc/testing';
import type { DeepLakeClient } from '../../src/client/index.js';
import { UploadQueue, type UploadItem } from '../../src/queue/index.js';
import { clearFaults, clientFor, injectFault, makeBytes, newWorkspace, sha256, type TestWorkspace } from './emulator-control.js';
import { MiB, ofMethod, probe, sameFile, tusLog, until, uploadUrlOf } from './tus-helpers.js';
import { actionButton, metaText, mountTemplate, onEveryUpdate, rowNamed, settled, type DeepLakeUploader } from './uploader-helpers.js';

const TUS = { chunkSize: MiB };

/** A queue item's outcome: resolves with its record once done, rejects once failed. */
function settledItem(queue: UploadQueue, id: string): Promise<UploadItem> {
  return new Promise((resolve, reject) => {
    queue.addEventListener('success', ({ detail }) => detail.item.id === id && resolve(detail.item));
    queue.addEventListener('error', ({ detail }) => detail.item.id === id && reject(detail.error));
  });
}

/** "Page one": starts uploading `file` and is cut off (paused, the server keeps its bytes) past `fraction`. */
async function cutOff(ws: TestWorkspace, file: File, fraction: number): Promise<void> {
  await injectFault(ws.workspace, { match: { method: 'PATCH' }, latencyMs: 100, count: 4 });
  const queue = new UploadQueue({ client: clientFor(ws), tus: TUS });
  const [item] = queue.add([file]);
  await new Promise<void>((resolve) =>
    queue.addEventListener('progress', ({ detail }) => {
      if (detail.item.loaded >= fraction * detail.item.total && detail.item.status === 'uploading') {
        queue.pause(item!.id);
        resolve();
      }
    }),
  );
}

describe('tus resume after a reload', function () {
  // Several MiB hashed, cut off and resumed per test: on a loaded 2-core machine one took
  // longer than mocha's 30 s default (seen once in a CI run while another suite ran).
  this.timeout(90_000);

  let client: DeepLakeClient;
  afterEach(async () => {
    // Nothing of one test stays remembered in the shared localStorage.
    for (const entry of (await client?.unfinishedUploads()) ?? []) await client.discardUpload(entry);
  });

  it('lists the cut-off upload and resumes it when the same file is chosen again', async () => {
    const ws = await newWorkspace();
    const bytes = makeBytes(6 * MiB, 21);
    const file = sameFile(bytes, 'holiday.mov');
    await cutOff(ws, file(), 0.4);

    client = clientFor(ws);
    const queue = new UploadQueue({ client, tus: TUS });
    const rows = await queue.listUnfinished();
    expect(rows.map((r) => [r.status, r.file.name, r.total])).to.deep.equal([['interrupted', 'holiday.mov', bytes.length]]);
    expect(await queue.listUnfinished()).to.deep.equal([], 'listed once');

    const [item] = queue.add([file()]);
    expect(queue.items.map((i) => i.id)).to.deep.equal([item!.id], 'the new item took the row’s place');
    const done = await settledItem(queue, item!.id);
    expect(done.resumedFrom).to.be.above(0.1);

    const log = await tusLog(ws);
    expect(ofMethod(log, 'POST')).to.have.length(1);
    // After the reload (the first HEAD) every PATCH sends from an offset the server gave:
    // never from 0, and the first one it accepts from where the row said it resumed. When
    // the paused chunk is still being written as the HEAD answers (seen in Firefox and
    // WebKit), the next PATCH's offset is stale: the server refuses it with 409 and
    // tus-js-client asks again with another HEAD before it sends more.
    const afterReload = log.slice(log.findIndex((r) => r.method === 'HEAD'));
    const patches = afterReload.filter((r) => r.method === 'PATCH');
    expect(
      patches.map((r) => r.status).filter((s) => s >= 300 && s !== 409),
      'only conflicts refused',
    ).to.deep.equal([]);
    afterReload.forEach((r, i) => {
      if (r.method === 'PATCH' && r.status === 409) expect(afterReload[i + 1]?.method, 'a HEAD after a conflict').to.equal('HEAD');
    });
    const resumed = patches.find((r) => r.status < 300)!;
    expect(resumed.uploadOffset).to.be.above(MiB);
    expect(resumed.uploadOffset).to.equal(Math.round(done.resumedFrom! * bytes.length));
    expect(
      patches.every((r) => r.uploadOffset! > 0),
      'never restarted from byte 0',
    ).to.equal(true);
    expect(await sha256(await client.content(done.fileId!))).to.equal(await sha256(bytes));
    expect(await client.unfinishedUploads()).to.deep.equal([], 'forgotten once stored');
  });

  it('starts afresh for different content under the same name, size and date', async () => {
    const ws = await newWorkspace();
    await cutOff(ws, sameFile(makeBytes(3 * MiB, 1), 'report.pdf')(), 0.5);
    client = clientFor(ws);
    const queue = new UploadQueue({ client, tus: TUS });
    const [item] = queue.add([sameFile(makeBytes(3 * MiB, 2), 'report.pdf')()]);
    const done = await settledItem(queue, item!.id);
    expect(done.resumedFrom).to.equal(undefined);
    const log = await tusLog(ws);
    expect(ofMethod(log, 'POST')).to.have.length(2);
    expect(ofMethod(log, 'HEAD')).to.have.length(0);
  });

  it('discards an interrupted upload: the row goes and the server forgets it', async () => {
    const ws = await newWorkspace();
    await cutOff(ws, sameFile(makeBytes(3 * MiB, 4), 'draft.bin')(), 0.4);
    const url = uploadUrlOf(await tusLog(ws));
    client = clientFor(ws);
    const queue = new UploadQueue({ client, tus: TUS });
    const [row] = await queue.listUnfinished();
    queue.remove(row!.id);
    expect(queue.items).to.deep.equal([]);
    await until(async () => (await client.unfinishedUploads()).length === 0, 'the client lists nothing unfinished', 60_000);
    expect([404, 410]).to.include((await probe(url, ws.token)).status);
  });

  it('discards a paused upload removed from a queue that never listed (the rows’ lazy module loads for it)', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, { match: { method: 'PATCH' }, latencyMs: 100, count: 4 });
    client = clientFor(ws);
    const queue = new UploadQueue({ client, tus: TUS });
    const [item] = queue.add([sameFile(makeBytes(3 * MiB, 5), 'notes.bin')()]);
    await new Promise<void>((resolve) =>
      queue.addEventListener('progress', ({ detail }) => detail.item.loaded >= MiB && detail.item.status === 'uploading' && resolve()),
    );
    queue.pause(item!.id);
    expect(await client.unfinishedUploads()).to.have.length(1, 'paused: remembered');
    const url = uploadUrlOf(await tusLog(ws));
    queue.remove(item!.id);
    await until(async () => (await client.unfinishedUploads()).length === 0, 'the client lists nothing unfinished', 60_000);
    expect([404, 410]).to.include((await probe(url, ws.token)).status);
  });

  it('<deeplake-uploader transport="tus"> shows a re-select row with a discard button, and resumes', async () => {
    const ws = await newWorkspace();
    const bytes = makeBytes(3 * MiB, 8);
    const file = sameFile(bytes, 'clip.mp4');
    await cutOff(ws, file(), 0.5);
    // Slow answers (and none of the cut-off's faults left): the resumed upload outlasts the
    // element's held renders (one per 200 ms while uploading), so some render shows it.
    await clearFaults(ws.workspace);
    await injectFault(ws.workspace, { match: { method: 'PATCH' }, latencyMs: 400, count: 4 });
    client = clientFor(ws);
    const el = await mountTemplate<DeepLakeUploader>(html`<deeplake-uploader transport="tus" chunk-size=${MiB} .client=${client}></deeplake-uploader>`);
    await until(() => el.items.length === 1, 'the interrupted upload is listed', 60_000);
    await settled(el);
    const row = rowNamed(el, 'clip.mp4');
    expect(row.dataset.status).to.equal('interrupted');
    expect(metaText(row)).to.contain('Interrupted: choose the file again to resume');
    expect(actionButton(row, 'remove')?.getAttribute('aria-label')).to.equal('Remove clip.mp4');

    // What each render showed for the row: renders are held while uploading, so read them all.
    const shown: string[] = [];
    // After the test the list is reset and the hook still runs: no row then, nothing to read.
    onEveryUpdate(el, () => el.items.length && shown.push(metaText(rowNamed(el, 'clip.mp4'))));
    const success = new Promise<void>((resolve) => el.addEventListener('deeplake-success', () => resolve()));
    el.addFiles([file()]);
    await success;
    expect(
      shown.some((text) => /Resuming from \d+% · (Uploading \d+%|Processing)/.test(text)),
      shown.join(' | '),
    ).to.equal(true);
    expect(el.value).to.match(/^[0-9a-f-]{36}$/);
    expect(await sha256(await client.content(el.value))).to.equal(await sha256(bytes));
  });
});
