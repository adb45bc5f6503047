/**
 * Real files of each kind `<deeplake-file>` renders, made in the browser: a PNG drawn on a
 * canvas, a WAV and a PDF written byte by byte, a WebM encoded with WebCodecs and muxed
 * here (MediaRecorder needs frames that a background test tab never paints), plus a text
 * file and the two hostile ones (an SVG and an HTML page that try to run script).
 * No test code: the demo page (demo/file.ts) uses these too.
 */

export const PNG_SIZE = { width: 96, height: 64 };

/** A PNG with a gradient and a circle. */
export async function makePng(): Promise<Blob> {
  const { width, height } = PNG_SIZE;
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext('2d')!;
  const gradient = g.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, '#4f46e5');
  gradient.addColorStop(1, '#06b6d4');
  g.fillStyle = gradient;
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#fde047';
  g.beginPath();
  g.arc(width * 0.7, height * 0.4, height * 0.22, 0, Math.PI * 2);
  g.fill();
  return canvas.convertToBlob({ type: 'image/png' });
}

/** A mono 16-bit PCM WAV: a 440 Hz tone of `seconds`. */
export function makeWav(seconds = 0.5, rate = 8000): Blob {
  const samples = Math.round(seconds * rate);
  const view = new DataView(new ArrayBuffer(44 + samples * 2));
  const ascii = (at: number, text: string) => [...text].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++) view.setInt16(44 + i * 2, Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 12000), true);
  return new Blob([view.buffer], { type: 'audio/wav' });
}

/** A one-page PDF 1.4 with a line of text, its xref offsets counted from the bytes. */
export function makePdf(text = 'Hello from Deep Lake'): Blob {
  const content = `BT /F1 24 Tf 36 60 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 360 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length); // ASCII only: string length is byte length
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, space, newline.
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Blob([pdf], { type: 'application/pdf' });
}

// ---- WebM: WebCodecs VP8 frames in a minimal Matroska container -----------------------------

type Bytes = Uint8Array | number[];

const concat = (parts: Bytes[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** An EBML element: its id bytes, its size as an 8-byte vint, its data. */
function ebml(id: number[], ...data: Bytes[]): Uint8Array {
  const body = concat(data);
  const size = [0x01, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 7, n = body.length; i > 0; i--, n = Math.floor(n / 256)) size[i] = n % 256;
  return concat([id, size, body]);
}
const uint = (id: number[], value: number) => {
  const bytes: number[] = [];
  do bytes.unshift(value & 0xff);
  while ((value = Math.floor(value / 256)) > 0);
  return ebml(id, bytes);
};
const str = (id: number[], value: string) => ebml(id, new TextEncoder().encode(value));
const float = (id: number[], value: number) => {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  return ebml(id, new Uint8Array(view.buffer));
};

/**
 * Whether the engine can encode VP8 through WebCodecs. An <audio> is loaded first: in
 * WebKitGTK a page whose first use of media is a WebCodecs query crashes its web process
 * inside GStreamer (gst_register_core_elements), ending the whole run; once a media
 * element has loaded in the page, the same query works. Harmless in the other engines.
 */
export async function canEncodeWebm(): Promise<boolean> {
  if (typeof VideoEncoder === 'undefined') return false;
  await loadAudioOnce();
  return !!(await VideoEncoder.isConfigSupported({ codec: 'vp8', width: 64, height: 48 }).catch(() => undefined))?.supported;
}

/** Loads a short WAV into an <audio> until its metadata (or an error) arrives, then lets it go. */
async function loadAudioOnce(): Promise<void> {
  const url = URL.createObjectURL(makeWav(0.1));
  const audio = document.createElement('audio');
  try {
    await new Promise<void>((resolve) => {
      audio.addEventListener('loadedmetadata', () => resolve(), { once: true });
      audio.addEventListener('error', () => resolve(), { once: true });
      audio.preload = 'metadata';
      audio.src = url;
    });
  } finally {
    audio.removeAttribute('src');
    audio.load();
    URL.revokeObjectURL(url);
  }
}

/** A WebM (VP8) of `frames` frames at 10 fps: a square moving across a coloured field. */
export async function makeWebm(frames = 5, width = 96, height = 64): Promise<Blob> {
  const chunks: EncodedVideoChunk[] = [];
  const encoder = new VideoEncoder({
    output: (chunk) => chunks.push(chunk),
    error: (e) => {
      throw e;
    },
  });
  encoder.configure({ codec: 'vp8', width, height, bitrate: 200_000, framerate: 10 });
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext('2d')!;
  for (let i = 0; i < frames; i++) {
    g.fillStyle = '#0e7490';
    g.fillRect(0, 0, width, height);
    g.fillStyle = '#f97316';
    const side = Math.round(height * 0.4);
    g.fillRect(Math.round((i / frames) * (width - side)), Math.round((height - side) / 2), side, side);
    const frame = new VideoFrame(canvas, { timestamp: i * 100_000 }); // µs
    encoder.encode(frame, { keyFrame: i === 0 });
    frame.close();
  }
  await encoder.flush();
  encoder.close();
  const blocks = chunks.map((chunk) => {
    const data = new Uint8Array(chunk.byteLength);
    chunk.copyTo(data);
    const ms = Math.round(chunk.timestamp / 1000);
    // SimpleBlock: track 1 (vint 0x81), timecode relative to the cluster (int16), flags (0x80 = key frame).
    return ebml([0xa3], [0x81, (ms >> 8) & 0xff, ms & 0xff, chunk.type === 'key' ? 0x80 : 0], data);
  });
  const header = ebml(
    [0x1a, 0x45, 0xdf, 0xa3],
    uint([0x42, 0x86], 1),
    uint([0x42, 0xf7], 1),
    uint([0x42, 0xf2], 4),
    uint([0x42, 0xf3], 8),
    str([0x42, 0x82], 'webm'),
    uint([0x42, 0x87], 2),
    uint([0x42, 0x85], 2),
  );
  const segment = ebml(
    [0x18, 0x53, 0x80, 0x67],
    ebml(
      [0x15, 0x49, 0xa9, 0x66],
      uint([0x2a, 0xd7, 0xb1], 1_000_000), // timecodes in ms
      str([0x4d, 0x80], 'deeplake-elements tests'),
      str([0x57, 0x41], 'deeplake-elements tests'),
      float([0x44, 0x89], frames * 100),
    ),
    ebml(
      [0x16, 0x54, 0xae, 0x6b],
      ebml(
        [0xae],
        uint([0xd7], 1),
        uint([0x73, 0xc5], 1),
        uint([0x83], 1), // video
        str([0x86], 'V_VP8'),
        ebml([0xe0], uint([0xb0], width), uint([0xba], height)),
      ),
    ),
    ebml([0x1f, 0x43, 0xb6, 0x75], uint([0xe7], 0), ...blocks),
  );
  return new Blob([header, segment] as BlobPart[], { type: 'video/webm' });
}

// ---- text and the hostile ones ------------------------------------------------------------

/** Markup that must show as text, never as elements. */
export const TEXT = 'Line one\n<b>not bold</b> & <script>alert(1)</script>\nשלום · Grüße · Привет\n';

/** An SVG with a script element and an onload handler: neither may ever run. */
export const HOSTILE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60" onload="alert(\'onload\')">' +
  '<script>alert("script")</script><rect width="120" height="60" rx="8" fill="#0d9488"/>' +
  '<circle cx="60" cy="30" r="18" fill="#fef08a"/></svg>';

export const HOSTILE_HTML = '<!doctype html><title>x</title><script>alert("html")</script><h1>Hello</h1>';
