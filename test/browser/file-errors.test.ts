/**
 * `<deeplake-file>` when things go wrong: a file that is not there, a server error and its
 * retry, an expired token (one forced refresh, then the file), a workspace the token is not
 * for, no connection, and an id that is not a UUID (nothing is sent). Each error state is
 * readable, fires `deeplake-error`, and passes axe.
 */
import { expect } from '@open-wc/testing';
import { DeepLakeClient, type DeepLakeError } from '../../src/client/index.js';
import { apiUrl, injectFault, newWorkspace, recordingProvider, requestLog, requestsSoFar } from './emulator-control.js';
import { makePng } from './file-fixtures.js';
import { mountFile, part, reads, settled, shown, store, unknownId, until, workspace, type DeepLakeFile } from './file-helpers.js';

/** Mounts, waits for the outcome, and returns the element and its error (failing on a load). */
async function mountFailing(attrs: Record<string, string | boolean>, props: Partial<DeepLakeFile>) {
  const el = mountFile(attrs, props);
  const outcome = await settled(el);
  if (outcome.type !== 'deeplake-error') throw new Error('expected deeplake-error, got deeplake-load');
  return { el, error: outcome.detail.error };
}

const message = (el: DeepLakeFile) => part(el, 'message')!.textContent.trim();

describe('<deeplake-file> errors', () => {
  it('says a missing file was not found, with a retry button, and passes axe', async () => {
    const { ws, client } = await workspace();
    const id = unknownId();
    const { el, error } = await mountFailing({ 'file-id': id }, { client });
    expect([error.code, error.status]).to.deep.equal(['not_found', 404]);
    expect(shown(el)).to.equal('error');
    expect(message(el)).to.equal('This file was not found');
    expect(part(el, 'retry-button')!.textContent.trim()).to.equal('Try again');
    expect(el.matches(':state(error)')).to.equal(true);
    expect(el.info).to.equal(undefined);
    await expect(el).to.be.accessible();
    expect(await reads(ws)).to.deep.equal([`content ${id}`]);
  });

  it('loads on retry after a server error', async () => {
    const { ws, client } = await workspace({ retry: { retries: 0 } });
    const png = await store(client, await makePng(), 'photo.png', 'image/png');
    await injectFault(ws.workspace, { match: { method: 'GET', path: '/content' }, status: 503 });
    const { el, error } = await mountFailing({ 'file-id': png.id }, { client });
    expect([error.code, error.status]).to.deep.equal(['server', 503]);
    expect(message(el)).to.equal('The file could not be loaded');
    const loaded = settled(el);
    part(el, 'retry-button')!.click();
    expect((await loaded).type).to.equal('deeplake-load');
    expect(shown(el)).to.equal('img');
    // A retry starts afresh: the failed lease is let go, so the content is asked again.
    expect(await reads(ws)).to.deep.equal([`content ${png.id}`, `content ${png.id}`]);
  });

  it('refreshes an expired token once and shows the file', async () => {
    const ws = await newWorkspace();
    const provider = recordingProvider(ws);
    const setup = new DeepLakeClient({ apiUrl, workspace: ws.workspace, tokenProvider: () => ws.token });
    const png = await store(setup, await makePng(), 'photo.png', 'image/png');
    await injectFault(ws.workspace, { match: { method: 'GET' }, expireToken: true });
    const el = mountFile({ 'file-id': png.id, workspace: ws.workspace, 'api-url': apiUrl }, { tokenProvider: provider });
    expect((await settled(el)).type).to.equal('deeplake-load');
    expect(provider.calls.filter((c) => c.forceRefresh).length).to.equal(1);
    const statuses = (await requestLog(ws.workspace)).filter((r) => r.method === 'GET').map((r) => r.status);
    expect(statuses).to.deep.equal([401, 200]);
  });

  it('says when the session cannot be renewed (401) or the token is for another workspace (403)', async () => {
    const { ws, client } = await workspace();
    const png = await store(client, await makePng(), 'photo.png', 'image/png');
    const stale = new DeepLakeClient({ apiUrl, workspace: ws.workspace, tokenProvider: () => 'dl_not_a_token' });
    const unauthorized = await mountFailing({ 'file-id': png.id }, { client: stale });
    expect(unauthorized.error.code).to.equal('unauthorized');
    expect(message(unauthorized.el)).to.equal('Sign in again to see this file');
    await expect(unauthorized.el).to.be.accessible();

    const other = await newWorkspace();
    const foreign = new DeepLakeClient({ apiUrl, workspace: ws.workspace, tokenProvider: () => other.token });
    const forbidden = await mountFailing({ 'file-id': png.id }, { client: foreign });
    expect(forbidden.error.code).to.equal('forbidden');
    expect(message(forbidden.el)).to.equal('You do not have access to this file');
  });

  it("a `client` that is a framework's Proxy of one (private fields out of reach) ends in an error, never a dead element", async () => {
    const { client } = await workspace();
    const el = mountFile({ 'file-id': unknownId() }, { client: new Proxy(client, {}) });
    expect((await settled(el)).type).to.equal('deeplake-error');
    expect(shown(el)).to.equal('error');
  });

  it('says when the connection failed', async () => {
    const { ws, client } = await workspace({ retry: { retries: 0 } });
    const png = await store(client, await makePng(), 'photo.png', 'image/png');
    // Chromium silently resends a request (seen: up to 3 times) when a reused connection
    // drops before any answer: the fault has to outlast those resends.
    await injectFault(ws.workspace, { match: { method: 'GET' }, drop: 'before', count: 10 });
    const { el, error } = await mountFailing({ 'file-id': png.id }, { client });
    expect(error.code).to.equal('network');
    expect(message(el)).to.equal('The file could not be loaded: the connection failed');
    expect(!!part(el, 'retry-button')).to.equal(true);
  });

  it('refuses an id that is not a UUID without sending anything', async () => {
    const { ws, client } = await workspace();
    const errors: DeepLakeError[] = [];
    document.body.addEventListener('deeplake-error', (e) => errors.push(e.detail.error), { once: true });
    const el = mountFile({ 'file-id': '../../tables/query' }, { client });
    await until(() => shown(el) === 'error', 'the refusal is shown');
    expect(message(el)).to.equal('This is not a valid file id');
    expect(part(el, 'retry-button'), 'retrying cannot help').to.equal(null);
    expect(errors.map((e) => e.code)).to.deep.equal(['not_found']);
    await expect(el).to.be.accessible();
    expect(await requestsSoFar(ws)).to.deep.equal([]);
  });

  it('says so when nothing tells it where to fetch from', async () => {
    const { error } = await mountFailing({ 'file-id': unknownId() }, {});
    expect(error.code).to.equal('auth');
  });

  it('takes its strings from the strings property', async () => {
    const { client } = await workspace();
    const { el } = await mountFailing({ 'file-id': unknownId() }, { client, strings: { errorNotFound: 'Nicht gefunden', retry: 'Nochmal' } });
    expect(message(el)).to.equal('Nicht gefunden');
    expect(part(el, 'retry-button')!.textContent.trim()).to.equal('Nochmal');
  });
});
