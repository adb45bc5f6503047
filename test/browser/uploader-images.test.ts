/**
 * Images made right before they leave the device (issue 22), checked on what the emulator
 * stored: resized photos stand the right way up at the asked size, stripped JPEGs lose
 * their GPS and keep their pixels byte for byte, the original goes when the new file would
 * be larger or cannot be made, a page chooses per file, and the main thread stays free
 * while a 12-megapixel photo is processed. The photos are made in the test
 * (jpeg-fixtures.ts: a canvas JPEG with EXIF orientation 6 and GPS written byte by byte).
 */
import { expect } from '@open-wc/testing';
import type { UploadItem } from '../../src/queue/index.js';
import { clientFor } from './emulator-control.js';
import { canvasJpeg, contains, LATITUDE_BYTES, MAKE, phoneJpeg, readExif, scanStart } from './jpeg-fixtures.js';
import { decodeScaled } from '../../src/optimize/scaled-decode.js';
import { makePng } from './file-fixtures.js';
import { itIn, skipHere } from './engine.js';
import { fileInput, metaText, mount, rows, until, when, type DeepLakeUploader } from './uploader-helpers.js';
import type { TestWorkspace } from './emulator-control.js';

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/** Uploads `file` and returns the stored record and bytes. */
async function store(el: DeepLakeUploader, ws: TestWorkspace, file: File): Promise<{ item: UploadItem; bytes: Uint8Array; stored: Blob }> {
  const success = when(el, 'deeplake-success');
  el.addFiles([file]);
  const { item, info } = await success;
  const stored = await clientFor(ws).content(info.id);
  return { item, bytes: await bytesOf(stored), stored };
}

/** Decodes `blob` (its own EXIF orientation applied) and reads a pixel. */
async function decode(blob: Blob) {
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const g = canvas.getContext('2d')!;
  g.drawImage(bitmap, 0, 0);
  const pixel = (x: number, y: number) => [...g.getImageData(x, y, 1, 1).data.slice(0, 3)];
  return { width: bitmap.width, height: bitmap.height, pixel };
}

/** Counts `new File(…)` on the page until `restore()` (the lazy chunks read the global at call time). */
function countNewFiles() {
  const real = window.File;
  let count = 0;
  window.File = new Proxy(real, {
    construct(target, args: ConstructorParameters<typeof File>) {
      count++;
      return new target(...args);
    },
  });
  return { made: () => count, restore: () => void (window.File = real) };
}

const reddish = ([r, g, b]: number[]) => r! > 180 && g! < 80 && b! < 80;
const bluish = ([r, g, b]: number[]) => b! > 180 && r! < 80 && g! < 80;

