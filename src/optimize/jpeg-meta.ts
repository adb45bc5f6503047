/**
 * JPEG metadata removed without touching the image: the segments before the scan
 * (JPEG, ITU T.81 B.1.1) are rewritten, and everything from the SOS marker on (the
 * entropy-coded pixels) is the original file's own bytes, sliced, not copied.
 *
 * - `location`: the EXIF GPS IFD (TIFF 6.0 / Exif 2.3, tag 0x8825) is zeroed and its
 *   pointer removed from IFD 0; every other tag keeps its bytes and offsets. XMP packets
 *   that mention GPS are dropped.
 * - `all`: EXIF is replaced by one tag, the orientation; XMP, IPTC (APP13) and comments
 *   go. JFIF (APP0), ICC profiles (APP2) and Adobe (APP14) stay: they decide colours.
 *
 * Not covered: an image stored after the main one (MPF, some phones' second picture)
 * keeps its own metadata.
 */

export type StripMode = 'location' | 'all';

const EXIF = 'Exif\0\0';
const XMP = 'http://ns.adobe.com/';

const latin1 = new TextDecoder('latin1');
const ascii = (b: Uint8Array, at: number, length: number) => latin1.decode(b.subarray(at, at + length));

/** The bytes before the scan (grown until the SOS marker is in them), and where each segment starts. */
async function header(
  file: Blob,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; segments: { marker: number; start: number; end: number }[]; scan: number } | undefined> {
  let bytes: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  let size = 64 * 1024;
  const segments: { marker: number; start: number; end: number }[] = [];
  let at = 2;
  for (;;) {
    if (bytes.length < Math.min(size, file.size)) bytes = new Uint8Array(await file.slice(0, Math.min(size, file.size)).arrayBuffer());
    if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
    while (at + 4 <= bytes.length) {
      if (bytes[at] !== 0xff) return undefined;
      const marker = bytes[at + 1]!;
      if (marker === 0xff) {
        at++; // fill byte
        continue;
      }
      if (marker === 0xda) return { bytes, segments, scan: at };
      const end = at + 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
      if (end > bytes.length) break;
      segments.push({ marker, start: at, end });
      at = end;
    }
    if (size >= file.size) return undefined; // no scan: not a JPEG we can rewrite
    size *= 2;
  }
}

/** A TIFF reader over an EXIF payload (`tiff` = the offset of "II"/"MM"). */
function tiff(b: Uint8Array, base: number) {
  const little = b[base] === 0x49;
  const view = new DataView(b.buffer, b.byteOffset + base, b.length - base);
  const u16 = (o: number) => view.getUint16(o, little);
  const u32 = (o: number) => view.getUint32(o, little);
  /** The bytes of one value of each TIFF type (1 BYTE … 12 DOUBLE). */
  const unit = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8];
  return { view, little, u16, u32, valueBytes: (entry: number) => (unit[u16(entry + 2)] ?? 1) * u32(entry + 4) };
}

/** The orientation tag's value (1–8), or 1. */
function orientationOf(b: Uint8Array, base: number): number {
  const t = tiff(b, base);
  const ifd = t.u32(4);
  for (let i = 0, n = t.u16(ifd); i < n; i++) if (t.u16(ifd + 2 + i * 12) === 0x0112) return t.u16(ifd + 2 + i * 12 + 8);
  return 1;
}

/**
 * A JPEG's coded size (its SOF segment: T.81 B.2.2, height then width) and its EXIF
 * orientation (1 without one), read from the header alone; undefined for no JPEG.
 */
export async function jpegFacts(file: Blob): Promise<{ width: number; height: number; orientation: number } | undefined> {
  const head = await header(file);
  if (!head) return undefined;
  const { bytes, segments } = head;
  let size: { width: number; height: number } | undefined;
  let orientation = 1;
  for (const { marker, start } of segments) {
    const u16 = (at: number) => (bytes[start + at]! << 8) | bytes[start + at + 1]!;
    if (marker === 0xe1 && ascii(bytes, start + 4, 6) === EXIF) orientation = orientationOf(bytes, start + 10);
    // SOF0–SOF15, less DHT (C4), JPG (C8) and DAC (CC), which share the range.
    else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) size = { width: u16(7), height: u16(5) };
  }
  return size && { ...size, orientation };
}

/** Zeroes the GPS IFD (entries and values) and removes its pointer from IFD 0, in place. */
function dropGps(b: Uint8Array, base: number): void {
  const t = tiff(b, base);
  const ifd = t.u32(4);
  const n = t.u16(ifd);
  for (let i = 0; i < n; i++) {
    const entry = ifd + 2 + i * 12;
    if (t.u16(entry) !== 0x8825) continue;
    const gps = t.u32(entry + 8);
    const count = t.u16(gps);
    for (let g = 0; g < count; g++) {
      const e = gps + 2 + g * 12;
      const size = t.valueBytes(e);
      if (size > 4) b.fill(0, base + t.u32(e + 8), base + t.u32(e + 8) + size);
    }
    b.fill(0, base + gps, base + gps + 2 + count * 12 + 4);
    // IFD 0 loses one entry: the later ones and the next-IFD offset move up 12 bytes.
    const last = ifd + 2 + n * 12 + 4;
    b.copyWithin(base + entry, base + entry + 12, base + last);
    b.fill(0, base + last - 12, base + last);
    t.view.setUint16(ifd, n - 1, t.little);
    return;
  }
}

/** An EXIF segment with the orientation only. */
function orientationOnly(orientation: number): Uint8Array<ArrayBuffer> {
  const s = new Uint8Array(36);
  s.set([0xff, 0xe1, 0, 34, ...Array.from(EXIF, (c) => c.charCodeAt(0)), 0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation]);
  return s;
}

/**
 * `file` without its location (or all its metadata but the orientation); undefined when it
 * is no JPEG this can read (the caller sends it as it is, and says so).
 */
export async function stripJpeg(file: File, mode: StripMode): Promise<File | undefined> {
  const head = await header(file);
  if (!head) return undefined;
  const { bytes, segments, scan } = head;
  const parts: BlobPart[] = [bytes.slice(0, 2)];
  for (const { marker, start, end } of segments) {
    const at = start + 4;
    const body = bytes.slice(start, end);
    if (marker === 0xe1 && ascii(bytes, at, 6) === EXIF) {
      if (mode === 'all') parts.push(orientationOnly(orientationOf(bytes, at + 6)));
      else {
        dropGps(body, 10);
        parts.push(body);
      }
      continue;
    }
    const xmp = marker === 0xe1 && ascii(bytes, at, XMP.length) === XMP;
    if (xmp && (mode === 'all' || ascii(bytes, at, end - at).includes('GPS'))) continue;
    if (mode === 'all' && (marker === 0xed || marker === 0xfe || xmp)) continue;
    parts.push(body);
  }
  return new File([...parts, file.slice(scan)], file.name, { type: file.type, lastModified: file.lastModified });
}
