/**
 * How a stored file is shown, chosen from its declared content type alone (the bytes are
 * never sniffed). HTML of any flavour is only ever offered as a download: rendered, it
 * would run as a page of this origin. SVG is an image, drawn only through `<img>`, where
 * its scripts never run.
 */
export type FileKind = 'image' | 'video' | 'audio' | 'pdf' | 'text' | 'card';

export const SVG = 'image/svg+xml';

/** Image types every current engine draws in `<img>`; others (TIFF, HEIC, …) get a card. */
const IMAGE = /^image\/(png|jpeg|gif|webp|avif|bmp|svg\+xml|x-icon|vnd\.microsoft\.icon|apng)$/;
/** Text to show as-is: text/* (HTML excluded above) and the common structured formats. */
const TEXT = /^(text\/|application\/(json|xml|yaml|x-yaml|toml|x-ndjson|javascript|sql|x-sh)$|application\/.+\+(json|xml)$)/;

/** The media type alone, lower-cased: `Text/Plain; charset=utf-8` → `text/plain`. */
export const mediaType = (contentType: string): string => contentType.split(';')[0]!.trim().toLowerCase();

export function kindOf(contentType: string): FileKind {
  const type = mediaType(contentType);
  if (type.includes('html')) return 'card';
  if (IMAGE.test(type)) return 'image';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('audio/')) return 'audio';
  if (type === 'application/pdf') return 'pdf';
  return TEXT.test(type) ? 'text' : 'card';
}
