/**
 * What the queue knows about its own list, so no caller counts statuses itself (issue 21,
 * item 1): totals with the kept and queued counts, checked accessors for every option, and
 * a single-file field's replace.
 */
import { expect } from '@open-wc/testing';
import { UploadQueue } from '../../src/queue/index.js';
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
});
