/**
 * What the queue knows about its own list, so no caller counts statuses itself (issue 21,
 * item 1): totals with the kept and queued counts, checked accessors for every option, and
 * a single-file field's replace, a promise for "all settled", one shape of a file with its path.
 */
import { expect } from '@open-wc/testing';
import { UploadQueue, withPath } from '../../src/queue/index.js';
import { clientFor, newWorkspace } from './emulator-control.js';

const file = (name: string, size = 10) => new File([new Uint8Array(size)], name);

describe('UploadQueue state', () => {
  it('counts kept and queued items in its totals, as the bar and the form read them', async () => {
    const ws = await newWorkspace();
    const queue = new UploadQueue({ client: clientFor(ws), autoStart: false });
    const [a, b, c] = queue.add([file('a.bin'), file('b.bin'), file('c.bin')]);
    expect([queue.totals.kept, queue.totals.queued, queue.totals.failed]).to.deep.equal([3, 3, 0]);
    queue.cancel(b!.id);
    // Canceled left the batch: two kept, both still queued.
    expect([queue.totals.kept, queue.totals.queued]).to.deep.equal([2, 2]);
    queue.pause(a!.id);
    expect([queue.totals.kept, queue.totals.queued]).to.deep.equal([2, 1]);
    queue.remove(c!.id);
    expect([queue.totals.kept, queue.totals.queued]).to.deep.equal([1, 0]);
  });

  it('checks retries as it checks concurrency: a whole number, 0 or more', async () => {
    const ws = await newWorkspace();
    const queue = new UploadQueue({ client: clientFor(ws), retries: 0 });
    expect(queue.retries).to.equal(0);
    queue.retries = 5;
    expect(queue.retries).to.equal(5);
    for (const bad of [-1, 1.5, Number.NaN]) expect(() => (queue.retries = bad), String(bad)).to.throw(RangeError, /retries/);
    expect(queue.retries).to.equal(5);
    expect(() => new UploadQueue({ client: clientFor(ws), retries: -2 })).to.throw(RangeError, /retries/);
  });

  it('replaces its list with a new choice, as <input type=file> does', async () => {
    const ws = await newWorkspace();
    const queue = new UploadQueue({ client: clientFor(ws), autoStart: false });
    queue.add([file('old-1.bin'), file('old-2.bin')]);
    const added = queue.replace([file('new.bin')]);
    expect(added.map((i) => i.file.name)).to.deep.equal(['new.bin']);
    expect(queue.items.map((i) => i.file.name)).to.deep.equal(['new.bin']);
    expect(queue.totals.kept).to.equal(1);
  });

  it('settles at once when nothing was started, and once every started upload ended', async () => {
    const ws = await newWorkspace();
    const queue = new UploadQueue({ client: clientFor(ws), autoStart: false });
    queue.add([file('a.bin'), file('b.bin', 200_000)]);
    expect(
      (await queue.settled()).map((i) => i.status),
      'nothing started',
    ).to.deep.equal(['queued', 'queued']);
    queue.start();
    expect(queue.busy).to.equal(true);
    const items = await queue.settled();
    expect(items.map((i) => i.status)).to.deep.equal(['done', 'done']);
    expect([queue.busy, items.every((i) => typeof i.fileId === 'string')]).to.deep.equal([false, true]);
  });

  it('gives a File, a File with a folder path and a bare record one shape', () => {
    const f = file('photo.jpg');
    expect(withPath(f)).to.deep.equal({ file: f, relativePath: 'photo.jpg' });
    expect(withPath({ file: f, relativePath: 'trip/photo.jpg' })).to.deep.equal({ file: f, relativePath: 'trip/photo.jpg' });
    expect(withPath({ file: f, relativePath: '' }), 'no path: the name').to.deep.equal({ file: f, relativePath: 'photo.jpg' });
    const queue = new UploadQueue({
      client: () => {
        throw new Error('not used');
      },
      autoStart: false,
    });
    expect(queue.add([{ file: f, relativePath: 'trip/photo.jpg' }])[0]!.relativePath).to.equal('trip/photo.jpg');
  });
});
