// Uppy core + Dashboard (inline, showing) + XHRUpload, `limit` uploads at a time.
// The Dashboard renders its file list through a virtual list (only visible rows exist).
import Uppy from '@uppy/core';
import Dashboard from '@uppy/dashboard';
import XHRUpload from '@uppy/xhr-upload';
import '@uppy/core/css/style.min.css';
import '@uppy/dashboard/css/style.min.css';
import { prepareFiles, timed } from './common.js';

let files = [];
let uppy;

window.bench = {
  async prepare(spec, opts) {
    files = await prepareFiles(spec);
    uppy = new Uppy({ autoProceed: false })
      .use(Dashboard, { inline: true, target: '#app', height: 700, proudlyDisplayPoweredByUppy: false })
      .use(XHRUpload, { endpoint: opts.url, limit: opts.concurrency, fieldName: 'file', formData: true });
  },
  run: () =>
    timed(async () => {
      uppy.addFiles(files.map((data) => ({ name: data.name, type: data.type, data, source: 'bench' })));
      const result = await uppy.upload();
      if (result.successful.length !== files.length) throw new Error(`${result.successful.length} of ${files.length} uploaded`);
    }),
};
window.benchReady = true;
