import { expect } from '@open-wc/testing';
import { DeepLakeError } from '../../src/client/index.js';
import { clientFor, injectFault, makeBytes, newWorkspace, posts, rejectionOf, requestLog, sha256 } from './emulator-control.js';

describe('DeepLakeClient under faults', () => {
  it('retries an upload after 503s and stores it once', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    await injectFault(ws.workspace, { match: { method: 'POST' }, status: 503, count: 2 });
    const bytes = makeBytes(100_000);
    const info = await client.upload(new File([bytes], 'retry.bin'));
    expect(await sha256(await client.content(info.id))).to.equal(await sha256(bytes));
    expect((await posts(ws)).map((r) => r.status)).to.deep.equal([503, 503, 201]);
    expect(await client.list()).to.have.length(1);
  });

  it('waits for the Retry-After of a 429 before trying again', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws, { retry: { baseDelayMs: 1 } });
    await injectFault(ws.workspace, { status: 429, retryAfter: 1, count: 1 });
    const started = performance.now();
    await client.list();
    // The backoff alone would wait ~1 ms; only the header explains a second.
    expect(performance.now() - started).to.be.at.least(950);
    expect((await requestLog(ws.workspace)).map((r) => r.status)).to.deep.equal([429, 200]);
  });

  it('gives up after the bounded number of retries with a retryable `server` error', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws, { retry: { retries: 2 } });
    await injectFault(ws.workspace, { status: 503, count: 10 });
    const error = (await rejectionOf(client.list())) as DeepLakeError;
    expect(error.code).to.equal('server');
    expect(error.status).to.equal(503);
    expect(error.retryable).to.equal(true);
    expect((await requestLog(ws.workspace)).length).to.equal(3);
  });

  it('reads an HTML error page from a proxy without treating it as JSON', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws, { retry: { retries: 0 } });
    const page = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>';
    await injectFault(ws.workspace, { status: 502, body: page, contentType: 'text/html' });
    const error = (await rejectionOf(client.upload(new File(['x'], 'x.txt')))) as DeepLakeError;
    expect(error.code).to.equal('server');
    expect(error.status).to.equal(502);
    expect(error.message).to.equal('Deep Lake answered 502');
  });

  it('keeps a plain-text or JSON error detail in the message', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws, { retry: { retries: 0 } });
    await injectFault(ws.workspace, { status: 400, body: 'bad things happened', contentType: 'text/plain' });
    expect(((await rejectionOf(client.list())) as DeepLakeError).message).to.equal('Deep Lake answered 400: bad things happened');
    await injectFault(ws.workspace, { status: 413, body: '{"detail":"File too large"}', contentType: 'application/json' });
    const tooLarge = (await rejectionOf(client.upload(new File(['x'], 'x.txt')))) as DeepLakeError;
    expect(tooLarge.code).to.equal('too_large');
    expect(tooLarge.message).to.equal('Deep Lake answered 413: File too large');
  });

  it('is `invalid_response` when a 2xx answer is not JSON or has no id', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    await injectFault(ws.workspace, { status: 200, body: 'OK', contentType: 'text/plain' });
    expect(((await rejectionOf(client.upload(new File(['x'], 'x.txt')))) as DeepLakeError).code).to.equal('invalid_response');
    await injectFault(ws.workspace, { status: 201, body: '{"name":"x.txt"}', contentType: 'application/json' });
    expect(((await rejectionOf(client.upload(new File(['x'], 'x.txt')))) as DeepLakeError).code).to.equal('invalid_response');
  });

  it('aborts an upload mid-flight through its signal, leaving nothing stored', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 256 * 1024 });
    const controller = new AbortController();
    let progressed = 0;
    const upload = client.upload(new File([makeBytes(2 * 1024 * 1024)], 'big.bin'), {
      signal: controller.signal,
      onProgress: ({ loaded }) => {
        progressed = loaded;
        if (loaded > 0) controller.abort();
      },
    });
    const error = (await rejectionOf(upload)) as DeepLakeError;
    expect(error.code).to.equal('aborted');
    expect(progressed).to.be.greaterThan(0);
    expect(await client.list()).to.deep.equal([]);
  });

  it('aborts during a backoff wait without another attempt', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws, { retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 } });
    await injectFault(ws.workspace, { status: 503, count: 5 });
    const controller = new AbortController();
    // Aborted once the first 503 is in and the 5–10 s wait has begun (onRetry comes just before it).
    const pending = client.list({ signal: controller.signal, onRetry: () => queueMicrotask(() => controller.abort()) });
    expect(((await rejectionOf(pending)) as DeepLakeError).code).to.equal('aborted');
    expect((await requestLog(ws.workspace)).length).to.equal(1);
  });

  it('survives a connection dropped mid-body and stores the bytes intact', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    await injectFault(ws.workspace, { match: { method: 'POST' }, drop: 'mid-body' });
    const bytes = makeBytes(1024 * 1024, 3);
    const info = await client.upload(new File([bytes], 'dropped.bin'));
    expect(await sha256(await client.content(info.id))).to.equal(await sha256(bytes));
    expect(await client.list()).to.have.length(1);
  });

  it('reports a dropped connection as a retryable `network` error when retries are off', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws, { retry: { retries: 0 } });
    // Chromium itself silently resends a request (seen: up to 3 times) when a reused
    // connection closes before any answer, so the fault has to outlast those resends.
    await injectFault(ws.workspace, { match: { method: 'POST' }, drop: 'before', count: 10 });
    const error = (await rejectionOf(client.upload(new File([makeBytes(64 * 1024)], 'x.bin')))) as DeepLakeError;
    expect(error.code).to.equal('network');
    expect(error.status).to.equal(0);
    expect(error.retryable).to.equal(true);
    expect(await client.list()).to.deep.equal([]);
  });
});
