/**
 * A drop of 10,000 files keeps the page answering, in every engine: the work from the drop
 * to the last `deeplake-reject` event runs in slices, and the page gets turns between them.
 * Checked with a heartbeat (a MessageChannel ping-pong, whose messages queue behind the
 * slices' own, so every slice boundary lets at least one beat through): a drop handled in
 * one task (as before the fix, 22 s in WebKit) gives no beat until the last event is out.
 * How long the longest stretch was is logged for the record; timings are the bench's
 * business, never an assertion here (a shared CI machine may stall any task).
 */
import { expect } from '@open-wc/testing';
import { filesFromDataTransfer } from '../../src/uploader/intake/drop.js';
import { inSlices } from '../../src/uploader/intake/slices.js';
import { engine } from './engine.js';
import { fileOf, mount, rows, settled, transfer, dropzone, until, when, type DeepLakeUploader } from './uploader-helpers.js';

const FILES = 10_000;

/**
 * Beats as often as the event loop lets it; `beats` counts them, `stop()` answers the
 * longest gap between beats, and `long` lists every gap over 40 ms as "start+length" (ms
 * from the start), for the log.
 */
function heartbeat() {
  const channel = new MessageChannel();
  const start = performance.now();
  let last = start;
  let longest = 0;
  let running = true;
  const long: string[] = [];
  const state = { beats: 0 };
  const gap = (now: number) => {
    if (now - last > 40) long.push(`${(last - start).toFixed(0)}+${(now - last).toFixed(0)}`);
    longest = Math.max(longest, now - last);
  };
  channel.port1.onmessage = () => {
    const now = performance.now();
    gap(now);
    last = now;
    state.beats++;
    if (running) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  return {
    long,
    get beats() {
      return state.beats;
    },
    stop(): number {
      running = false;
      gap(performance.now()); // the stretch still running when the test stops counts too
      channel.port1.close();
      return longest;
    },
  };
}

/** Dispatches a drop of an already-built DataTransfer (building it is the test's cost, not the element's). */
function dropData(el: DeepLakeUploader, data: DataTransfer): void {
  dropzone(el).dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, composed: true }));
}

describe('a drop of 10,000 files', function () {
  // Building 10,000 files and their DataTransfer takes seconds in WebKit on a loaded machine.
  this.timeout(120_000);

  for (const typed of [true, false]) {
    const what = typed ? 'typed files' : 'files without a type (each may be a folder)';
    it(`gives the page turns from the drop to the last refusal: ${what}`, async () => {
      // Costs paid once per page whatever the drop's size (row templates, styles, the
      // first layout) are paid by a small drop on another element first: what is measured
      // is what grows with the number of files.
      const warm = await mount({ multiple: true, 'max-files': 1, manual: true });
      const warmed = when(warm.el, 'deeplake-add');
      dropData(warm.el, transfer([fileOf(4, 'a.bin', typed ? 'application/octet-stream' : ''), fileOf(4, 'b.bin'), fileOf(4, 'c.bin')]));
      await warmed;
      await settled(warm.el);
      warm.el.remove();

      const { el } = await mount({ multiple: true, 'max-files': 20, manual: true });
      let rejects = 0;
      /** Heartbeats seen when the last refusal's event came (beatsAtDrop: when the drop was dispatched). */
      let beatsAtLast = 0;
      el.addEventListener('deeplake-reject', () => {
        if (++rejects === FILES - 20) beatsAtLast = beat.beats;
      });
      const files = Array.from({ length: FILES }, (_, i) => fileOf(4, `many-${i}.bin`, typed ? 'application/octet-stream' : ''));
      const data = transfer(files);
      // WebKit registers each new Blob with its network process asynchronously, and a size
      // read is a synchronous round trip queued behind them: read one fresh File's size now,
      // so that the drop does not wait for the test's own 10,000 registrations (files a
      // person drops come from disk, with no such backlog).
      void new File(['x'], 'flush.txt').size;
      await settled(el);

      // For the log: how long the one call that takes the whole batch runs, and the render after it.
      let addMs = 0;
      let renderMs = 0;
      const addFiles = el.addFiles.bind(el);
      el.addFiles = (batch) => {
        const at = performance.now();
        const added = addFiles(batch);
        addMs = performance.now() - at;
        const renderAt = performance.now();
        void el.updateComplete.then(() => (renderMs = performance.now() - renderAt));
        return added;
      };

      const beat = heartbeat();
      // Before this was fixed WebKit spent 22 s in the drop event: wait long enough to measure it.
      const added = when(el, 'deeplake-add', () => true, 100_000);
      const started = performance.now();
      const beatsAtDrop = beat.beats;
      dropData(el, data);
      await added;
      // Past the first 200, refusals' events come in slices after addFiles(): the work
      // ends with the last of them.
      await until(() => rejects >= FILES - 20, 'the last refusal is told', 100_000);
      await settled(el);
      const longest = beat.stop();
      console.log(
        `drop of ${FILES} ${what} (${engine}): longest blocked stretch ${longest.toFixed(0)} ms, done after ${(performance.now() - started).toFixed(0)} ms; addFiles ${addMs.toFixed(0)} ms, render ${renderMs.toFixed(0)} ms; gaps over 40 ms: ${beat.long.join(' ') || 'none'}; page turns during the work: ${beatsAtLast - beatsAtDrop}`,
      );

      // Every file was taken (20 of them, the rest refused by max-files) and shown.
      expect(el.items.length).to.equal(20);
      expect(rejects, 'one deeplake-reject per refused file').to.equal(FILES - 20);
      expect(rows(el).length).to.be.above(20);
      // The work was cut in slices with turns for the page between them (one task: 0).
      expect(beatsAtLast - beatsAtDrop, 'heartbeats between the drop and the last refusal').to.be.at.least(2);
    });
  }
});

