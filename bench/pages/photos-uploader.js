// Case 8: <deeplake-uploader image-max image-quality> with its UI, photos resized in its worker.
import { DeepLakeClient } from '../../src/client/index.ts';
import { DeepLakeUploader } from '../../src/uploader/deeplake-uploader.ts';
import { prepareFiles, timed } from './common.js';

if (!customElements.get('deeplake-uploader')) customElements.define('deeplake-uploader', DeepLakeUploader);

let files = [];
const el = document.createElement('deeplake-uploader');
el.multiple = true;
el.setAttribute('aria-label', 'Bench');
document.body.append(el);

window.bench = {
  /** opts: { apiUrl, concurrency, maxSize, quality } */
  async prepare(spec, opts) {
    files = await prepareFiles(spec);
    el.concurrency = opts.concurrency;
    el.imageMax = String(opts.maxSize);
    el.imageQuality = opts.quality;
    el.client = new DeepLakeClient({ apiUrl: opts.apiUrl, workspace: 'bench', tokenProvider: async () => 'bench' });
    await el.updateComplete;
  },
  run: () =>
    timed(async () => {
      const complete = new Promise((resolve) => el.addEventListener('deeplake-complete', resolve, { once: true }));
      el.addFiles(files);
      await complete;
      await el.updateComplete;
      if (el.values.length !== files.length) throw new Error(`${el.values.length} of ${files.length} stored`);
      const notes = el.items.map((i) => i.prepared?.note).filter(Boolean);
      if (notes.length) throw new Error(`not optimized: ${notes.join(', ')}`);
      return {
        later: Promise.resolve({
          bytesSent: el.items.reduce((sum, i) => sum + i.total, 0),
          bytesChosen: files.reduce((sum, f) => sum + f.size, 0),
        }),
      };
    }),
};
window.benchReady = true;
