import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { contentCache } from '../../src/emulator/content.js';
import { contentDisposition } from '../../src/emulator/disposition.js';
import { multipart, type Running, start, uploadJson } from './helpers.js';

/** HEAD through node:http (fetch would do, but this also proves no body bytes are sent). */
function head(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; bodyBytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'HEAD', headers }, (res) => {
      let bodyBytes = 0;
      res.on('data', (c: Buffer) => (bodyBytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bodyBytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('emulator content: ranges and download headers', () => {
  let run: Running;
  let id: string;
  const text = '0123456789abcdefghij'; // 20 bytes
  before(async () => {
    run = await start();
    id = String((await uploadJson(run, text, 'digits.txt', 'text/plain')).id);
  });
  after(() => run.stop());

  const get = (range?: string): Promise<Response> => fetch(`${run.ws}/files/${id}/content`, { headers: { ...run.auth, ...(range ? { Range: range } : {}) } });

  it('sends the safety and download headers', async () => {
    const res = await get();
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('accept-ranges'), 'bytes');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('content-security-policy'), 'sandbox');
    assert.equal(res.headers.get('content-type'), 'text/plain');
    assert.equal(res.headers.get('content-length'), '20');
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="digits.txt"; filename*=UTF-8''digits.txt`);
    assert.equal(await res.text(), text);
  });

  it('206 for bytes=a-b, bytes=a- and bytes=-n', async () => {
    const cases: Array<[string, string, string]> = [
      ['bytes=2-5', '2345', 'bytes 2-5/20'],
      ['bytes=15-', 'fghij', 'bytes 15-19/20'],
      ['bytes=-3', 'hij', 'bytes 17-19/20'],
      ['bytes=18-100', 'ij', 'bytes 18-19/20'],
      ['bytes=-50', text, 'bytes 0-19/20'],
    ];
    for (const [range, body, contentRange] of cases) {
      const res = await get(range);
      assert.equal(res.status, 206, range);
      assert.equal(res.headers.get('content-range'), contentRange, range);
      assert.equal(res.headers.get('content-length'), String(body.length), range);
      assert.equal(await res.text(), body, range);
    }
  });

  it('416 with Content-Range: bytes */size when unsatisfiable', async () => {
    for (const range of ['bytes=20-', 'bytes=100-200', 'bytes=-0']) {
      const res = await get(range);
      assert.equal(res.status, 416, range);
      assert.equal(res.headers.get('content-range'), 'bytes */20');
      await res.arrayBuffer();
    }
  });

  it('ignores a malformed or multi-range header (200, whole file)', async () => {
    for (const range of ['bytes=5-2', 'items=0-1', 'bytes=0-1,4-5']) {
      const res = await get(range);
      assert.equal(res.status, 200, range);
      assert.equal(await res.text(), text);
    }
  });

  it('HEAD answers the headers without a body, with and without Range', async () => {
    const whole = await head(`${run.ws}/files/${id}/content`, run.auth);
    assert.equal(whole.status, 200);
    assert.equal(whole.headers['content-length'], '20');
    assert.equal(whole.bodyBytes, 0);
    const part = await head(`${run.ws}/files/${id}/content`, { ...run.auth, Range: 'bytes=0-9' });
    assert.equal(part.status, 206);
    assert.equal(part.headers['content-range'], 'bytes 0-9/20');
    assert.equal(part.headers['content-length'], '10');
    assert.equal(part.bodyBytes, 0);
  });

  it('Content-Disposition survives quotes, backslashes, non-ASCII and ../ in the name', async () => {
    // Sent as RFC 8187 filename* so the quote and backslash reach the server unescaped.
    const raw = '../say "hi" naïve ü 日本.txt';
    const { body, contentType } = multipart([{ name: 'file', data: 'x', filenameStar: `UTF-8''${encodeURIComponent(raw)}`, type: 'text/plain' }]);
    const res = await fetch(`${run.ws}/files`, { method: 'POST', headers: { ...run.auth, 'Content-Type': contentType }, body });
    assert.equal(res.status, 201);
    const info = (await res.json()) as { id: string; filename: string };
    // The directory part never reaches the store (busboy keeps the base name only).
    assert.equal(info.filename, 'say "hi" naïve ü 日本.txt');

    const content = await fetch(`${run.ws}/files/${info.id}/content`, { headers: run.auth });
    const disposition = content.headers.get('content-disposition') ?? '';
    assert.equal(disposition, `attachment; filename="say _hi_ na_ve _ __.txt"; filename*=UTF-8''say%20%22hi%22%20na%C3%AFve%20%C3%BC%20%E6%97%A5%E6%9C%AC.txt`);
    const m = /^attachment; filename="([^"\\]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(disposition);
    assert.ok(m, `unexpected Content-Disposition: ${disposition}`);
    assert.equal(decodeURIComponent(m[2]!), info.filename);

    // A raw UTF-8 filename="…" (what browsers send) decodes too; browsers write quotes,
    // CR and LF as %22, %0D and %0A there, which the emulator turns back.
    const plain = multipart([{ name: 'file', data: 'y', filename: 'café %22q%22%0A.txt', type: 'text/plain' }]);
    const res2 = await fetch(`${run.ws}/files`, { method: 'POST', headers: { ...run.auth, 'Content-Type': plain.contentType }, body: plain.body });
    const info2 = (await res2.json()) as { id: string; filename: string };
    assert.equal(info2.filename, 'café "q"\n.txt');
    const d2 = (await fetch(`${run.ws}/files/${info2.id}/content`, { headers: run.auth })).headers.get('content-disposition');
    assert.equal(d2, `attachment; filename="caf_ _q__.txt"; filename*=UTF-8''caf%C3%A9%20%22q%22%0A.txt`);
  });

  it('contentDisposition() neutralises backslashes, control characters, separators and %', () => {
    const value = contentDisposition('a\\b/c\r\nd"e%41\u0000(1)*.txt');
    assert.equal(value, `attachment; filename="a_b_c__d_e_41_(1)*.txt"; filename*=UTF-8''a_b_c%0D%0Ad%22e%2541%00%281%29%2A.txt`);
    assert.ok(!/[\r\n\0]/.test(value));
    assert.equal(contentDisposition(''), `attachment; filename="download"; filename*=UTF-8''download`);
  });

  it('an empty file: 200 with Content-Length 0, any range 416', async () => {
    const empty = String((await uploadJson(run, '', 'empty.txt')).id);
    const res = await fetch(`${run.ws}/files/${empty}/content`, { headers: run.auth });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-length'), '0');
    assert.equal((await res.arrayBuffer()).byteLength, 0);
    const ranged = await fetch(`${run.ws}/files/${empty}/content`, { headers: { ...run.auth, Range: 'bytes=0-' } });
    assert.equal(ranged.status, 416);
    assert.equal(ranged.headers.get('content-range'), 'bytes */0');
  });

  it('serves small files from memory within its bound, larger ones from disk, and forgets nothing it should not serve', async () => {
    const saved = { ...contentCache };
    // Three 20-byte files fit in 45 bytes two at a time; a file over 25 bytes streams from disk.
    Object.assign(contentCache, { fileMax: 25, totalMax: 45 });
    try {
      const texts = ['a'.repeat(20), 'b'.repeat(20), 'c'.repeat(20), 'd'.repeat(30)];
      const ids = await Promise.all(texts.map(async (t, i) => String((await uploadJson(run, t, `f${i}.txt`, 'text/plain')).id)));
      const content = async (i: number, range?: string) => {
        const res = await fetch(`${run.ws}/files/${ids[i]}/content`, { headers: { ...run.auth, ...(range ? { Range: range } : {}) } });
        return `${res.status} ${await res.text()}`;
      };
      for (const round of [1, 2]) {
        for (const i of [0, 1, 2, 3]) assert.equal(await content(i), `200 ${texts[i]}`, `file ${i}, round ${round}`);
        assert.ok(contentCache.total > 0 && contentCache.total <= contentCache.totalMax, `held ${contentCache.total} bytes, bound ${contentCache.totalMax}`);
      }
      assert.equal(await content(2, 'bytes=5-7'), '206 ccc', 'a range of a held file');
      assert.equal(await content(3, 'bytes=28-'), '206 dd', 'a range of a streamed file');
      const removed = await fetch(`${run.ws}/files/${ids[2]}`, { method: 'DELETE', headers: run.auth });
      assert.ok(removed.ok, `DELETE ${removed.status}`);
      assert.equal(await content(2), '404 ' + JSON.stringify({ detail: 'File not found' }), 'a removed file is not served from memory');
    } finally {
      Object.assign(contentCache, { fileMax: saved.fileMax, totalMax: saved.totalMax });
    }
  });
});
