// Baseline: a bare XMLHttpRequest + FormData loop, `concurrency` at a time, no UI.
// opts.headers: request headers to send too (case 3's row with the widget's headers).
// opts.keepGoing: a failed upload stays failed and the loop goes on (case 7: no retries, losses counted).
import { prepareFiles, timed } from './common.js';

let files = [];
let options = {};

function send(file, url) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.onload = () => (xhr.status < 300 ? resolve() : reject(new Error(`HTTP ${xhr.status}`)));
    xhr.onerror = () => reject(new Error('network error'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

window.bench = {
  async prepare(spec, opts) {
    files = await prepareFiles(spec);
    options = opts;
  },
  run: () =>
    timed(async () => {
      let next = 0;
      const worker = async () => {
        while (next < files.length) {
          const sent = send(files[next++], options.url);
          await (options.keepGoing ? sent.catch(() => {}) : sent);
        }
      };
      await Promise.all(Array.from({ length: Math.min(options.concurrency, files.length) }, worker));
    }),
};
window.benchReady = true;
