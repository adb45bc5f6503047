/**
 * The image worker: decodes a photo (EXIF orientation applied: `imageOrientation:
 * 'from-image'`), draws it into an OffscreenCanvas no larger than the box, and encodes it.
 * Off the main thread, so a 12-megapixel decode never blocks a page. It imports nothing:
 * the bundle emits it as one file beside the entry.
 */

/** A job: the file and the box it must fit. */
export interface ResizeJob {
  id: number;
  file: Blob;
  maxWidth: number;
  maxHeight: number;
  /** The MIME type to encode. */
  type: string;
  quality: number;
  /** Also a WebP preview this wide (the row's thumbnail, from the same decode). */
  thumb?: number | undefined;
  /**
   * The result's name and date: the worker answers with the `File` to send. Made here, not
   * on the page: in Chromium a new Blob or File is a synchronous IPC to the browser
   * process (BlobRegistry::Register), which held the page's main thread 50–115 ms while
   * the workers' decodes kept both cores busy (docs/ARCHITECTURE.md, images).
   */
  name?: string | undefined;
  lastModified?: number | undefined;
}

/** Progress (`done` 0..1), the encoded image, null (nothing to gain: already small, same type), or an error. */
export type ResizeReply = { id: number; done: number } | { id: number; thumb: Blob } | { id: number; blob: Blob | null } | { id: number; error: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<ResizeJob>) => unknown) | null; postMessage(reply: ResizeReply): void };

scope.onmessage = async ({ data: job }) => {
  const { id } = job;
  try {
    if (typeof OffscreenCanvas === 'undefined') throw new Error('unsupported');
    const bitmap = await createImageBitmap(job.file, { imageOrientation: 'from-image' });
    scope.postMessage({ id, done: 0.5 });
    if (job.thumb) {
      const preview = new OffscreenCanvas(job.thumb, Math.max(1, Math.round((bitmap.height * job.thumb) / bitmap.width)));
      const g = preview.getContext('2d')!;
      g.imageSmoothingQuality = 'high';
      g.drawImage(bitmap, 0, 0, preview.width, preview.height);
      scope.postMessage({ id, thumb: await preview.convertToBlob({ type: 'image/webp', quality: 0.8 }) });
    }
    const scale = Math.min(1, job.maxWidth / bitmap.width, job.maxHeight / bitmap.height);
    if (scale === 1 && job.type === job.file.type) {
      bitmap.close();
      return scope.postMessage({ id, blob: null });
    }
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d')!;
    if (job.type === 'image/jpeg') {
      ctx.fillStyle = '#fff'; // JPEG has no alpha: transparent pixels become white, not black
      ctx.fillRect(0, 0, width, height);
    }
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    scope.postMessage({ id, done: 0.8 });
    const blob = await canvas.convertToBlob({ type: job.type, quality: job.quality });
    // A type the browser cannot encode comes back as PNG: that is no answer to the job.
    if (blob.type !== job.type) throw new Error('unsupported');
    scope.postMessage({ id, blob: job.name === undefined ? blob : new File([blob], job.name, { type: job.type, lastModified: job.lastModified }) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
