// Case 5 baseline: the same grid of plain <img loading="lazy">, from a token-less route
// serving the same bytes (/plain/{id}, bench/gallery.mjs): the browser's own lazy loading
// and image cache, no script per image. `opts.route: 'plain-disk'`: the bytes streamed
// from a file by the emulator's content code instead of from memory.
import { galleryBench } from './grid.js';

const bench = galleryBench({
  cell(id, opts) {
    const img = document.createElement('img');
    img.loading = 'lazy';
    img.alt = '';
    img.src = `/${opts.route ?? 'plain'}/${id}`;
    return img;
  },
  image: (img) => img,
});
window.bench = bench;
window.benchReady = true;
