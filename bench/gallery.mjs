// Case 5, server side: the stored images and the request counts.
// - storeImages(): `count` distinct 400×300 PNGs, each showing its number on its own hue
//   (so a screenshot shows which is which), stored in the emulator through its HTTP API
//   like any upload; the same bytes are kept for the baseline's token-less route.
// - handle(): `GET /plain/{id}` serves those bytes with the emulator's content headers
//   (the `<img loading="lazy">` baseline); `GET /plain-disk/{id}` streams them from a file
//   through the emulator's own content code (src/emulator/content.ts: small files held in memory once read), as its content route
//   does once the token is checked: the same server work, so that row tells the element's
//   cost from the server's; `GET /__bench/requests` answers the counts so far and
//   `POST /__bench/requests` resets them (the page asks between its steps).
// - count(): called for every request the bench server gets: GETs of a file's content
//   (emulator or /plain) and of its metadata (`info`, emulator only), per id.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { sendContent } from '../src/emulator/content.ts';
import { contentDisposition } from '../src/emulator/disposition.ts';

const W = 400;
const H = 300;

// 3×5 pixel digits, one string per row, '#' = on.
const DIGITS = [
  '###,#.#,#.#,#.#,###',
  '.#.,##.,.#.,.#.,###',
  '###,..#,###,#..,###',
  '###,..#,###,..#,###',
  '#.#,#.#,###,..#,..#',
  '###,#..,###,..#,###',
  '###,#..,###,#.#,###',
  '###,..#,..#,..#,..#',
  '###,#.#,###,#.#,###',
  '###,#.#,###,..#,###',
].map((d) => d.split(','));

function hsl(h, s, l) {
  const k = (n) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
  return [f(0), f(8), f(4)];
}

/** An RGB PNG: a diagonal gradient in hue `n`·137.5° with `n` written large in white. */
function png(n) {
  const hue = (n * 137.5) % 360;
  const text = String(n);
  const scale = 16;
  const tw = text.length * 4 * scale - scale;
  const x0 = (W - tw) >> 1;
  const y0 = (H - 5 * scale) >> 1;
  const raw = Buffer.alloc(H * (1 + W * 3));
  for (let y = 0; y < H; y++) {
    const row = y * (1 + W * 3); // filter byte 0 (none), then RGB
    for (let x = 0; x < W; x++) {
      let rgb = hsl(hue, 0.6, 0.3 + 0.35 * ((x + y) / (W + H)));
      const cx = x - x0;
      const cy = y - y0;
      if (cx >= 0 && cy >= 0 && cx < tw && cy < 5 * scale) {
        const cell = Math.floor(cx / scale);
        const digit = DIGITS[Number(text[Math.floor(cell / 4)])];
        if (cell % 4 < 3 && digit[Math.floor(cy / scale)][cell % 4] === '#') rgb = [255, 255, 255];
      }
      raw.set(rgb, row + 1 + x * 3);
    }
  }
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(W, 0);
  ihdr.writeUInt32BE(H, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export function createGallery() {
  /** id → PNG bytes, for /plain/{id}; the same in files, for /plain-disk/{id}. */
  const bytes = new Map();
  const dir = mkdtempSync(join(os.tmpdir(), 'deeplake-bench-plain-'));
  let counts = { content: {}, info: {} };
  const bump = (kind, id) => (counts[kind][id] = (counts[kind][id] ?? 0) + 1);

  return {
    /** Stores `count` images in workspace `workspace` of the emulator at `base`; resolves their ids in order. */
    async storeImages(base, workspace, count) {
      const { token } = await (
        await fetch(`${base}/__emulator/workspaces`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ workspace }) })
      ).json();
      const ids = [];
      for (let n = 0; n < count; n++) {
        const data = png(n);
        const form = new FormData();
        form.append('file', new Blob([data], { type: 'image/png' }), `image-${n}.png`);
        const res = await fetch(`${base}/workspaces/${workspace}/files`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
        if (!res.ok) throw new Error(`storing image ${n}: HTTP ${res.status}`);
        const { id } = await res.json();
        bytes.set(id, data);
        writeFileSync(join(dir, id), data);
        ids.push(id);
      }
      return ids;
    },

    /** Counts a content or info GET of a gallery file. */
    count(req) {
      if (req.method !== 'GET') return;
      const path = (req.url ?? '').split('?')[0];
      const m = /^\/(?:workspaces\/[^/]+\/files|plain|plain-disk)\/([0-9a-f-]{36})(\/content)?$/.exec(path);
      if (!m || !bytes.has(m[1])) return;
      bump(m[2] || path.startsWith('/plain') ? 'content' : 'info', m[1]);
    },

    /** The bench's own routes; false when `req` is not one of them. */
    handle(req, res) {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/__bench/requests') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify(counts));
        if (req.method === 'POST') counts = { content: {}, info: {} };
        return true;
      }
      const m = /^\/plain(-disk)?\/([0-9a-f-]{36})$/.exec(path);
      if (!m) return false;
      const data = bytes.get(m[2]);
      if (!data) return (void res.writeHead(404).end(), true);
      if (m[1]) {
        const record = { id: m[2], workspace: 'bench', filename: `${m[2]}.png`, contentType: 'image/png', size: data.length, createdAt: 0, seq: 0 };
        void sendContent(req, res, join(dir, m[2]), record, contentDisposition(record.filename));
        return true;
      }
      // The emulator's content headers, less the token: the browser may cache no more than it would there.
      res.writeHead(200, {
        'Content-Type': 'image/png',
        'Content-Length': data.length,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, max-age=0, must-revalidate',
      });
      res.end(data);
      return true;
    },

    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