describe('<deeplake-uploader> images before they leave (issue 22)', function () {
  this.timeout(90_000);

  it('strip-metadata="location": GPS gone, Make and orientation kept, the scan byte-identical', async () => {
    const { el, ws } = await mount({ 'strip-metadata': 'location' });
    const photo = await phoneJpeg('trip.jpg', 320, 160);
    const original = await bytesOf(photo);
    expect(readExif(original)?.gpsPointer, 'the fixture has GPS').to.equal(true);
    expect(contains(original, LATITUDE_BYTES), 'the fixture has the latitude').to.equal(true);

    const { item, bytes, stored } = await store(el, ws, photo);
    const exif = readExif(bytes)!;
    expect(exif.gpsPointer).to.equal(false);
    expect(contains(bytes, LATITUDE_BYTES), 'no latitude left anywhere').to.equal(false);
    expect(exif.make).to.equal(MAKE);
    expect(exif.orientation).to.equal(6);
    expect(exif.tags).to.deep.equal([0x010f, 0x0112]);
    // The pixels: every byte from the SOS marker to the end is the original's.
    expect(bytes.subarray(scanStart(bytes))).to.deep.equal(original.subarray(scanStart(original)));
    expect(stored.size).to.equal(photo.size); // zeroed in place, nothing moved
    expect(item.relativePath).to.equal('trip.jpg');
    expect(item.prepared).to.deep.equal({ originalSize: photo.size, note: undefined });
  });

  it('strip-metadata="all": only the orientation is left, the scan byte-identical', async () => {
    const { el, ws } = await mount({ 'strip-metadata': 'all' });
    const photo = await phoneJpeg('all.jpg', 320, 160);
    const original = await bytesOf(photo);
    const files = countNewFiles();
    const { item, bytes } = await store(el, ws, photo).finally(files.restore);
    // The image worker strips and makes the File (a new File on the page is a synchronous IPC).
    expect(files.made(), 'Files made on the page').to.equal(0);
    expect([item.file.name, item.file.lastModified]).to.deep.equal(['all.jpg', photo.lastModified]);
    const exif = readExif(bytes)!;
    expect(exif.tags).to.deep.equal([0x0112]);
    expect(exif.orientation).to.equal(6);
    expect(
      contains(
        bytes,
        [...MAKE].map((c) => c.charCodeAt(0)),
      ),
    ).to.equal(false);
    expect(bytes.subarray(scanStart(bytes))).to.deep.equal(original.subarray(scanStart(original)));
  });

  it('image-max="100": a photo with orientation 6 stands up, fits the box, has no EXIF, keeps its base name', async () => {
    const { el, ws } = await mount({ 'image-max': '100' });
    const photo = await phoneJpeg('IMG_0001.JPEG', 400, 200); // stands 200 × 400, red on top
    const { item, bytes, stored } = await store(el, ws, photo);
    const image = await decode(stored);
    expect([image.width, image.height]).to.deep.equal([50, 100]);
    expect(reddish(image.pixel(25, 10)), `top ${image.pixel(25, 10).join()}`).to.equal(true);
    expect(bluish(image.pixel(25, 90)), `bottom ${image.pixel(25, 90).join()}`).to.equal(true);
    expect(readExif(bytes)).to.equal(undefined);
    expect(contains(bytes, LATITUDE_BYTES)).to.equal(false);
    expect(item.relativePath).to.equal('IMG_0001.jpg');
    expect(item.file.name).to.equal('IMG_0001.jpg');
    expect(item.file.lastModified).to.equal(photo.lastModified); // the worker makes the File: its date is the original's
    expect(item.total).to.equal(stored.size);
    expect(item.prepared!.originalSize).to.equal(photo.size);
    // The row: "3.8 MB → 412 kB".
    await el.updateComplete;
    expect(metaText(rows(el)[0]!)).to.match(/^\d[\d.,]* (kB|byte|bytes) → \d[\d.,]* (kB|byte|bytes) · /);
  });

  // A resize that Chromium decodes at 3/8 of the size (scaled-decode.ts: 150 px, then drawn
  // at 130), and each rotation a camera writes, the photo standing the right way up; other
  // engines decode the whole photo and must give the same.
  for (const [orientation, size, first, second] of [
    [1, [130, 65], 'left', 'right'],
    [3, [130, 65], 'right', 'left'],
    [6, [65, 130], 'top', 'bottom'],
    [8, [65, 130], 'bottom', 'top'],
  ] as const) {
    it(`image-max="130": orientation ${orientation} stands ${size.join(' × ')}, red on the ${first}, blue on the ${second}`, async () => {
      const { el, ws } = await mount({ 'image-max': '130' });
      const { stored } = await store(el, ws, await phoneJpeg(`o${orientation}.jpg`, 400, 200, { orientation })); // red left, blue right as coded
      const image = await decode(stored);
      expect([image.width, image.height]).to.deep.equal(size);
      const at: Record<string, [number, number]> = { left: [10, 30], right: [120, 30], top: [30, 10], bottom: [30, 120] };
      const [red, blue] = [image.pixel(...at[first]!), image.pixel(...at[second]!)];
      expect([reddish(red), bluish(blue)], `${first} ${red.join()}, ${second} ${blue.join()}`).to.deep.equal([true, true]);
    });
  }

  itIn(
    ['chromium'],
    'no ImageDecoder whose frames say their orientation',
    'decodes a JPEG at the eighths a box needs, standing as its EXIF orientation says',
    async () => {
      const photo = (orientation: number) => phoneJpeg('p.jpg', 400, 200, { orientation });
      const sizes = async (file: File, box: number) => {
        const decoded = await decodeScaled(file, box, box);
        const found = decoded && [decoded.bitmap.width, decoded.bitmap.height, decoded.width, decoded.height];
        decoded?.bitmap.close();
        return found;
      };
      // 130 px of 400: 3/8 (150), the canvas draws it at 130; turned, the same standing up.
      expect(await sizes(await photo(1), 130)).to.deep.equal([150, 75, 400, 200]);
      expect(await sizes(await photo(6), 130)).to.deep.equal([75, 150, 200, 400]);
      // A mirrored orientation, a box the photo fits in, or no JPEG: the whole decode.
      expect(await sizes(await photo(2), 130)).to.equal(undefined);
      expect(await sizes(await photo(1), 400)).to.equal(undefined);
      expect(await sizes(new File([await makePng()], 'x.png', { type: 'image/png' }), 130)).to.equal(undefined);
    },
  );

  it('image-max="120x60" image-type="webp": a width × height box, and the new type in the name', async function () {
    const { el, ws } = await mount({ 'image-max': '120x60', 'image-type': 'webp' });
    const photo = await phoneJpeg('wide.jpg', 400, 200, { orientation: 1 });
    const { item, stored } = await store(el, ws, photo);
    if (item.prepared?.note === 'unsupported') skipHere(this, 'its canvas cannot encode WebP (said in the README)');
    const image = await decode(stored);
    expect([image.width, image.height]).to.deep.equal([120, 60]);
    expect(item.relativePath).to.equal('wide.webp');
    expect(item.file.type).to.equal('image/webp');
  });

  it('image-type="avif": an AVIF where the browser encodes one, else the original with note "unsupported"', async () => {
    const { el, ws } = await mount({ 'image-max': '100', 'image-type': 'avif' });
    const photo = await phoneJpeg('a.jpg', 400, 200, { orientation: 1 });
    const { item, bytes } = await store(el, ws, photo);
    if (item.prepared?.note === 'unsupported') {
      expect(bytes).to.deep.equal(await bytesOf(photo));
      expect(item.relativePath).to.equal('a.jpg');
    } else {
      expect(item.prepared?.note).to.equal(undefined);
      expect(item.file.type).to.equal('image/avif');
      expect(String.fromCharCode(...bytes.subarray(4, 12))).to.equal('ftypavif');
      expect(item.relativePath).to.equal('a.avif');
    }
  });

  it('the original goes when the new file would be larger (note "larger")', async () => {
    // Noise at quality 0.1 is small; re-encoded at quality 1, nearly as large, it is not.
    const { el, ws } = await mount({ 'image-max': '390', 'image-quality': '1' });
    const photo = await phoneJpeg('noise.jpg', 400, 400, { noise: true, quality: 0.1 });
    const { item, bytes } = await store(el, ws, photo);
    expect(item.prepared?.note).to.equal('larger');
    expect(bytes).to.deep.equal(await bytesOf(photo));
    expect(item.relativePath).to.equal('noise.jpg');
  });

  it('a failed optimization does not block the upload: the original goes, with note "failed"', async () => {
    const { el, ws } = await mount({ 'image-max': '100' });
    const broken = new File([new Uint8Array([0xff, 0xd8, 1, 2, 3, 4, 5])], 'broken.jpg', { type: 'image/jpeg' });
    const { item, bytes } = await store(el, ws, broken);
    expect(item.prepared?.note).to.equal('failed');
    expect(bytes).to.deep.equal(await bytesOf(broken));
  });

  it('deeplake-add: a page chooses per file (its own box, or as it is)', async () => {
    const { el, ws } = await mount({ multiple: true, 'image-max': '100' });
    const small = await phoneJpeg('small.jpg', 400, 200, { orientation: 1 });
    const asIs = await phoneJpeg('as-is.jpg', 400, 200, { orientation: 1 });
    el.addEventListener('deeplake-add', (e) => {
      e.detail.optimize(small, { maxWidth: 40, maxHeight: 40 });
      e.detail.optimize(asIs, false);
    });
    const done = when(el, 'deeplake-complete');
    el.addFiles([small, asIs]);
    const { items } = await done;
    const [a, b] = items;
    const [storedA, storedB] = await Promise.all([a!, b!].map((i) => clientFor(ws).content(i.fileId!)));
    expect((await decode(storedA!)).width).to.equal(40);
    expect(await bytesOf(storedB!)).to.deep.equal(await bytesOf(asIs));
    expect(b!.prepared).to.equal(undefined);
  });

  it('files that are no images, or with no option set, go as they are (and load nothing)', async () => {
    const { el, ws } = await mount({});
    const photo = await phoneJpeg('plain.jpg', 64, 32);
    const { item, bytes } = await store(el, ws, photo);
    expect(item.prepared).to.equal(undefined);
    expect(bytes).to.deep.equal(await bytesOf(photo));
  });

  it('capture="environment" reaches the picker', async () => {
    const { el } = await mount({ capture: 'environment', accept: 'image/*' });
    expect(fileInput(el).getAttribute('capture')).to.equal('environment');
    el.removeAttribute('capture');
    await el.updateComplete;
    expect(fileInput(el).hasAttribute('capture')).to.equal(false);
  });

  it('a 12-megapixel photo: the row says "Optimizing…" with its own bar, and the result is 2048 px', async function () {
    // Long tasks are seen through the Long Tasks API (a timer loop measures throttling, not work).
    if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) skipHere(this, 'no Long Tasks API to see the main thread with');
    const photo = new File([await canvasJpeg(4000, 3000, { noise: true, quality: 0.9 })], 'big.jpg', { type: 'image/jpeg' });
    const { el, ws } = await mount({ 'image-max': '2048' });
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => Math.round(e.duration))));
    observer.observe({ type: 'longtask' });
    try {
      const success = when(el, 'deeplake-success', () => true, 80_000);
      el.addFiles([photo]);
      await until(() => rows(el)[0]?.querySelector('[role=progressbar][data-phase=optimizing]'), 'an optimizing bar', 30_000);
      const bar = rows(el)[0]!.querySelector('[role=progressbar]')!;
      expect(bar.getAttribute('aria-valuenow')).to.match(/^\d+$/);
      expect(metaText(rows(el)[0]!)).to.contain('Optimizing…');
      const { item, info } = await success;
      // Read before the checks below decode on this thread themselves. The same observer
      // sees this photo drawn into a canvas on the main thread as one task of 250–300 ms.
      const during = [...longTasks, ...observer.takeRecords().map((e) => Math.round(e.duration))];
      // How long the page's tasks were is the bench's to judge (case 8: no task over 50 ms
      // goal); a loaded CI machine stretches any task (235 ms seen at load average 20), so
      // it is logged here, not asserted.
      console.log(`12 MP photo: the page's long tasks while it was made: ${during.join(', ') || 'none'} ms`);
      const stored = await clientFor(ws).content(info.id);
      expect(item.total).to.be.below(photo.size);
      const image = await decode(stored);
      expect([image.width, image.height]).to.deep.equal([2048, 1536]);
    } finally {
      observer.disconnect();
    }
  });
});
