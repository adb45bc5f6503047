/** The lazy chunk's entry: an element's image attributes, merged with a file's own options, to `optimizeImage()`. */
import { optimizeImage, type ImageOptions } from './optimize.js';

/** The image attributes of `<deeplake-uploader>` (uploader/properties.ts). */
export interface ImageAttributes {
  imageMax?: string | undefined;
  imageQuality?: number | undefined;
  imageType?: ImageOptions['type'] | '' | undefined;
  stripMetadata?: 'location' | 'all' | '' | undefined;
}

/** `image-max` "2048" (longest side) or "1600x1200" (width × height) as a box. */
export function box(value = ''): { maxWidth: number; maxHeight: number } {
  const [maxWidth = 0, maxHeight = maxWidth] = String(value).split(/x/i).filter(Boolean).map(Number);
  return { maxWidth: maxWidth || 0, maxHeight: maxHeight || 0 };
}

export function optimizeFor(host: ImageAttributes, own: ImageOptions | undefined, file: File, progress: (done: number) => void, signal: AbortSignal) {
  const options: ImageOptions = {
    ...box(host.imageMax),
    quality: host.imageQuality ?? 0.85,
    type: host.imageType || 'keep',
    strip: host.stripMetadata || undefined,
    ...own,
  };
  return optimizeImage(file, options, progress, signal);
}
