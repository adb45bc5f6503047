/**
 * Nothing lost under faults: the Idempotency-Key the client sends per upload() call, and a
 * soak of 200 files through <deeplake-uploader> while the emulator answers ~10 % 500/503,
 * ~5 % 429 (Retry-After 1), drops ~5 % connections mid-body and ~2 % after storing the
 * file, adds random latency, and expires the token once in the middle.
 */
import { expect } from '@open-wc/testing';
import type { Fault } from '../../src/emulator/index.js';
import { clientFor, injectFault, makeBytes, newWorkspace, recordingProvider, requestLog, sha256 } from './emulator-control.js';
import { countOf, mount, when } from './uploader-helpers.js';

const upload = { method: 'POST', path: '/files' };
const afterStoreDrop: Fault = { match: upload, drop: 'after-store' };

async function storedNames(ws: Parameters<typeof clientFor>[0]): Promise<string[]> {
  return (await clientFor(ws).list({ limit: 1000 })).map((f) => f.name);
}

describe('Idempotency-Key', () => {
  it('a retry after a lost answer stores the file once', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, afterStoreDrop);
    const info = await clientFor(ws).upload(new File(['hello'], 'once.txt'));
    const log = (await requestLog(ws.workspace)).filter((r) => r.method === 'POST');
    expect(log.map((r) => r.status)).to.deep.equal([0, 201]);
    expect(await storedNames(ws)).to.deep.equal(['once.txt']);
    expect(info.name).to.equal('once.txt');
  });

  it('without it (idempotency: false) the same fault stores a duplicate', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, afterStoreDrop);
    await clientFor(ws, { idempotency: false }).upload(new File(['hello'], 'twice.txt'));
    expect(await storedNames(ws)).to.deep.equal(['twice.txt', 'twice.txt']);
  });

  it('is one key per upload() call: two calls with the same file store two files', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    const file = new File(['same'], 'same.txt');
    const [a, b] = [await client.upload(file), await client.upload(file)];
    expect(a.id).not.to.equal(b.id);
    expect((await storedNames(ws)).length).to.equal(2);
  });
});

/** A shuffled fault per expected upload request, so the kinds interleave (each `count` 1). */
function faultMix(slots: number, seed: number): Fault[] {
  const kinds: Fault[] = [];
  const add = (n: number, make: (i: number) => Fault) => {
    for (let i = 0; i < n; i++) kinds.push(make(i));
  };
  add(Math.round(slots * 0.1), (i) => ({ match: upload, status: i % 2 ? 503 : 500 }));
  add(Math.round(slots * 0.05), () => ({ match: upload, status: 429, retryAfter: 1 }));
  add(Math.round(slots * 0.05), () => ({ match: upload, drop: 'mid-body' }));
  add(Math.round(slots * 0.02), () => afterStoreDrop);
  const random = makeBytes(slots * 2, seed);
  while (kinds.length < slots) kinds.push({ match: upload, latencyMs: random[kinds.length]! % 40 });
  // Fisher–Yates with the deterministic bytes; latency on the faulty ones too.
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = (random[i]! * 256 + random[slots + i]!) % (i + 1);
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  return kinds.map((f, i) => ({ latencyMs: random[slots + i]! % 30, ...f }));
}

const SIZES = [1, 700, 4096, 20_000, 65_536, 150_000, 300_000];

describe('fault soak', () => {
  it('200 files through faults, one token expiry: all done, stored once each, bytes intact', async function () {
    this.timeout(120_000);
    const { el, ws } = await mount({ multiple: true, retries: 20 });
    const provider = recordingProvider(ws);
    el.client = clientFor(ws, { tokenProvider: provider, retry: { baseDelayMs: 5, maxDelayMs: 1000 } });
    await el.updateComplete;

    const faults = faultMix(240, 9);
    await Promise.all(faults.map((f) => injectFault(ws.workspace, f)));

    const files = Array.from({ length: 200 }, (_, i) => new File([makeBytes(SIZES[i % SIZES.length]!, i + 1)], `soak-${i}.bin`));
    const hashes = new Map(await Promise.all(files.map(async (f) => [f.name, await sha256(f)] as const)));

    // The token expires once, about half-way through.
    let succeeded = 0;
    let expired = false;
    el.addEventListener('deeplake-success', () => {
      if (++succeeded !== 100 || expired) return;
      expired = true;
      void injectFault(ws.workspace, { match: upload, expireToken: true });
    });

    const complete = when(el, 'deeplake-complete', () => true, 115_000);
    el.addFiles(files);
    const { items } = await complete;

    expect(expired).to.equal(true);
    expect({ done: countOf(items, 'done'), total: items.length }).to.deep.equal({ done: 200, total: 200 });
    expect(provider.calls.filter((c) => c.forceRefresh).length).to.equal(1);

    const log = (await requestLog(ws.workspace)).filter((r) => r.method === 'POST');
    const by = (s: number) => log.filter((r) => r.status === s).length;
    const stored = await clientFor(ws).list({ limit: 1000 });
    // The figures for the report: injected faults as the server answered them.
    console.log(
      `soak: ${log.length} POSTs, 500: ${by(500)}, 503: ${by(503)}, 429: ${by(429)}, dropped: ${by(0)}, ` +
        `401: ${by(401)}, stored: ${stored.length}, token refreshes: ${provider.calls.filter((c) => c.forceRefresh).length}`,
    );
    expect(by(0)).to.be.greaterThan(0);
    expect(by(401)).to.be.greaterThan(0);

    const names = stored.map((f) => f.name);
    expect(new Set(names).size, 'no duplicates').to.equal(names.length);
    expect(names.length).to.equal(200);
    const wrong: string[] = [];
    for (const info of stored) {
      const hash = await sha256(await clientFor(ws).content(info.id));
      if (hashes.get(info.name) !== hash) wrong.push(info.name);
    }
    expect(wrong).to.deep.equal([]);
    // Every row's UUID is one the server holds.
    expect(new Set(el.values)).to.deep.equal(new Set(stored.map((f) => f.id)));
  });
});
