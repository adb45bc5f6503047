/**
 * Bad input from the other side: odd server answers, token providers that fail, ids and
 * workspace names that are not what they should be, and a server that goes away in the
 * middle of a batch. Each fails clearly, costs no other file, and a retry then works.
 */
import { expect } from '@open-wc/testing';
import type { Fault } from '../../src/emulator/index.js';
import { en } from '../../src/i18n/strings.js';
import { apiUrl, clientFor, injectFault, newWorkspace, requestLog } from './emulator-control.js';
import { mountFile, reads, settled as fileSettled } from './file-helpers.js';
import { countOf, fileOf, metaText, mount, posts, rowNamed, when } from './uploader-helpers.js';

const upload = { method: 'POST', path: '/files' };

/** The emulator's control routes that emulator-control.ts has no helper for. */
async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
  const res = await fetch(`${apiUrl}/__emulator/${path}`, init);
  expect(res.ok, `${method} ${path}`).to.equal(true);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

describe('bad input: server answers', () => {
  const CASES: Array<[what: string, fault: Fault, code: string, text: string]> = [
    ['a 201 that is not JSON', { status: 201, body: 'stored, probably', contentType: 'text/plain' }, 'invalid_response', 'The server sent an unexpected answer'],
    [
      'JSON without an id',
      { status: 201, body: '{"name":"first.txt"}', contentType: 'application/json' },
      'invalid_response',
      'The server sent an unexpected answer',
    ],
    [
      'an HTML 502 page',
      { status: 502, body: '<html><body><h1>502 Bad Gateway</h1><script>x()</script></body></html>', contentType: 'text/html' },
      'server',
      'The server had a problem',
    ],
    ['a 413', { status: 413 }, 'too_large', 'The server refused a file this large'],
  ];
  for (const [what, fault, code, text] of CASES) {
    it(`${what}: that file fails clearly, the next is stored, a retry works`, async () => {
      const { el, ws, client } = await mount({ multiple: true, concurrency: 1, retries: 0 });
      await injectFault(ws.workspace, { match: upload, ...fault });
      let complete = when(el, 'deeplake-complete');
      el.addFiles([fileOf(10, 'first.txt'), fileOf(20, 'second.txt')]);
      let { items } = await complete;
      expect(items.map((i) => `${i.relativePath} ${i.status} ${i.error?.code ?? ''}`)).to.deep.equal([`first.txt error ${code}`, 'second.txt done ']);
      expect(metaText(rowNamed(el, 'first.txt'))).to.include(text);
      expect(items[0]!.error!.message).not.to.match(/<|Bad Gateway/);
      complete = when(el, 'deeplake-complete');
      el.retry(items[0]!.id);
      ({ items } = await complete);
      expect(countOf(items, 'done')).to.equal(2);
      expect((await client.list()).map((f) => f.name).sort()).to.deep.equal(['first.txt', 'second.txt']);
    });
  }
});

describe('bad input: token providers', () => {
  const PROVIDERS: Array<[what: string, provider: () => string | Promise<string>]> = [
    [
      'throws',
      () => {
        throw new Error('no session');
      },
    ],
    ['rejects', () => Promise.reject(new Error('no session'))],
    ['returns ""', () => ''],
    ['hangs (200 ms timeout)', () => new Promise<string>(() => {})],
  ];
  for (const [what, failing] of PROVIDERS) {
    it(`a provider that ${what}: an auth error, nothing sent; a retry works once it answers`, async () => {
      const { el, ws } = await mount({ multiple: true });
      let provider = failing;
      el.client = clientFor(ws, { tokenProvider: () => provider(), tokenTimeoutMs: 200 });
      let complete = when(el, 'deeplake-complete');
      el.addFiles([fileOf(10, 'a.txt')]);
      let { items } = await complete;
      expect(items.map((i) => `${i.status} ${i.error?.code}`)).to.deep.equal(['error auth']);
      expect(metaText(rowNamed(el, 'a.txt'))).to.include('Could not sign in to upload');
      expect(await posts(ws)).to.deep.equal([]);
      provider = () => ws.token;
      complete = when(el, 'deeplake-complete');
      el.retry();
      ({ items } = await complete);
      expect(items.map((i) => i.status)).to.deep.equal(['done']);
    });
  }
});

describe('bad input: ids and workspaces', () => {
  it('a file-id that is not a UUID is an error without any request', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    for (const id of ['../../etc/passwd', 'not-a-uuid', '00000000-0000-0000-0000-00000000000g']) {
      const el = mountFile({ 'file-id': id }, { client });
      const outcome = await fileSettled(el);
      expect(outcome.type === 'deeplake-error' && outcome.detail.error.code).to.equal('not_found');
    }
    expect(await reads(ws)).to.deep.equal([]);
  });

  it('a workspace with "/", "?" and "#" stays one encoded path segment', async () => {
    const name = 'team/a?b=1#c';
    const ws = await control<{ workspace: string; token: string }>('POST', 'workspaces', { workspace: name });
    const { el } = await mount({ multiple: true });
    el.client = clientFor(ws);
    const complete = when(el, 'deeplake-complete');
    el.addFiles([fileOf(10, 'in-odd-workspace.txt')]);
    expect((await complete).items.map((i) => i.status)).to.deep.equal(['done']);
    expect((await clientFor(ws).list()).map((f) => f.name)).to.deep.equal(['in-odd-workspace.txt']);
    expect((await requestLog(name)).filter((r) => r.method === 'POST').map((r) => r.path)).to.deep.equal(['/workspaces/team%2Fa%3Fb%3D1%23c/files']);
    for (const bad of ['.', '..', '']) expect(() => clientFor({ workspace: bad, token: 't' })).to.throw(TypeError);
  });
});

describe('bad input: the server stops mid-batch and comes back', () => {
  it('the rest fail clearly as connection errors, then retry stores each file once', async () => {
    const { el, ws, client } = await mount({ multiple: true, concurrency: 1, retries: 1 });
    // Faults apply in the order injected: the first upload goes through (a 1 ms delay),
    // then the server drops every connection, retries included.
    await injectFault(ws.workspace, { match: upload, latencyMs: 1, count: 1 });
    await injectFault(ws.workspace, { match: upload, drop: 'before', count: 1000 });
    let complete = when(el, 'deeplake-complete');
    el.addFiles(Array.from({ length: 6 }, (_, i) => fileOf(100 + i, `batch-${i}.bin`)));
    let { items } = await complete;
    const failed = items.filter((i) => i.status === 'error');
    expect(items.map((i) => i.status)).to.deep.equal(['done', 'error', 'error', 'error', 'error', 'error']);
    expect([...new Set(failed.map((i) => i.error!.code))]).to.deep.equal(['network']);
    expect(metaText(rowNamed(el, failed[0]!.relativePath))).to.include(en.errorNetwork);

    await control('DELETE', `faults?workspace=${encodeURIComponent(ws.workspace)}`);
    complete = when(el, 'deeplake-complete');
    el.retry();
    ({ items } = await complete);
    expect(countOf(items, 'done')).to.equal(6);
    const names = (await client.list()).map((f) => f.name).sort();
    expect(names).to.deep.equal(items.map((i) => i.relativePath).sort());
  });
});
