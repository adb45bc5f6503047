// <deeplake-uploader> with its UI: every row rendered in the page (no virtual list).
import { DeepLakeClient } from '../../src/client/index.ts';
import { DeepLakeUploader } from '../../src/uploader/deeplake-uploader.ts';
import { decoded, prepareFiles, timed, untilShown } from './common.js';

// Defined here too: a patched copy of src/ (BENCH_SRC) is outside package.json's `sideEffects`.
if (!customElements.get('deeplake-uploader')) customElements.define('deeplake-uploader', DeepLakeUploader);

let files = [];
let images = false;
const el = document.createElement('deeplake-uploader');
el.multiple = true;
el.setAttribute('aria-label', 'Bench');
document.body.append(el);

async function emulatorToken() {
  const res = await fetch('/__emulator/workspaces', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"workspace":"bench"}' });
  return (await res.json()).token;
}

window.bench = {
  /** opts: { transport: 'xhr' | 'tus', concurrency, chunkSize } */
  async prepare(spec, opts) {
    files = await prepareFiles(spec);
    images = Boolean(spec.jpeg);
    el.concurrency = opts.concurrency;
    // `hide`: the element's JavaScript and DOM work without layout and paint (display: none).
    el.style.display = opts.hide ? 'none' : '';
    // The discard routes (XHR and tus) by default (`apiUrl`: another route, case 7's); `emulator`: the emulator, which stores the bytes on disk.
    el.client = opts.emulator
      ? new DeepLakeClient({ apiUrl: location.origin, workspace: 'bench', tokenProvider: emulatorToken })
      : new DeepLakeClient({ apiUrl: opts.apiUrl ?? `${location.origin}/discard`, workspace: 'bench', tokenProvider: async () => 'bench' });
    if (opts.transport === 'tus') {
      el.transport = 'tus';
      el.chunkSize = opts.chunkSize;
    }
    await el.updateComplete;
  },
  run: () =>
    timed(async (t0) => {
      // Images: also until the rows on screen show their thumbnails (the <img> row.ts
      // renders once thumbnails.ts made the object URL, decoded).
      const later = images
        ? untilShown(
            t0,
            () => el.shadowRoot.querySelectorAll('li[data-thumb]'),
            (row) => decoded(row.querySelector('.thumb img')),
          )
        : undefined;
      const complete = new Promise((resolve) => el.addEventListener('deeplake-complete', resolve, { once: true }));
      el.addFiles(files);
      await complete;
      await el.updateComplete;
      if (el.values.length !== files.length) throw new Error(`${el.values.length} of ${files.length} stored`);
      return { later };
    }),
};
window.benchReady = true;
