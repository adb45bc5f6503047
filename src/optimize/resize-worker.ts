/**
 * The image worker: decodes a photo (EXIF orientation applied: `imageOrientation:
 * 'from-image'`, or a JPEG at the fraction of its size it needs: scaled-decode.ts), draws it into an OffscreenCanvas no larger than the box, and encodes it;
 * or makes a row's thumbnail; or strips a JPEG's metadata (jpeg-meta.ts). Off the main
 * thread, so a 12-megapixel decode never blocks a page, and every Blob, File and preview
 * URL a job makes is made here (below). The bundle emits it as one file beside the entry.
 */
import { stripJpeg, type StripMode } from './jpeg-meta.js';
import { decodeScaled, fitScale, fitted } from './scaled-decode.js';

/**
 * A job on one file: a resize (`type` set), a thumbnail (`thumb`), both from one decode, or
 * a lossless strip (`strip`, alone).
 */
export interface ResizeJob {
  id: number;
  file: Blob;
  /** The MIME type to encode: set for a resize. */
  type?: string | undefined;
  /** The box the result must fit (image pixels); default unbounded. */
  maxWidth?: number | undefined;
  maxHeight?: number | undefined;
  quality?: number | undefined;
  /** A WebP preview this wide (the row's thumbnail), as a `data:` URL; alone, or from a resize's decode. */
  thumb?: number | undefined;
  /** JPEG metadata to remove without re-encoding; the job does nothing else. */
  strip?: StripMode | undefined;
  /**
   * The result's name and date: the worker answers with the `File` to send. Made here, not
   * on the page: in Chromium a new Blob or File is a synchronous IPC to the browser
   * process (BlobRegistry::Register), which held the page's main thread 50–115 ms while
   * the workers' decodes kept both cores busy (docs/ARCHITECTURE.md, images).
   */
  name?: string | undefined;
  lastModified?: number | undefined;
}

/**
 * Progress (`done` 0..1), the preview, the result (null: nothing to gain, already small and
 * the same type, or no JPEG a strip can read), or an error.
 */
export type ResizeReply = { id: number; done: number } | { id: number; thumb: string } | { id: number; blob: Blob | null } | { id: number; error: string };

/** Workers only (not in the DOM library this file is typed with). */
declare const FileReaderSync: new () => { readAsDataURL(blob: Blob): string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<ResizeJob>) => unknown) | null; postMessage(reply: ResizeReply): void };

scope.onmessage = async ({ data: job }) => {
  const { id } = job;
  try {
    if (job.strip) return scope.postMessage({ id, blob: (await stripJpeg(job.file as File, job.strip)) ?? null });
    if (typeof OffscreenCanvas === 'undefined') throw new Error('unsupported');
    const { type } = job;
    // A resize of a JPEG decodes only the eighths it needs where it can (scaled-decode.ts);
    // anything else, the whole image. `full`: the photo's own size, whatever was decoded.
    const scaled = type ? await decodeScaled(job.file, job.maxWidth ?? Infinity, job.maxHeight ?? Infinity) : undefined;
    const bitmap = scaled?.bitmap ?? (await createImageBitmap(job.file, { imageOrientation: 'from-image' }));
    const full = scaled ?? bitmap;
    scope.postMessage({ id, done: 0.5 });
    if (job.thumb) {
      const preview = new OffscreenCanvas(job.thumb, Math.max(1, Math.round((full.height * job.thumb) / full.width)));
      const g = preview.getContext('2d')!;
      g.imageSmoothingQuality = 'medium';
      g.drawImage(bitmap, 0, 0, preview.width, preview.height);
      // A data: URL, read here: an object URL made on the page is a synchronous IPC to the
      // browser process there, as a new Blob is (up to 87 ms of a loaded page's main thread).
      const thumb = new FileReaderSync().readAsDataURL(await preview.convertToBlob({ type: 'image/webp', quality: 0.8 }));
      scope.postMessage({ id, thumb });
    }
    if (!type) return bitmap.close(); // a thumbnail alone
    const scale = fitScale(full.width, full.height, job.maxWidth ?? Infinity, job.maxHeight ?? Infinity);
    if (scale === 1 && type === job.file.type) {
      bitmap.close();
      return scope.postMessage({ id, blob: null });
    }
    const [width, height] = fitted(full.width, full.height, scale);
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d')!;
    if (type === 'image/jpeg') {
      ctx.fillStyle = '#fff'; // JPEG has no alpha: transparent pixels become white, not black
      ctx.fillRect(0, 0, width, height);
    }
    // 'medium' (bilinear between mipmap levels in Chromium) rather than 'high': case 8 was
    // faster in 5 of 5 same-run rounds (median 8 %), at the same bytes sent; what a photo
    // shrunk by 2–4× loses to it is not visible. (Compressor.js draws with the default, 'low'.)
    ctx.imageSmoothingQuality = 'medium';
    ctx.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    scope.postMessage({ id, done: 0.8 });
    const blob = await canvas.convertToBlob({ type, quality: job.quality ?? 0.85 });
    // A type the browser cannot encode comes back as PNG: that is no answer to the job.
    if (blob.type !== type) throw new Error('unsupported');
    scope.postMessage({ id, blob: job.name === undefined ? blob : new File([blob], job.name, { type, lastModified: job.lastModified }) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
