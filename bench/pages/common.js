// Shared by the bench pages: test files, the OPFS-backed big file, and the long-task log.
// Each page sets `window.bench = { prepare(spec), run() }`; bench/run.mjs calls prepare,
// samples memory, then times run(), which resolves with what the page measured.

/** `n` Files of `size` bytes each, random (incompressible) content. */
export function makeFiles(n, size, type = 'application/octet-stream') {
  const files = [];
  for (let i = 0; i < n; i++) {
    const bytes = new Uint8Array(size);
    for (let o = 0; o < size; o += 65536) crypto.getRandomValues(bytes.subarray(o, Math.min(size, o + 65536)));
    files.push(new File([bytes], `file-${String(i).padStart(5, '0')}.bin`, { type }));
  }
  return files;
}

/**
 * One disk-backed File of `size` bytes: written to the origin-private file system in
 * 8 MiB chunks (Chromium refuses in-memory Blobs above ~500 MiB), like a picked file.
 */
export async function makeBigFile(size) {
  const root = await navigator.storage.getDirectory();
  const handle = await root.getFileHandle('big.bin', { create: true });
  const out = await handle.createWritable();
  const chunk = new Uint8Array(8 << 20);
  for (let o = 0; o < chunk.length; o += 65536) crypto.getRandomValues(chunk.subarray(o, o + 65536));
  for (let off = 0; off < size; off += chunk.length) await out.write(chunk.subarray(0, Math.min(chunk.length, size - off)));
  await out.close();
  return handle.getFile();
}

/**
 * `count` real JPEGs of `width`×`height` (12 MP: 4000×3000), named photo-00000.jpg…:
 * `distinct` images drawn (gradient, shapes, a noise overlay so they compress like photos,
 * ~3.4 MB at 12 MP) and their bytes reused under the other names, since encoding one takes
 * ~0.4 s. A File made of a Blob shares its bytes, so 200 names cost `distinct` images of
 * memory; each is still decoded on its own (nothing caches a decode by content).
 */
export async function makeJpegs({ count, width, height, distinct }) {
  const blobs = [];
  for (let k = 0; k < Math.min(distinct, count); k++) {
    const canvas = new OffscreenCanvas(width, height);
    const g = canvas.getContext('2d');
    const bg = g.createLinearGradient(0, 0, width, height);
    bg.addColorStop(0, `hsl(${(k * 97) % 360} 60% 55%)`);
    bg.addColorStop(1, `hsl(${(k * 97 + 140) % 360} 50% 25%)`);
    g.fillStyle = bg;
    g.fillRect(0, 0, width, height);
    const s = width / 4000;
    for (let i = 0; i < 300; i++) {
      g.fillStyle = `hsl(${Math.random() * 360} ${40 + Math.random() * 40}% ${30 + Math.random() * 50}% / 0.6)`;
      g.beginPath();
      g.ellipse(Math.random() * width, Math.random() * height, s * (20 + Math.random() * 400), s * (20 + Math.random() * 300), Math.random() * 3, 0, 2 * Math.PI);
      g.fill();
    }
    const tile = new OffscreenCanvas(256, 256);
    const noise = new ImageData(256, 256);
    for (let o = 0; o < noise.data.length; o += 65536) crypto.getRandomValues(noise.data.subarray(o, o + 65536));
    for (let i = 3; i < noise.data.length; i += 4) noise.data[i] = 255;
    tile.getContext('2d').putImageData(noise, 0, 0);
    g.globalAlpha = 0.12;
    g.fillStyle = g.createPattern(tile, 'repeat');
    g.fillRect(0, 0, width, height);
    blobs.push(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 }));
  }
  return Array.from({ length: count }, (_, i) => new File([blobs[i % blobs.length]], `photo-${String(i).padStart(5, '0')}.jpg`, { type: 'image/jpeg' }));
}

export async function prepareFiles(spec) {
  if (spec.jpeg) return makeJpegs(spec);
  return spec.big ? [await makeBigFile(spec.size)] : makeFiles(spec.count, spec.size);
}

/** A decoded, drawn-ready image. */
export const decoded = (img) => Boolean(img?.complete && img.naturalWidth > 0);

/**
 * Which watched elements are on screen (the viewport, clipped by every scrolling box
 * around them), told by an IntersectionObserver: reading rects every frame instead
 * forced a layout per frame that showed up in the bench's own profiles.
 */
function visibility() {
  const state = new Map(); // element → isIntersecting, undefined until first told
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) state.set(e.target, e.isIntersecting);
  });
  return {
    watch(els) {
      for (const el of els) {
        if (state.has(el)) continue;
        state.set(el, undefined);
        observer.observe(el);
      }
    },
    /** The watched elements on screen; undefined while any is not known yet. */
    visible() {
      const out = [];
      for (const [el, on] of state) {
        if (on === undefined) return undefined;
        if (on && el.isConnected) out.push(el);
      }
      return out;
    },
    disconnect: () => observer.disconnect(),
  };
}

/**
 * Resolves with `{ thumbsMs, thumbsOnScreen }` at the first frame in which every one of
 * `rows()` that is on screen (at least one) shows its image (`shown(row)`), timed from
 * `t0`; checked once per frame, without reading layout; after `timeoutMs` gives up with NaN.
 */
export function untilShown(t0, rows, shown, timeoutMs = 120_000) {
  const seen = visibility();
  return new Promise((resolve) => {
    const done = (result) => {
      seen.disconnect();
      resolve(result);
    };
    const check = () => {
      const now = performance.now();
      seen.watch(rows());
      const visible = seen.visible();
      if (visible?.length && visible.every(shown)) return done({ thumbsMs: now - t0, thumbsOnScreen: visible.length });
      if (now - t0 > timeoutMs) return done({ thumbsMs: NaN, thumbsOnScreen: visible?.length ?? 0 });
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** Resolves with the time from `t0` to the first frame in which `test()` holds. */
export function untilFirst(t0, test, timeoutMs = 120_000) {
  return new Promise((resolve) => {
    const check = () => {
      const now = performance.now();
      if (test()) return resolve(now - t0);
      if (now - t0 > timeoutMs) return resolve(NaN);
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** Resolves after the next frame has been produced (a rAF, then a task after it). */
export const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/**
 * Times `start(t0)` (which adds the files and resolves when every upload is done) and logs
 * main-thread long tasks: the longest overall and the longest after the first paint that
 * followed the add. `start` may resolve with `{ later }`, a promise of more metrics (the
 * thumbnails shown): the long-task log stays open until it settles too, and its fields
 * join the result.
 */
export async function timed(start) {
  const tasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  });
  observer.observe({ type: 'longtask' });
  const t0 = performance.now();
  let firstPaint = NaN;
  const painted = nextPaint().then(() => (firstPaint = performance.now()));
  const { later } = (await start(t0)) ?? {};
  await painted;
  const t1 = performance.now();
  const extra = later ? await later : {};
  await nextPaint();
  for (const e of observer.takeRecords()) tasks.push({ start: e.startTime, duration: e.duration });
  observer.disconnect();
  const after = tasks.filter((t) => t.start >= firstPaint);
  return {
    ms: t1 - t0,
    firstPaintMs: firstPaint - t0,
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
    longestAfterPaintMs: Math.max(0, ...after.map((t) => t.duration)),
    longTasks: tasks.length,
    ...extra,
  };
}
