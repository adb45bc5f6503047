// Uppy core + Dashboard (inline, showing) + XHRUpload, `limit` uploads at a time.
// The Dashboard renders its file list through a virtual list (only visible rows exist).
import Uppy from '@uppy/core';
import Dashboard from '@uppy/dashboard';
import XHRUpload from '@uppy/xhr-upload';
import '@uppy/core/css/style.min.css';
import '@uppy/dashboard/css/style.min.css';
import { decoded, prepareFiles, timed, untilShown } from './common.js';

let files = [];
let images = false;
let uppy;

window.bench = {
  async prepare(spec, opts) {
    files = await prepareFiles(spec);
    images = Boolean(spec.jpeg);
    uppy = new Uppy({ autoProceed: false })
      .use(Dashboard, { inline: true, target: '#app', height: 700, proudlyDisplayPoweredByUppy: false })
      .use(XHRUpload, { endpoint: opts.url, limit: opts.concurrency, fieldName: 'file', formData: true });
  },
  run: () =>
    timed(async (t0) => {
      // Images: also until the items on screen (within the Dashboard's scrolling file list)
      // show their previews, which its ThumbnailGenerator makes as items render.
      const later = images
        ? untilShown(
            t0,
            () => document.querySelectorAll('.uppy-Dashboard-Item'),
            (item) => decoded(item.querySelector('img.uppy-Dashboard-Item-previewImg')),
          )
        : undefined;
      uppy.addFiles(files.map((data) => ({ name: data.name, type: data.type, data, source: 'bench' })));
      const result = await uppy.upload();
      if (result.successful.length !== files.length) throw new Error(`${result.successful.length} of ${files.length} uploaded`);
      return { later };
    }),
};
window.benchReady = true;
