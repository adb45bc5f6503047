/**
 * The tus transport of DeepLakeClient against the emulator over real HTTP: pause and resume
 * from the server's offset, dropped connections, a token that expires mid-upload, cancel,
 * and the same client against a plain @tus/server that is not the emulator.
 */
import { expect } from '@open-wc/testing';
import type { DeepLakeError, UploadOptions } from '../../src/client/index.js';
import { clientFor, injectFault, makeBytes, newWorkspace, recordingProvider, rejectionOf, sha256 } from './emulator-control.js';
import { MiB, ofMethod, probe, tusLog, until, uploadUrlOf } from './tus-helpers.js';

const tus = (chunkSize: number): UploadOptions => ({ transport: 'tus', tus: { chunkSize } });

describe('DeepLakeClient over tus', () => {
  it('pauses a 64 MiB upload at ~30 % and resumes it from the server’s offset', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    const bytes = makeBytes(64 * MiB, 3);
    const file = new File([bytes], 'big.bin', { type: 'application/octet-stream' });
    const pause = new AbortController();
    const paused = client.upload(file, {
      ...tus(8 * MiB),
      signal: pause.signal,
      onProgress: ({ loaded, total }) => {
        if (loaded >= 0.3 * total && !pause.signal.aborted) pause.abort('pause');
      },
    });
    expect(((await rejectionOf(paused)) as DeepLakeError).code).to.equal('aborted');

    const resumedAt: number[] = [];
    const info = await client.upload(file, { ...tus(8 * MiB), onResume: ({ loaded }) => resumedAt.push(loaded) });
    // 30 % lies in the third 8 MiB chunk: the two before it were stored, the fourth never began.
    expect(resumedAt).to.have.length(1);
    expect(resumedAt[0]).to.be.within(16 * MiB, 24 * MiB);
    const log = await tusLog(ws);
    expect(ofMethod(log, 'POST')).to.have.length(1);
    const afterHead = log.slice(log.findIndex((r) => r.method === 'HEAD') + 1);
    expect(afterHead[0]!.uploadOffset).to.equal(resumedAt[0]);
    expect(ofMethod(afterHead, 'PATCH').every((r) => r.uploadOffset! >= resumedAt[0]!)).to.equal(true);
    expect(info.size).to.equal(file.size);
    expect(await sha256(await client.content(info.id))).to.equal(await sha256(bytes));
  });

  it('completes with the bytes intact when the emulator drops the connection twice', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    await injectFault(ws.workspace, { match: { method: 'PATCH' }, drop: 'mid-body', count: 2 });
    const bytes = makeBytes(3 * MiB, 5);
    const info = await client.upload(new File([bytes], 'flaky.bin'), tus(MiB));
    expect(await sha256(await client.content(info.id))).to.equal(await sha256(bytes));
    const log = await tusLog(ws);
    expect(ofMethod(log, 'PATCH').filter((r) => r.status === 0)).to.have.length(2);
    expect(ofMethod(log, 'POST')).to.have.length(1);
    // Chromium may resend a PATCH cut off on a reused connection by itself (the server then
    // answers 409: it kept the first half); either way the client asks the server where it
    // stands (HEAD) and goes on from there: the offsets never go back.
    expect(ofMethod(log, 'HEAD').length).to.be.at.least(1);
    const offsets = ofMethod(log, 'PATCH').map((r) => r.uploadOffset!);
    expect(offsets).to.deep.equal([...offsets].sort((a, b) => a - b));
    expect(offsets.at(-1)).to.be.above(0);
  });

  it('refreshes an expired token once and sends that same request again, without a restart', async () => {
    const ws = await newWorkspace();
    const provider = recordingProvider(ws);
    const client = clientFor(ws, { tokenProvider: provider });
    // Slow chunks, so the fault injected during the second chunk meets the third.
    await injectFault(ws.workspace, { match: { method: 'PATCH' }, latencyMs: 150, count: 10 });
    const bytes = makeBytes(4 * MiB, 9);
    let injected: Promise<void> | undefined;
    const info = await client.upload(new File([bytes], 'session.bin'), {
      ...tus(MiB),
      onProgress: ({ loaded }) => {
        if (loaded > 1.2 * MiB) injected ??= injectFault(ws.workspace, { match: { method: 'PATCH' }, expireToken: true });
      },
    });
    await injected;
    expect(provider.calls.filter((c) => c.forceRefresh)).to.have.length(1);
    const log = await tusLog(ws);
    const refused = log.findIndex((r) => r.status === 401);
    expect(refused).to.be.above(0);
    expect(log[refused]!.method).to.equal('PATCH');
    // The very next request is the same PATCH at the same offset: no HEAD, no new upload.
    expect(log[refused + 1]).to.include({ method: 'PATCH', uploadOffset: log[refused]!.uploadOffset, status: 204 });
    expect(ofMethod(log, 'HEAD')).to.have.length(0);
    expect(ofMethod(log, 'POST')).to.have.length(1);
    expect(await sha256(await client.content(info.id))).to.equal(await sha256(bytes));
  });

  it('cancel terminates the partial upload on the server and forgets it', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    await injectFault(ws.workspace, { match: { method: 'PATCH' }, latencyMs: 100, count: 10 });
    const cancel = new AbortController();
    const upload = client.upload(new File([makeBytes(4 * MiB)], 'nope.bin'), {
      ...tus(MiB),
      signal: cancel.signal,
      onProgress: ({ loaded }) => {
        if (loaded > 1.5 * MiB) cancel.abort();
      },
    });
    expect(((await rejectionOf(upload)) as DeepLakeError).code).to.equal('aborted');
    await until(async () => ofMethod(await tusLog(ws), 'DELETE').some((r) => r.status === 204), 'the DELETE is answered');
    const url = uploadUrlOf(await tusLog(ws));
    expect([404, 410]).to.include((await probe(url, ws.token)).status);
    expect(await client.unfinishedUploads()).to.deep.equal([]);
    expect(await client.list()).to.deep.equal([]);
  });

  describe('against a plain @tus/server (not Deep Lake)', () => {
    const endpoint = `${location.origin}/plain-tus`;

    it('fails with invalid_response once the bytes are up, since no stored file is named', async () => {
      const ws = await newWorkspace();
      const error = (await rejectionOf(clientFor(ws).upload(new File(['hello'], 'a.txt'), { transport: 'tus', tus: { endpoint } }))) as DeepLakeError;
      expect(error.code).to.equal('invalid_response');
      expect(error.retryable).to.equal(false);
    });

    it('pauses, resumes and resolves through `resolveInfo`', async () => {
      const ws = await newWorkspace();
      const client = clientFor(ws);
      const bytes = makeBytes(6 * MiB, 11);
      const file = new File([bytes], 'plain.bin', { type: 'application/octet-stream' });
      const resolveInfo = ({ url, file: sent }: { url: string; file: Blob }) => ({
        id: crypto.randomUUID(),
        name: (sent as File).name,
        contentType: sent.type,
        size: sent.size,
        raw: { url },
      });
      const pause = new AbortController();
      const first = client.upload(file, {
        transport: 'tus',
        tus: { endpoint, chunkSize: MiB, resolveInfo },
        signal: pause.signal,
        onProgress: ({ loaded }) => {
          if (loaded > 2.5 * MiB && !pause.signal.aborted) pause.abort('pause');
        },
      });
      await rejectionOf(first);
      const resumedAt: number[] = [];
      const info = await client.upload(file, { transport: 'tus', tus: { endpoint, chunkSize: MiB, resolveInfo }, onResume: ({ loaded }) => resumedAt.push(loaded) });
      expect(resumedAt[0]).to.be.within(2 * MiB, 3 * MiB);
      expect(info).to.include({ name: 'plain.bin', size: bytes.length });
      const url = String(info.raw.url);
      expect(url.startsWith(`${endpoint}/`)).to.equal(true);
      // A plain @tus/server serves a finished upload at its URL.
      expect(await sha256(await (await fetch(url)).blob())).to.equal(await sha256(bytes));
    });
  });
});
