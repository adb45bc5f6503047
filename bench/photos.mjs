// Case 8 of `npm run bench` (issue 22): 50 photos of 12 MP (4000×3000 JPEG) resized to
// 2048 px and uploaded: <deeplake-uploader image-max="2048"> (a worker: createImageBitmap
// + OffscreenCanvas) beside Uppy + @uppy/compressor (Compressor.js on the main thread)
// with the same settings (longest side 2048, quality 0.85, JPEG kept, the original when
// the new file is not smaller), both to the discard route, concurrency 6.
// Bytes sent: the sizes of the files each widget handed to its upload (what it sent as
// the multipart file part), summed by the page.

import { mib, ms } from './cases.mjs';
import { median } from './rounds.mjs';

const MiB = 1024 * 1024;
/** median (min–max), as the other cases' cells (cases.mjs). */
const fmt = (xs, f) => (xs.length ? `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})` : '—');
const col = (head, key, f) => ({ head, cell: (rs) => fmt(rs.map(typeof key === 'function' ? key : (r) => r[key]).filter(Number.isFinite), f) });
const vs = (head, of) => ({ head, cell: (rs, base) => fmt(rs.map((r, round) => of(r) / of(base[round])).filter(Number.isFinite), (x) => `${x.toFixed(2)}×`) });
const t = { col, vs, ms, mib };

/** The columns and contenders of case 8. */
export function photoCase({ quick, discard }) {
  // Quick (CI smoke): 4 photos of 1600×1200 made smaller to 800 px.
  const spec = quick ? { jpeg: true, count: 4, width: 1600, height: 1200, distinct: 2 } : { jpeg: true, count: 50, width: 4000, height: 3000, distinct: 8 };
  const resize = { maxSize: quick ? 800 : 2048, quality: 0.85 };
  return {
    id: '8',
    title: `Case 8: ${spec.count} JPEGs of ${spec.width}×${spec.height} resized to ${resize.maxSize} px (quality ${resize.quality}) and uploaded`,
    columns: [
      t.col('time to all stored', 'ms', t.ms),
      t.vs('vs Uppy (time)', (r) => r.ms),
      t.col('longest main-thread task', 'longestTaskMs', t.ms),
      t.col('long tasks (> 50 ms)', 'longTasks', String),
      t.col('renderer RSS Δ peak (MiB)', 'rssDelta', t.mib),
      t.vs('vs Uppy (RSS Δ peak)', (r) => r.rssDelta),
      t.col('JS heap Δ peak (MiB)', 'heapDelta', t.mib),
      t.col('bytes sent (MiB)', 'bytesSent', (x) => (x / MiB).toFixed(1)),
      t.col(
        'of the originals',
        (r) => r.bytesSent / r.bytesChosen,
        (x) => `${Math.round(x * 100)} %`,
      ),
    ],
    contenders: [
      { name: 'Uppy 6 + @uppy/compressor 4 + Dashboard + XHRUpload', page: 'photos-uppy', spec, opts: { url: discard, concurrency: 6, ...resize } },
      {
        name: '<deeplake-uploader image-max>',
        page: 'photos-uploader',
        spec,
        opts: { apiUrl: discard.replace(/\/workspaces\/bench\/files$/, ''), concurrency: 6, ...resize },
      },
    ],
  };
}
