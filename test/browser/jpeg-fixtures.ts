/**
 * Photos as phones make them, made here: a JPEG encoded by the browser's canvas, with an
 * EXIF APP1 segment written byte by byte (TIFF big-endian): IFD 0 holds Make ("TestCam"),
 * Orientation and a pointer to a GPS IFD (latitude 48°51'29.14" N, longitude 2°17'40" E),
 * as the Exif 2.3 standard lays them out. And readers for what the tests check: the EXIF
 * tags, and the entropy-coded scan (the SOS marker to the end of the file).
 */

export const MAKE = 'TestCam';
/** The latitude's first rational (48/1): its 8 bytes are searched for in a stored file. */
export const LATITUDE_BYTES = [0, 0, 0, 48, 0, 0, 0, 1, 0, 0, 0, 51, 0, 0, 0, 1];

/**
 * A `width` × `height` JPEG: the left half red, the right half blue (so a test can see
 * which way up a decoder stood it), or noise (`noise: true`: a photo that compresses badly).
 */
export async function canvasJpeg(width: number, height: number, { noise = false, quality = 0.92 } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext('2d')!;
  if (noise) {
    const pixels = g.createImageData(width, height);
    let seed = 7;
    for (let i = 0; i < pixels.data.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      pixels.data[i] = i % 4 === 3 ? 255 : seed >>> 24;
    }
    g.putImageData(pixels, 0, 0);
  } else {
    g.fillStyle = '#f00';
    g.fillRect(0, 0, width / 2, height);
    g.fillStyle = '#00f';
    g.fillRect(width / 2, 0, width / 2, height);
  }
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality })).arrayBuffer());
}

/** The EXIF APP1 segment (marker included) with Make, Orientation and GPS. */
export function exifSegment(orientation: number): Uint8Array<ArrayBuffer> {
  const tiff = new DataView(new ArrayBuffer(160));
  const bytes = new Uint8Array(tiff.buffer);
  const entry = (at: number, tag: number, type: number, count: number, value: number, short = false) => {
    tiff.setUint16(at, tag);
    tiff.setUint16(at + 2, type);
    tiff.setUint32(at + 4, count);
    if (short) tiff.setUint16(at + 8, value);
    else tiff.setUint32(at + 8, value);
  };
  bytes.set([0x4d, 0x4d, 0, 42, 0, 0, 0, 8]);
  // IFD 0 at 8: three entries, sorted by tag; then the next-IFD offset (0); it ends at 50.
  tiff.setUint16(8, 3);
  entry(10, 0x010f, 2, 8, 50); // Make: ASCII, 8 bytes at 50
  entry(22, 0x0112, 3, 1, orientation, true); // Orientation: SHORT, in the entry
  entry(34, 0x8825, 4, 1, 58); // GPSInfo: the GPS IFD at 58
  bytes.set(
    [...MAKE].map((c) => c.charCodeAt(0)),
    50,
  );
  // GPS IFD at 58: four entries (ends at 112); the two rational triples at 112 and 136.
  tiff.setUint16(58, 4);
  entry(60, 0x0001, 2, 2, 0x4e000000); // GPSLatitudeRef "N"
  entry(72, 0x0002, 5, 3, 112); // GPSLatitude
  entry(84, 0x0003, 2, 2, 0x45000000); // GPSLongitudeRef "E"
  entry(96, 0x0004, 5, 3, 136); // GPSLongitude
  [48, 1, 51, 1, 2914, 100, 2, 1, 17, 1, 4000, 100].forEach((n, i) => tiff.setUint32(112 + i * 4, n));
  const segment = new Uint8Array(4 + 6 + bytes.length);
  segment.set([0xff, 0xe1, (segment.length - 2) >> 8, (segment.length - 2) & 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0]);
  segment.set(bytes, 10);
  return segment;
}

/**
 * A JPEG as a phone writes it: the canvas JPEG with the EXIF segment after SOI, and after
 * the JFIF segment where the encoder wrote one (Firefox decodes no JPEG with any segment
 * between SOI and a JFIF APP0).
 */
export async function phoneJpeg(name: string, width: number, height: number, { orientation = 6, noise = false, quality = 0.92 } = {}): Promise<File> {
  const jpeg = await canvasJpeg(width, height, { noise, quality });
  const at = jpeg[3] === 0xe0 ? 4 + ((jpeg[4]! << 8) | jpeg[5]!) : 2;
  return new File([jpeg.subarray(0, at), exifSegment(orientation), jpeg.subarray(at)], name, { type: 'image/jpeg' });
}

/** Where the scan starts: the SOS marker after the header segments. */
export function scanStart(b: Uint8Array): number {
  let at = 2;
  while (at < b.length && !(b[at] === 0xff && b[at + 1] === 0xda)) at += 2 + ((b[at + 2]! << 8) | b[at + 3]!);
  return at;
}

/** The EXIF tags a test checks (undefined fields: not there), read with no code of the library. */
export function readExif(b: Uint8Array): { orientation?: number; make?: string; gpsPointer: boolean; tags: number[] } | undefined {
  let at = 2;
  while (at < scanStart(b)) {
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    if (b[at + 1] === 0xe1 && String.fromCharCode(...b.subarray(at + 4, at + 8)) === 'Exif') {
      const base = at + 10;
      const v = new DataView(b.buffer, b.byteOffset + base);
      const little = b[base] === 0x49;
      const ifd = v.getUint32(4, little);
      const tags: number[] = [];
      const out: { orientation?: number; make?: string; gpsPointer: boolean; tags: number[] } = { gpsPointer: false, tags };
      for (let i = 0, n = v.getUint16(ifd, little); i < n; i++) {
        const e = ifd + 2 + i * 12;
        const tag = v.getUint16(e, little);
        tags.push(tag);
        if (tag === 0x0112) out.orientation = v.getUint16(e + 8, little);
        if (tag === 0x8825) out.gpsPointer = true;
        if (tag === 0x010f) {
          const offset = v.getUint32(e + 8, little);
          out.make = String.fromCharCode(...b.subarray(base + offset, base + offset + v.getUint32(e + 4, little) - 1));
        }
      }
      return out;
    }
    at += 2 + length;
  }
  return undefined;
}

/** Whether `needle` occurs in `hay`. */
export function contains(hay: Uint8Array, needle: number[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
