/**
 * A JPEG decoded at a fraction of its size, in the decoder itself: libjpeg's scaled IDCT
 * gives n/8 of the width and height (n = 1…8) for much less work than the whole image, and
 * the canvas then shrinks it by less than 8/7 instead of 2–4×. WebCodecs' ImageDecoder
 * takes the size as `desiredWidth`/`desiredHeight`; Chromium picks the largest n/8 that
 * fits in it. A 12-megapixel photo for a 2048 px box, same run: 205 ms decoded at 5/8 and
 * drawn, against 337 ms from a whole-size createImageBitmap (docs/ARCHITECTURE.md, images).
 *
 * Only where the result is sure to stand the right way up: the EXIF orientation is a
 * rotation (1, 3, 6 or 8; the mirrored ones are rare and their metadata conventions
 * differ) and the frame says it carries that rotation, which createImageBitmap() applies
 * (Chromium: `rotation` on the VideoFrame, checked against the header). Anything else,
 * including a decoder that gave less than the box, is undefined: the caller decodes the
 * whole image with createImageBitmap, as without ImageDecoder (Firefox, Safari).
 */
import { jpegFacts } from './jpeg-meta.js';

/** A VideoFrame with the orientation fields of the 2025 WebCodecs spec (not in this TypeScript's lib). */
type OrientedFrame = VideoFrame & { rotation?: number; flip?: boolean };

const ROTATION: Record<number, number> = { 1: 0, 3: 180, 6: 90, 8: 270 };

/** The scale that fits `width` × `height` in the box, never above 1. */
export const fitScale = (width: number, height: number, maxWidth: number, maxHeight: number): number => Math.min(1, maxWidth / width, maxHeight / height);

/** The size an image of `width` × `height` is drawn at, `scale`d (at least 1 × 1). */
export const fitted = (width: number, height: number, scale: number): [number, number] => [
  Math.max(1, Math.round(width * scale)),
  Math.max(1, Math.round(height * scale)),
];

/**
 * The photo decoded at the eighths it needs, standing as it should (the orientation
 * applied), at least as large as it must be drawn; `width` × `height`: its whole size,
 * standing. Undefined where this cannot be sure of it.
 */
export async function decodeScaled(file: Blob, maxWidth: number, maxHeight: number): Promise<{ bitmap: ImageBitmap; width: number; height: number } | undefined> {
  if (typeof ImageDecoder === 'undefined') return undefined;
  try {
    const facts = await jpegFacts(file);
    const rotation = ROTATION[facts?.orientation ?? 0];
    if (!facts || rotation === undefined) return undefined;
    const turned = rotation % 180 !== 0;
    // The photo as it stands, and the box it must fit: the same scale for both sides.
    const [width, height] = turned ? [facts.height, facts.width] : [facts.width, facts.height];
    const scale = fitScale(width, height, maxWidth, maxHeight);
    const eighths = Math.ceil(scale * 8 - 1e-9);
    if (eighths >= 8) return undefined; // nothing to gain over a whole decode
    const decoder = new ImageDecoder({
      data: await file.arrayBuffer(),
      type: 'image/jpeg',
      desiredWidth: Math.ceil((facts.width * eighths) / 8),
      desiredHeight: Math.ceil((facts.height * eighths) / 8),
    });
    let frame: OrientedFrame | undefined;
    let bitmap: ImageBitmap | undefined;
    try {
      frame = (await decoder.decode()).image;
      // Drawn as an ImageBitmap, not as the VideoFrame: Chromium's canvas kept what it made of
      // each frame drawn into it (30 photos: +567 MB of renderer memory, still held after;
      // through an ImageBitmap +70 MB, 7 % slower). The bitmap stands as the frame does.
      if ((frame.rotation ?? 0) === rotation && !frame.flip) bitmap = await createImageBitmap(frame);
    } finally {
      frame?.close();
      decoder.close();
    }
    const [w, h] = fitted(width, height, scale);
    if (bitmap && bitmap.width >= w && bitmap.height >= h) return { bitmap, width, height };
    bitmap?.close();
  } catch {
    /* a header or decoder this cannot use: the whole decode */
  }
  return undefined;
}
