// The uploader's engine without its view: UploadQueue + DeepLakeClient, nothing rendered.
// Beside the element's row it splits the widget's cost into the upload logic and the UI.
import { DeepLakeClient } from '../../src/client/index.ts';
import { UploadQueue } from '../../src/queue/index.ts';
import { prepareFiles, timed } from './common.js';

let files = [];
let queue;

window.bench = {
  async prepare(spec, opts) {
    files = await prepareFiles(spec);
    const client = new DeepLakeClient({ apiUrl: `${location.origin}/discard`, workspace: 'bench', tokenProvider: async () => 'bench' });
    queue = new UploadQueue({ client: () => client, concurrency: opts.concurrency, autoStart: true });
  },
  run: () =>
    timed(async () => {
      const complete = new Promise((resolve) => queue.addEventListener('complete', resolve, { once: true }));
      queue.add(files.map((file) => ({ file, relativePath: file.name })));
      await complete;
      const done = queue.items.filter((i) => i.status === 'done').length;
      if (done !== files.length) throw new Error(`${done} of ${files.length} stored`);
    }),
};
window.benchReady = true;
