// Case 5: a grid of <deeplake-file loading="lazy"> (the default), each fetching its file
// from the emulator with a bearer token; elements showing the same id share one request
// (src/file/url-cache.ts). The client comes from configure(), as a page would set it up.
import { configure } from '../../src/config.ts';
import { DeepLakeFile } from '../../src/file/file.ts';
import { galleryBench } from './grid.js';

// Defined here: a patched copy of src/ (BENCH_SRC) is outside package.json's `sideEffects`.
if (!customElements.get('deeplake-file')) customElements.define('deeplake-file', DeepLakeFile);

// One token, fetched before anything is timed (the tokenProvider a page would give).
const token = fetch('/__emulator/workspaces', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"workspace":"bench"}' })
  .then((res) => res.json())
  .then((body) => body.token);
configure({ apiUrl: location.origin, workspace: 'bench', tokenProvider: () => token });

const bench = galleryBench({
  cell(id) {
    const el = document.createElement('deeplake-file');
    el.fileId = id;
    el.alt = '';
    return el;
  },
  image: (el) => el.shadowRoot?.querySelector('img[part~=image]'),
});
window.bench = {
  async prepare(spec, opts) {
    await token;
    await bench.prepare(spec, opts);
  },
  run: bench.run,
};
window.benchReady = true;
