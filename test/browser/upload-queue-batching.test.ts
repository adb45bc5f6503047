/**
 * How the queue announces changes, with a scripted client (no server): a running
 * upload's progress and steps batched to ~16 ms, changes made by calls within the
 * microtask, no listener re-entry; and the queue running inside a module worker against
 * the real emulator.
 */
import { expect } from '@open-wc/testing';
import type { DeepLakeClient, FileInfo, UploadOptions } from '../../src/client/index.js';
import { UploadQueue } from '../../src/queue/index.js';
import { newWorkspace } from './emulator-control.js';
import { nextTask, when } from './wait.js';

const info = (name: string): FileInfo => ({ id: crypto.randomUUID(), name, contentType: 'application/octet-stream', size: 1, raw: {} });

/** A client whose upload() is driven by the test through `script`. */
function scriptedClient(script: (file: Blob, options: UploadOptions) => Promise<FileInfo>): DeepLakeClient {
  return { upload: script } as unknown as DeepLakeClient;
}

describe('UploadQueue change batching', () => {
  it('coalesces a burst of progress into few `change` events, the last one current', async () => {
    let finish!: () => void;
    let parked!: () => void;
    const burstOver = new Promise<void>((resolve) => (parked = resolve));
    const queue = new UploadQueue({
      client: scriptedClient(async (file, { onProgress }) => {
        // 200 progress callbacks, each in its own task, within ~a few ms.
        for (let loaded = 1; loaded <= 200; loaded++) {
          onProgress?.({ loaded, total: 1000 });
          await new Promise<void>((resolve) => queueMicrotask(resolve));
          if (loaded % 20 === 0) await nextTask();
        }
        await new Promise<void>((resolve) => {
          finish = resolve;
          parked();
        });
        return info((file as File).name);
      }),
    });
    const changes: number[] = [];
    let progressEvents = 0;
    queue.addEventListener('change', ({ detail }) => changes.push(detail.items[0]!.loaded));
    queue.addEventListener('progress', () => progressEvents++);
    // The burst is over (the upload waits for finish()) and its last step told: the batches are out.
    const told = when(queue, 'change', ({ items }) => items[0]?.loaded === 200);
    queue.add([new File(['x'.repeat(1000)], 'a.bin')]);
    await Promise.all([burstOver, told]);
    expect(changes.length, 'one for the add, a few for 200 progress callbacks').to.be.within(2, 8);
    expect(progressEvents).to.be.within(1, 7);
    expect(changes.at(-1)).to.equal(200);
    expect(queue.items[0]!.loaded).to.equal(200);
    finish();
    await new Promise((resolve) => queue.addEventListener('complete', resolve, { once: true }));
  });

  it('keeps progress flowing where timers are held back (as in a tab the browser throttles)', async () => {
    const queue = new UploadQueue({
      client: scriptedClient(async (file, { onProgress }) => {
        for (let loaded = 100; loaded < 1000; loaded += 100) {
          const until = performance.now() + 20; // 20 ms apart, without a timer
          while (performance.now() < until) {
            /* spin */
          }
          onProgress?.({ loaded, total: 1000 });
          await Promise.resolve();
        }
        return info((file as File).name);
      }),
    });
    const seen: number[] = [];
    queue.addEventListener('progress', ({ detail }) => seen.push(detail.item.loaded));
    const complete = new Promise((resolve) => queue.addEventListener('complete', resolve, { once: true }));
    const realSetTimeout = window.setTimeout;
    // Timers that never fire: only the uploads' own events can move the batches on.
    window.setTimeout = (() => 0) as unknown as typeof window.setTimeout;
    try {
      queue.add([new File(['x'.repeat(1000)], 'a.bin')]);
      await complete;
    } finally {
      window.setTimeout = realSetTimeout;
    }
    expect(seen.filter((n) => n > 0 && n < 1000).length, seen.join(' ')).to.be.at.least(5);
  });

  it('announces a state change within the microtask, once for several changes', async () => {
    const queue = new UploadQueue({ client: scriptedClient(() => new Promise(() => undefined)), autoStart: false });
    let changes = 0;
    queue.addEventListener('change', () => changes++);
    const [a, b] = queue.add([new File(['a'], 'a'), new File(['b'], 'b')]);
    queue.cancel(a!.id);
    queue.pause(b!.id);
    expect(changes, 'nothing dispatched while the caller is still changing things').to.equal(0);
    await Promise.resolve();
    expect(changes).to.equal(1);
    await nextTask();
    expect(changes).to.equal(1);
  });

  it('lets a listener change the queue without seeing a half-done change', async () => {
    const uploads: string[] = [];
    const queue = new UploadQueue({
      client: scriptedClient(async (file) => {
        uploads.push((file as File).name);
        return info((file as File).name);
      }),
      concurrency: 1,
    });
    // Removing each item as soon as it is done, from inside the `success` listener.
    queue.addEventListener('success', ({ detail }) => queue.remove(detail.item.id));
    const complete = new Promise<void>((resolve) => queue.addEventListener('complete', () => resolve(), { once: true }));
    queue.add(['a', 'b', 'c'].map((name) => new File([name], name)));
    await complete;
    await nextTask();
    expect(uploads).to.deep.equal(['a', 'b', 'c']);
    expect(queue.items).to.deep.equal([]);
  });

  it('works inside a module worker (no DOM, no requestAnimationFrame)', async () => {
    const ws = await newWorkspace();
    // Chromium's dedicated workers do have requestAnimationFrame: take it away to be sure.
    const source = `
      globalThis.requestAnimationFrame = undefined;
      const { UploadQueue } = await import('${location.origin}/src/queue/index.ts');
      const { DeepLakeClient } = await import('${location.origin}/src/client/index.ts');
      onmessage = ({ data }) => {
        const client = new DeepLakeClient({ apiUrl: '${location.origin}', workspace: data.workspace, tokenProvider: () => data.token });
        const queue = new UploadQueue({ client });
        queue.addEventListener('complete', ({ detail }) =>
          postMessage({ document: typeof document, items: detail.items.map((i) => [i.status, i.fileId]) }));
        queue.add([new File(['hello from a worker'], 'worker.txt')]);
      };
      postMessage('ready');
    `;
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const worker = new Worker(url, { type: 'module' });
    try {
      const messages = new Promise<unknown>((resolve, reject) => {
        worker.onerror = (e) => reject(new Error(`worker failed: ${e.message}`));
        worker.onmessage = ({ data }) => {
          if (data === 'ready') worker.postMessage(ws);
          else resolve(data);
        };
      });
      const result = (await messages) as { document: string; items: Array<[string, string]> };
      expect(result.document).to.equal('undefined');
      expect(result.items.length).to.equal(1);
      expect(result.items[0]![0]).to.equal('done');
      expect(result.items[0]![1]).to.match(/^[0-9a-f-]{36}$/);
    } finally {
      worker.terminate();
      URL.revokeObjectURL(url);
    }
  });
});
