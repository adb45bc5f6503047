import { expect } from '@open-wc/testing';
import { DeepLakeError, type DeepLakeClient } from '../../src/client/index.js';
import { clientFor, injectFault, newWorkspace, recordingProvider, rejectionOf, requestLog } from './emulator-control.js';

describe('DeepLakeClient auth', () => {
  it('shares one provider call between concurrent requests and caches the token', async () => {
    const ws = await newWorkspace();
    const provider = recordingProvider(ws);
    const client = clientFor(ws, { tokenProvider: provider });
    await Promise.all(Array.from({ length: 10 }, () => client.list()));
    await client.list();
    expect(provider.calls).to.deep.equal([{ forceRefresh: false }]);
  });

  it('keeps its token to itself: no property of a client holds it, and no method sends to a URL a caller names', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws, { headers: { 'X-Org': 'org-1' } });
    await client.list(); // the token is cached now
    // Everything reachable from the client's own and inherited properties, two levels deep.
    const seen = new Set<unknown>();
    const found: string[] = [];
    const walk = (value: unknown, path: string, depth: number) => {
      if (value === ws.token) found.push(path);
      if (depth > 2 || value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return;
      seen.add(value);
      // Its own keys and its classes' (getters read with it as the receiver, as `auth.cached` would be).
      const keys = new Set<string | symbol>();
      for (let o: object | null = value; o && o !== Object.prototype && o !== Function.prototype; o = Object.getPrototypeOf(o) as object | null) {
        for (const key of Reflect.ownKeys(o)) keys.add(key);
      }
      for (const key of keys) {
        if (typeof key !== 'string' || key === 'prototype' || key === 'constructor') continue;
        let inner: unknown;
        try {
          inner = (value as Record<string, unknown>)[key];
        } catch {
          continue; // an accessor that needs another receiver
        }
        walk(inner, `${path}.${key}`, depth + 1);
      }
    };
    walk(client, 'client', 0);
    expect(found, 'paths to the token').to.deep.equal([]);
    // The methods are the public API: none takes a URL (a `fetch(url)` or `request(send)` would hand out the token).
    const methods = new Set<string>();
    for (let o = Object.getPrototypeOf(client) as object | null; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
      for (const key of Object.getOwnPropertyNames(o)) if (key !== 'constructor') methods.add(key);
    }
    expect([...methods].sort()).to.deep.equal(
      ['content', 'contentResponse', 'delete', 'discardUpload', 'info', 'list', 'query', 'unfinishedUploads', 'upload', 'url'].sort(),
    );
    expect(Object.keys(client).sort(), 'own properties').to.deep.equal(['apiUrl', 'workspace']);
  });

  it('answers a 401 on 10 parallel requests with exactly one forced refresh', async () => {
    const ws = await newWorkspace();
    const provider = recordingProvider(ws);
    const client = clientFor(ws, { tokenProvider: provider });
    const uploaded = await client.upload(new File(['x'], 'x.txt'));
    const expiredToken = ws.token;
    // The next request expires the token it carries: every request after it gets 401.
    await injectFault(ws.workspace, { expireToken: true });

    const infos = await Promise.all(Array.from({ length: 10 }, () => client.info(uploaded.id)));

    expect(infos.every((i) => i.id === uploaded.id)).to.equal(true);
    expect(provider.calls).to.deep.equal([{ forceRefresh: false }, { forceRefresh: true }]);
    expect(ws.token).to.not.equal(expiredToken);
    const log = await requestLog(ws.workspace);
    expect(log.filter((r) => r.status === 401).length).to.be.within(1, 10);
    expect(log.filter((r) => r.method === 'GET' && r.status === 200).length).to.equal(10);
  });

  it('fails with `unauthorized` when the refreshed token is refused too', async () => {
    const ws = await newWorkspace();
    let calls = 0;
    const client = clientFor(ws, {
      tokenProvider: () => {
        calls++;
        return 'not-a-valid-token';
      },
    });
    const error = (await rejectionOf(client.list())) as DeepLakeError;
    expect(error).to.be.instanceOf(DeepLakeError);
    expect(error.code).to.equal('unauthorized');
    expect(error.status).to.equal(401);
    expect(error.retryable).to.equal(false);
    expect(calls).to.equal(2);
    expect(error.message).to.not.contain('not-a-valid-token');
  });

  it('is `forbidden` with another workspace’s token, and never shows the token', async () => {
    const a = await newWorkspace();
    const b = await newWorkspace();
    const client = clientFor({ workspace: b.workspace, token: a.token });
    const error = (await rejectionOf(client.list())) as DeepLakeError;
    expect(error.code).to.equal('forbidden');
    expect(error.status).to.equal(403);
    expect(`${error.message} ${String(error.stack)} ${JSON.stringify(error)}`).to.not.contain(a.token);
  });

  for (const [what, provider] of [
    [
      'throws',
      () => {
        throw new Error('login service down');
      },
    ],
    ['rejects', () => Promise.reject(new Error('nope'))],
    ['returns ""', () => ''],
    ['returns undefined', () => undefined as unknown as string],
  ] as const) {
    it(`is an \`auth\` error, with no request sent, when the provider ${what}`, async () => {
      const ws = await newWorkspace();
      const client = clientFor(ws, { tokenProvider: provider });
      const error = (await rejectionOf(client.upload(new File(['x'], 'x.txt')))) as DeepLakeError;
      expect(error).to.be.instanceOf(DeepLakeError);
      expect(error.code).to.equal('auth');
      expect(error.retryable).to.equal(false);
      expect(await requestLog(ws.workspace)).to.deep.equal([]);
    });
  }

  it('asks the provider again after it failed once', async () => {
    const ws = await newWorkspace();
    let calls = 0;
    const client = clientFor(ws, {
      tokenProvider: () => {
        if (++calls === 1) throw new Error('first call fails');
        return ws.token;
      },
    });
    expect(((await rejectionOf(client.list())) as DeepLakeError).code).to.equal('auth');
    expect(await client.list()).to.deep.equal([]);
    expect(calls).to.equal(2);
  });

  it('shares one call with a provider that asks the client again while it runs', async () => {
    const ws = await newWorkspace();
    let calls = 0;
    const client: DeepLakeClient = clientFor(ws, {
      tokenProvider: () => {
        // A provider that touches the page (adds an element, which asks for the token) before it answers.
        if (++calls === 1) void client.list().catch(() => undefined);
        return ws.token;
      },
    });
    expect(await client.list()).to.deep.equal([]);
    expect(calls).to.equal(1);
  });

  it('drops an answer that comes after the provider timed out, and asks again next time', async () => {
    const ws = await newWorkspace();
    let calls = 0;
    let lateAnswered!: () => void;
    const late = new Promise<void>((resolve) => (lateAnswered = resolve));
    const client = clientFor(ws, {
      tokenTimeoutMs: 50,
      tokenProvider: () =>
        ++calls === 1
          ? new Promise<string>((resolve) =>
              setTimeout(() => {
                resolve('refused-late-token');
                lateAnswered();
              }, 300),
            )
          : ws.token,
    });
    expect(((await rejectionOf(client.list())) as DeepLakeError).code).to.equal('auth');
    await late;
    await Promise.resolve();
    // Kept, the late answer would be sent (a 401, then a forced refresh): dropped, the provider is asked anew.
    expect(await client.list()).to.deep.equal([]);
    expect([calls, (await requestLog(ws.workspace)).map((r) => r.status)]).to.deep.equal([2, [200]]);
  });

  it('stops waiting for a slow provider when the request is aborted', async () => {
    const ws = await newWorkspace();
    let release: (token: string) => void = () => {};
    const client = clientFor(ws, { tokenProvider: () => new Promise<string>((resolve) => (release = resolve)) });
    const controller = new AbortController();
    const pending = client.list({ signal: controller.signal });
    controller.abort();
    expect(((await rejectionOf(pending)) as DeepLakeError).code).to.equal('aborted');
    release(ws.token);
    // The provider's late answer still fills the cache for the next request.
    expect(await client.list()).to.deep.equal([]);
    expect(await requestLog(ws.workspace)).to.have.length(1);
  });
});
