/**
 * Credentials follow script, never markup (docs/SECURITY.md): the page-wide token goes
 * only to the API origins and workspaces the page's script configured. An `api-url`,
 * `tus-endpoint` or `workspace` attribute naming anything else makes the element refuse
 * with `untrusted_origin`, warn once in the console, and send nothing: the token provider
 * is not even asked. A `client` or `tokenProvider` set on the element by script still works.
 *
 * "Another origin" is this test server under its other loopback name (localhost ↔
 * 127.0.0.1): a real second origin, whose requests the emulator would log if any were sent.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../src/index.js';
import { configure } from '../../src/index.js';
import type { DeepLakeError } from '../../src/client/index.js';
import { en } from '../../src/i18n/strings.js';
import { clientFor, newWorkspace, requestLog, type TestWorkspace } from './emulator-control.js';
import { settled as fileSettled, store, type DeepLakeFile } from './file-helpers.js';
import { fileOf, settled, track, when, type DeepLakeUploader } from './uploader-helpers.js';

const here = new URL(location.href);
const OTHER = `${here.protocol}//${here.hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${here.port}`;

/** A page-wide configuration whose provider counts its calls. */
function configurePage(ws: TestWorkspace, extra: Parameters<typeof configure>[0] = {}) {
  const calls = { count: 0 };
  configure({
    apiUrl: location.origin,
    workspace: ws.workspace,
    tokenProvider: () => (calls.count++, ws.token),
    allowedApiOrigins: [],
    allowedWorkspaces: [],
    ...extra,
  });
  return calls;
}

/** console.warn calls while `run` runs (still passed through). */
async function warnings(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const real = console.warn;
  console.warn = (...args: unknown[]) => (seen.push(args.map(String).join(' ')), real.apply(console, args));
  try {
    await run();
  } finally {
    console.warn = real;
  }
  return seen;
}

function uploaderWith(attrs: Record<string, string>): DeepLakeUploader {
  const el = document.createElement('deeplake-uploader');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return track(fixtureSync<DeepLakeUploader>(html`${el}`));
}

function fileWith(attrs: Record<string, string>, props: Partial<DeepLakeFile> = {}): DeepLakeFile {
  const el = document.createElement('deeplake-file');
  for (const [name, value] of Object.entries({ loading: 'eager', ...attrs })) el.setAttribute(name, value);
  Object.assign(el, props); // set by script before it is in the page, as a framework would
  return fixtureSync<DeepLakeFile>(html`${el}`);
}

/** Uploads one file and resolves with the row's final record. */
async function uploadOne(el: DeepLakeUploader, name = 'a.txt') {
  await el.updateComplete;
  const done = when(el, 'deeplake-complete');
  el.addFiles([fileOf(300, name, 'text/plain')]);
  const { items } = await done;
  await settled(el);
  return items[0]!;
}