describe('inSlices', () => {
  // Each step holds the thread for 2 ms or more, so a slice (8 ms) takes at most 5 steps
  // however fast the machine; a slower one only makes slices shorter in steps. A step
  // knows the run let go of the thread since the step before when a microtask it queued
  // has run (steps of one slice run back to back, with none between them). One task for
  // the whole run (no slicing) lets go nowhere. (Not a heartbeat's turns: which of two
  // message channels goes first is up to the engine, and WebKit may serve the run's first.)
  it('lets go of the thread at least every few steps of heavy work', async () => {
    const stepsPerSlice: number[] = [0];
    let yielded = false;
    await inSlices(40, () => {
      if (yielded) stepsPerSlice.push(0);
      yielded = false;
      queueMicrotask(() => (yielded = true));
      const until = performance.now() + 2;
      while (performance.now() < until);
      stepsPerSlice[stepsPerSlice.length - 1]!++;
    });
    expect(stepsPerSlice.reduce((a, b) => a + b)).to.equal(40);
    expect(Math.max(...stepsPerSlice), `steps between letting go: ${stepsPerSlice.join(' ')}`).to.be.at.most(5);
  });
});

describe('which dropped items are asked whether they are folders', () => {
  const folderEntry = (name: string, child: File): FileSystemDirectoryEntry => {
    const fileEntry = { name: child.name, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => ok(child) };
    const createReader = () => {
      let read = 0;
      return { readEntries: (ok: (e: unknown[]) => void) => ok(read++ === 0 ? [fileEntry] : []) };
    };
    return { name, isFile: false, isDirectory: true, createReader } as unknown as FileSystemDirectoryEntry;
  };
  /** A DataTransfer-like object whose items count the entries questions asked of them. */
  function fakeTransfer(files: Array<{ file: File; folder?: FileSystemDirectoryEntry }>) {
    const asked: string[] = [];
    const items = files.map(({ file, folder }) => ({
      kind: 'file',
      getAsFile: () => file,
      webkitGetAsEntry: () => {
        asked.push(file.name);
        return folder ?? { name: file.name, isFile: true, isDirectory: false };
      },
    }));
    return { data: { items, files: [] } as unknown as DataTransfer, asked };
  }

  it('in a drop of over 100 items, only typeless items whose size a folder could have', async () => {
    const inside = fileOf(3, 'inside.txt', 'text/plain');
    const { data, asked } = fakeTransfer([
      ...Array.from({ length: 150 }, (_, i) => ({ file: fileOf(4, `typed-${i}.txt`, 'text/plain') })),
      { file: fileOf(5, 'README') }, // no type, but 5 bytes is no directory's size
      { file: new File([new Uint8Array(4096)], 'photos'), folder: folderEntry('photos', inside) },
      { file: new File([], 'empty-or-folder') },
    ]);
    for (const lasting of [false, true]) {
      asked.length = 0;
      const found = await filesFromDataTransfer(data, { lasting });
      expect(asked).to.deep.equal(['photos', 'empty-or-folder']);
      expect(found.length).to.equal(153);
      expect(found.at(-1)).to.deep.equal({ file: inside, relativePath: 'photos/inside.txt' });
    }
  });

  it('in a drop of up to 100 items, every item, so a folder named like a file is walked', async () => {
    const inside = fileOf(3, 'chart.min.js', 'text/javascript');
    const { data, asked } = fakeTransfer([
      { file: fileOf(4, 'a.txt', 'text/plain') },
      { file: new File([new Uint8Array(4096)], 'chart.js', { type: 'text/javascript' }), folder: folderEntry('chart.js', inside) },
    ]);
    const found = await filesFromDataTransfer(data);
    expect(asked).to.deep.equal(['a.txt', 'chart.js']);
    expect(found.map((f) => f.relativePath)).to.deep.equal(['a.txt', 'chart.js/chart.min.js']);
  });
});
