/**
 * `<deeplake-file>` fetching: lazy until near the viewport, one content request however
 * many elements show a file, object URLs revoked when the last one goes, requests
 * aborted and late answers dropped when `file-id` changes or the element leaves, and
 * `resolveUrl` streaming media without a download.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import type { DeepLakeClient, FileInfo } from '../../src/client/index.js';
import { inline } from '../../src/file/url-cache.js';
import { injectFault, requestsSoFar, type TestWorkspace } from './emulator-control.js';
import { makePng, makeWav } from './file-fixtures.js';
import {
  mountFile,
  mountLoaded,
  nextTask,
  observeIntersectionsWhileHidden,
  part,
  reads,
  settled,
  shown,
  spyFetch,
  spyRevoke,
  store,
  until,
  workspace,
  type DeepLakeFile,
} from './file-helpers.js';

// Before any lazy element exists: the element makes one observer per page, on first use.
observeIntersectionsWhileHidden();

describe('<deeplake-file> loading', () => {
  let ws: TestWorkspace;
  let client: DeepLakeClient;
  let png: FileInfo;
  let wav: FileInfo;

  beforeEach(async () => {
    ({ ws, client } = await workspace());
    png = await store(client, await makePng(), 'photo.png', 'image/png');
    wav = await store(client, makeWav(), 'tone.wav', 'audio/wav');
  });

  /**
   * Past the answer of an aborted request held by a latency fault (`count: 2`): the same
   * request sent later, held as long, is answered after the one it follows would have been.
   */
  const pastTheSlowAnswer = async () => void (await client.content(png.id));

  it('waits until it is scrolled near the viewport when lazy (the default)', async () => {
    // A lazy element in view loads: the same observer reports both, so by its load a
    // wrongly started fetch of the far one has reached the server.
    const root = fixtureSync<HTMLElement>(
      html`<div>
        <deeplake-file id="near" file-id=${wav.id} .client=${client}></deeplake-file>
        <div style="block-size: 5000px"></div>
        <deeplake-file id="far" file-id=${png.id} .client=${client}></deeplake-file>
      </div>`,
    );
    const [near, el] = [root.querySelector<DeepLakeFile>('#near')!, root.querySelector<DeepLakeFile>('#far')!];
    const nearLoaded = settled(near);
    expect(el.loading).to.equal('lazy');
    await el.updateComplete;
    expect(shown(el)).to.equal('placeholder');
    // Nothing is loading yet: a quiet box, no "Loading…" claim.
    expect(part(el, 'placeholder')!.textContent.trim()).to.equal('');
    expect((await nearLoaded).type).to.equal('deeplake-load');
    expect(await reads(ws)).to.deep.equal([`content ${wav.id}`]);
    expect(shown(el)).to.equal('placeholder');
    const outcome = settled(el);
    el.scrollIntoView();
    expect((await outcome).type).to.equal('deeplake-load');
    expect(await reads(ws)).to.deep.equal([`content ${wav.id}`, `content ${png.id}`]);
    expect(shown(el)).to.equal('img');
  });

  it('asks once for the bytes when 50 elements show the same file', async () => {
    const ids = Array.from({ length: 50 }, () => png.id);
    const root = fixtureSync<HTMLElement>(
      html`<div>${ids.map((id) => html`<deeplake-file loading="eager" file-id=${id} .client=${client}></deeplake-file>`)}</div>`,
    );
    const els = [...root.querySelectorAll('deeplake-file')];
    const outcomes = await Promise.all(els.map((el) => settled(el)));
    expect(outcomes.map((o) => o.type)).to.deep.equal(ids.map(() => 'deeplake-load'));
    expect(await reads(ws)).to.deep.equal([`content ${png.id}`]);
    const srcs = new Set(els.map((el) => part<HTMLImageElement>(el, 'image')!.src));
    expect(srcs.size, 'one URL for all of them').to.equal(1);
  });

  describe('with object URLs (an image over inline.max; audio, video and PDFs always)', () => {
    const max = inline.max;
    before(() => void (inline.max = -1));
    after(() => void (inline.max = max));

    it('revokes the object URL when the last element showing it leaves, not before', async () => {
      const spy = spyRevoke();
      try {
        const a = await mountLoaded({ 'file-id': png.id }, { client });
        const b = await mountLoaded({ 'file-id': png.id }, { client });
        const url = part<HTMLImageElement>(a, 'image')!.src;
        expect(part<HTMLImageElement>(b, 'image')!.src).to.equal(url);
        a.remove();
        await nextTask(); // an element lets go a microtask after it leaves (a move is no leave)
        expect(spy.revoked).to.deep.equal([]);
        b.remove();
        await until(() => spy.revoked.length > 0, 'a URL is revoked');
        expect(spy.revoked).to.deep.equal([url]);
        // Shown again later: fetched again, under a new URL.
        const c = await mountLoaded({ 'file-id': png.id }, { client });
        expect(part<HTMLImageElement>(c, 'image')!.src).not.to.equal(url);
      } finally {
        spy.restore();
      }
    });

    it('revokes the old URL when file-id changes, and keeps its URL when moved within the page', async () => {
      const spy = spyRevoke();
      try {
        const el = await mountLoaded({ 'file-id': png.id }, { client });
        const url = part<HTMLImageElement>(el, 'image')!.src;
        el.parentElement!.append(el); // a move: disconnected and connected in one task
        await nextTask(); // an element lets go a microtask after it leaves
        expect(spy.revoked).to.deep.equal([]);
        expect(part<HTMLImageElement>(el, 'image')!.src).to.equal(url);
        const next = settled(el);
        el.fileId = wav.id;
        expect((await next).type).to.equal('deeplake-load');
        expect(spy.revoked).to.deep.equal([url]);
        expect(shown(el)).to.equal('audio');
      } finally {
        spy.restore();
      }
    });
  });

  it('renders only the new file when file-id changes mid-flight, and aborts the old request', async () => {
    await injectFault(ws.workspace, { match: { method: 'GET', path: `${png.id}/content` }, latencyMs: 1500, count: 2 });
    const fetches = spyFetch(`${png.id}/content`);
    try {
      const el = mountFile({ 'file-id': png.id }, { client });
      const loads: string[] = [];
      el.addEventListener('deeplake-load', (e) => loads.push(e.detail.info.id));
      const kinds: string[] = [];
      el.addController({ hostUpdated: () => kinds.push(shown(el)) });
      await until(async () => (await reads(ws)).includes(`content ${png.id}`), 'the PNG bytes are on their way');
      const next = settled(el);
      el.fileId = wav.id;
      expect((await next).type).to.equal('deeplake-load');
      expect(fetches.signals.length).to.equal(1);
      expect(fetches.signals[0]!.aborted).to.equal(true);
      await pastTheSlowAnswer();
      expect(loads).to.deep.equal([wav.id]);
      expect(kinds.includes('img'), `renders: ${kinds.join(', ')}`).to.equal(false);
      expect(shown(el)).to.equal('audio');
      expect(el.info?.id).to.equal(wav.id);
    } finally {
      fetches.restore();
    }
  });

  it('aborts its request when it leaves the page mid-flight', async () => {
    await injectFault(ws.workspace, { match: { method: 'GET', path: `${png.id}/content` }, latencyMs: 1500, count: 2 });
    const fetches = spyFetch(`${png.id}/content`);
    try {
      const el = mountFile({ 'file-id': png.id }, { client });
      const events: string[] = [];
      el.addEventListener('deeplake-load', () => events.push('load'));
      el.addEventListener('deeplake-error', () => events.push('error'));
      await until(() => fetches.signals.length === 1, 'the PNG bytes are on their way');
      el.remove();
      await until(() => fetches.signals[0]!.aborted, 'the request is aborted');
      await pastTheSlowAnswer();
      expect(events).to.deep.equal([]);
    } finally {
      fetches.restore();
    }
  });

  it('streams media from resolveUrl without downloading it', async () => {
    const resolved = URL.createObjectURL(makeWav()); // stands in for the host's proxy or signed URL
    try {
      const asked: string[] = [];
      const el = await mountLoaded({ 'file-id': wav.id }, { client, resolveUrl: (id) => (asked.push(id), Promise.resolve(resolved)) });
      expect(asked).to.deep.equal([wav.id]);
      expect(part<HTMLAudioElement>(el, 'audio')!.src).to.equal(resolved);
      expect(await reads(ws)).to.deep.equal([`info ${wav.id}`]);
    } finally {
      URL.revokeObjectURL(resolved);
    }
  });

  it('downloads with the token when resolveUrl returns nothing', async () => {
    const el = await mountLoaded({ 'file-id': png.id }, { client, resolveUrl: () => undefined });
    // The bytes fetched with the token, shown from a data: URL (a small image, url-cache.ts).
    expect(part<HTMLImageElement>(el, 'image')!.src.startsWith('data:image/png;base64,')).to.equal(true);
    expect(await reads(ws)).to.deep.equal([`info ${png.id}`, `content ${png.id}`]);
  });

  it('shows the placeholder slot while loading, and passes axe then', async () => {
    await injectFault(ws.workspace, { match: { method: 'GET' }, latencyMs: 800 });
    const plain = mountFile({ 'file-id': png.id }, { client });
    await plain.updateComplete;
    expect(shown(plain)).to.equal('placeholder');
    expect(part(plain, 'placeholder')!.textContent).to.equal('Loading…');
    await expect(plain).to.be.accessible();

    const custom = fixtureSync<DeepLakeFile>(
      html`<deeplake-file loading="eager" file-id=${png.id} .client=${client}>
        <span slot="placeholder">Fetching the photo</span>
      </deeplake-file>`,
    );
    // Listening from the start: one round trip (800 ms) can end while axe runs (Firefox).
    const loaded = settled(custom);
    await custom.updateComplete;
    const slot = custom.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=placeholder]')!;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Fetching the photo']);
    await expect(custom).to.be.accessible();
    expect((await loaded).type).to.equal('deeplake-load');
    expect(custom.shadowRoot!.querySelector('slot')).to.equal(null);
  });

  it('shows nothing and sends nothing without a file-id', async () => {
    const el = mountFile({}, { client });
    await el.updateComplete;
    await requestsSoFar(ws); // a request it sent has reached the server by then
    expect(shown(el)).to.equal('nothing');
    expect(await reads(ws)).to.deep.equal([]);
  });

  it('fires deeplake-load bubbling and composed, and exposes the state for CSS', async () => {
    const seen: string[] = [];
    const listener = (e: HTMLElementEventMap['deeplake-load']) => seen.push(e.detail.info.name);
    document.body.addEventListener('deeplake-load', listener);
    try {
      const el = await mountLoaded({ 'file-id': png.id }, { client });
      expect(seen).to.deep.equal(['photo.png']);
      expect(el.matches(':state(loaded)')).to.equal(true);
    } finally {
      document.body.removeEventListener('deeplake-load', listener);
    }
  });
});