describe('credentials follow script, never markup', () => {
  // Variants an author of markup could write to point elsewhere: another origin, a
  // protocol-relative one, userinfo tricks, and what is no URL at all.
  const elsewhere = [
    OTHER,
    `//${new URL(OTHER).host}/api`,
    `${location.origin}@${new URL(OTHER).host}`,
    `${OTHER}/?next=${location.origin}`,
    'javascript:alert(1)',
    'data:text/plain,x',
  ];

  for (const apiUrl of elsewhere) {
    it(`<deeplake-file api-url="${apiUrl}"> refuses: typed error, a warning, no request, no token asked`, async () => {
      const ws = await newWorkspace();
      const owner = clientFor(ws);
      const info = await store(owner, 'x', 'x.txt', 'text/plain');
      const calls = configurePage(ws);
      const before = (await requestLog(ws.workspace)).length;
      let outcome: Awaited<ReturnType<typeof fileSettled>> | undefined;
      const warned = await warnings(async () => {
        const el = fileWith({ 'file-id': info.id, 'api-url': apiUrl });
        outcome = await fileSettled(el);
        expect(el.shadowRoot!.querySelector('[part~=error]'), 'the element shows the refusal').to.not.equal(null);
      });
      expect(outcome!.type).to.equal('deeplake-error');
      expect((outcome!.detail as { error: DeepLakeError }).error.code).to.equal('untrusted_origin');
      expect(calls.count, 'the token provider is never asked').to.equal(0);
      expect((await requestLog(ws.workspace)).length, 'no request at all').to.equal(before);
      // One warning per refused origin for the page's life: the first element of a kind says it.
      if (warned.length) expect(warned.join('\n')).to.match(/allowedApiOrigins|client or tokenProvider/);
    });
  }

  it('the console names the fix', async () => {
    const ws = await newWorkspace();
    configurePage(ws);
    const unique = `${OTHER.replace(/:\d+$/, '')}:1`; // an origin no other test names
    const warned = await warnings(async () => {
      const el = fileWith({ 'file-id': crypto.randomUUID(), 'api-url': unique });
      await fileSettled(el);
    });
    expect(warned.length).to.equal(1);
    expect(warned[0]).to.include('allowedApiOrigins').and.include(new URL(unique).origin);
  });

  it('<deeplake-uploader api-url> to another origin: the row fails untrusted_origin, nothing is sent', async () => {
    const ws = await newWorkspace();
    const calls = configurePage(ws);
    const el = uploaderWith({ 'api-url': OTHER, name: 'files' });
    const errors: DeepLakeError[] = [];
    el.addEventListener('deeplake-error', (e) => errors.push(e.detail.error));
    const item = await uploadOne(el);
    expect([item.status, item.error?.code, errors.map((e) => e.code)]).to.deep.equal(['error', 'untrusted_origin', ['untrusted_origin']]);
    expect(el.shadowRoot!.querySelector('li.item')!.textContent).to.include(en.errorUntrustedOrigin);
    expect([calls.count, (await requestLog(ws.workspace)).length, el.values]).to.deep.equal([0, 0, []]);
  });

  it('<deeplake-uploader transport="tus" tus-endpoint> to another origin is refused too', async () => {
    const ws = await newWorkspace();
    const calls = configurePage(ws);
    const el = uploaderWith({ transport: 'tus', 'tus-endpoint': `${OTHER}/workspaces/${ws.workspace}/files/tus` });
    const item = await uploadOne(el);
    expect([item.status, item.error?.code]).to.deep.equal(['error', 'untrusted_origin']);
    expect([calls.count, (await requestLog(ws.workspace)).length]).to.deep.equal([0, 0]);
  });

  it('a `workspace` attribute the script did not name is refused; allowedWorkspaces lets it through', async () => {
    const [page, other] = [await newWorkspace(), await newWorkspace()];
    const calls = configurePage(page);
    const refused = await uploadOne(uploaderWith({ workspace: other.workspace }));
    expect([refused.status, refused.error?.code, calls.count]).to.deep.equal(['error', 'untrusted_origin', 0]);
    expect(await requestLog(other.workspace)).to.deep.equal([]);

    // Allowed by script: the page's provider is asked (with that workspace) and the server decides.
    configure({ allowedWorkspaces: [other.workspace], tokenProvider: ({ workspace }) => (workspace === other.workspace ? other.token : page.token) });
    const stored = await uploadOne(uploaderWith({ workspace: other.workspace }));
    expect([stored.status, stored.fileId && (await clientFor(other).info(stored.fileId)).id]).to.deep.equal(['done', stored.fileId]);
  });

  it('an origin the script lists in allowedApiOrigins gets the token', async () => {
    const ws = await newWorkspace();
    // The page's API is elsewhere; this server is listed as another allowed API origin.
    const calls = configurePage(ws, { apiUrl: 'https://api.deeplake.ai', allowedApiOrigins: [`${location.origin}/ignored/path`] });
    const item = await uploadOne(uploaderWith({ 'api-url': location.origin }));
    expect([item.status, calls.count > 0]).to.deep.equal(['done', true]);
    const file = fileWith({ 'file-id': item.fileId!, 'api-url': `${location.origin}/` });
    expect((await fileSettled(file)).type).to.equal('deeplake-load');
  });

  it("a tokenProvider or client set on the element by script is the page's consent", async () => {
    const ws = await newWorkspace();
    const pageCalls = configurePage(ws, { apiUrl: 'https://api.deeplake.ai' });
    const own = uploaderWith({ 'api-url': location.origin });
    own.tokenProvider = () => ws.token;
    expect((await uploadOne(own)).status).to.equal('done');
    const withClient = uploaderWith({ 'api-url': OTHER });
    withClient.client = clientFor(ws); // the client's own apiUrl (this origin) is what counts
    const item = await uploadOne(withClient);
    expect(item.status).to.equal('done');
    const file = fileWith({ 'file-id': item.fileId!, 'api-url': location.origin }, { tokenProvider: () => ws.token });
    expect((await fileSettled(file)).type).to.equal('deeplake-load');
    expect(pageCalls.count, 'the page-wide provider was never used for them').to.equal(0);
  });

  it('changing api-url after a load to another origin refuses the next fetch', async () => {
    const ws = await newWorkspace();
    const info = await store(clientFor(ws), 'x', 'x.txt', 'text/plain');
    configurePage(ws);
    const el = fileWith({ 'file-id': info.id });
    expect((await fileSettled(el)).type).to.equal('deeplake-load');
    const before = (await requestLog(ws.workspace)).length;
    const next = fileSettled(el);
    el.setAttribute('api-url', OTHER);
    const outcome = await next;
    expect([outcome.type, (outcome.detail as { error: DeepLakeError }).error.code]).to.deep.equal(['deeplake-error', 'untrusted_origin']);
    expect((await requestLog(ws.workspace)).length).to.equal(before);
  });
});
