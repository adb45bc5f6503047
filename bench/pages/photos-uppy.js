// Case 8: Uppy core + Dashboard + XHRUpload + @uppy/compressor (Compressor.js: the image
// drawn into a canvas on the main thread, then encoded), the same box and quality.
import Uppy from '@uppy/core';
import Compressor from '@uppy/compressor';
import Dashboard from '@uppy/dashboard';
import XHRUpload from '@uppy/xhr-upload';
import '@uppy/core/css/style.min.css';
import '@uppy/dashboard/css/style.min.css';
import { prepareFiles, timed } from './common.js';

let files = [];
let uppy;

window.bench = {
  /** opts: { url, concurrency, maxSize, quality } */
  async prepare(spec, opts) {
    files = await prepareFiles(spec);
    uppy = new Uppy({ autoProceed: false })
      .use(Dashboard, { inline: true, target: '#app', height: 700, proudlyDisplayPoweredByUppy: false })
      // Compressor.js's own defaults otherwise: `strict` (the original when the result is larger), EXIF orientation read.
      .use(Compressor, { maxWidth: opts.maxSize, maxHeight: opts.maxSize, quality: opts.quality })
      .use(XHRUpload, { endpoint: opts.url, limit: opts.concurrency, fieldName: 'file', formData: true });
  },
  run: () =>
    timed(async () => {
      uppy.addFiles(files.map((data) => ({ name: data.name, type: data.type, data, source: 'bench' })));
      const result = await uppy.upload();
      if (result.successful.length !== files.length) throw new Error(`${result.successful.length} of ${files.length} uploaded`);
      return {
        later: Promise.resolve({
          bytesSent: result.successful.reduce((sum, f) => sum + f.data.size, 0),
          bytesChosen: files.reduce((sum, f) => sum + f.size, 0),
        }),
      };
    }),
};
window.benchReady = true;
