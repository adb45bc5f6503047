// What <deeplake-file> reads from a content answer's headers (src/file/url-cache.ts,
// fileInfoFromHeaders): untrusted text, parsed leniently. Names go through the emulator's
// own Content-Disposition (RFC 6266 / 8187) and must come back exactly; headers a server
// leaves out or garbles must give "unknown", never a wrong value or an exception.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentDisposition } from '../../src/emulator/disposition.js';
import { fileInfoFromHeaders } from '../../src/file/url-cache.js';

const ID = '0b6f2c1e-8d7a-4c55-9e0f-3a2b1c4d5e6f';
const read = (headers: Record<string, string>) => fileInfoFromHeaders(ID, new Headers(headers));

describe('content answer headers as a FileInfo', () => {
  it('reads every name back exactly from the emulator’s Content-Disposition', () => {
    const names = [
      'photo.png',
      'Grüße — привет.txt',
      'a "quoted" name.pdf',
      'semi;colon.zip',
      "it's (1)*.jpg",
      '<b>markup<b>.html',
      '\u202Egnp.exe',
      '😀.gif',
      'x'.repeat(300),
      '100%.csv',
    ];
    for (const name of names) assert.equal(read({ 'Content-Disposition': contentDisposition(name) }).name, name);
    // Path separators are the emulator's to drop (as a multipart name loses them on upload).
    assert.equal(read({ 'Content-Disposition': contentDisposition('a/b\\c.txt') }).name, 'a_b_c.txt');
  });

  it('takes type, size and name as sent', () => {
    const info = read({ 'Content-Type': 'image/png', 'Content-Length': '1234', 'Content-Disposition': 'inline; filename="a b.png"' });
    assert.deepEqual(info, { id: ID, name: 'a b.png', contentType: 'image/png', size: 1234, raw: {} });
    assert.equal(read({ 'Content-Disposition': 'attachment; filename=plain.txt' }).name, 'plain.txt');
  });

  it('says "unknown" for what is missing or garbled, and never throws', () => {
    assert.deepEqual(read({}), { id: ID, name: '', contentType: '', size: -1, raw: {} });
    assert.equal(read({ 'Content-Length': 'lots' }).size, -1);
    // A compressed body's Content-Length counts other bytes than the file's.
    assert.equal(read({ 'Content-Length': '10', 'Content-Encoding': 'gzip' }).size, -1);
    // filename* that is not UTF-8 percent-encoding: the plain filename stands.
    assert.equal(read({ 'Content-Disposition': 'attachment; filename="caf_.txt"; filename*=ISO-8859-1\'\'caf%E9.txt' }).name, 'caf_.txt');
    assert.equal(read({ 'Content-Disposition': 'attachment' }).name, '');
  });
});
