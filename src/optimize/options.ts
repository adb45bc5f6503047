/** The lazy chunk's entry: an element's image attributes, merged with a file's own options, to `optimizeImage()`. */
import { optimizeImage, type ImageOptions } from './optimize.js';

/** The image attributes of `<deeplake-uploader>` (properties.ts). */
export interface ImageAttributes {
  imageMax: string;
  imageQuality: number;
  imageType: '' | ImageOptions['type'];
  stripMetadata: '' | 'location' | 'all';
}

/** `image-max` "2048" (longest side) or "1600x1200" (width × height) as a box. */
export function box(value: string): { maxWidth: number; maxHeight: number } {
  const [maxWidth = 0, maxHeight = maxWidth] = String(value).split(/x/i).filter(Boolean).map(Number);
  return { maxWidth: maxWidth || 0, maxHeight: maxHeight || 0 };
}

export function optimizeFor(host: ImageAttributes, own: ImageOptions | undefined, file: File, progress: (done: number) => void, signal: AbortSignal) {
  const options: ImageOptions = {
    ...box(host.imageMax),
    quality: host.imageQuality,
    type: host.imageType || 'keep',
    strip: host.stripMetadata || undefined,
    ...own,
  };
  return optimizeImage(file, options, progress, signal);
}
