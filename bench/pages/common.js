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

export async function prepareFiles(spec) {
  return spec.big ? [await makeBigFile(spec.size)] : makeFiles(spec.count, spec.size);
}

/** Resolves after the next frame has been produced (a rAF, then a task after it). */
export const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/**
 * Times `start()` (which adds the files and resolves when every upload is done) and logs
 * main-thread long tasks: the longest overall and the longest after the first paint that
 * followed the add.
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
  await start();
  await painted;
  const t1 = performance.now();
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
  };
}
