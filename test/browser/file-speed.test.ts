/**
 * `<deeplake-file>` as fast as a plain `<img>` (issue 20): one request before an image's
 * first pixel (the content answer's headers say what it is), `info` only beside the bytes
 * and never in their way, no bytes through the client with `resolveUrl`, images inserted
 * loaded (never waiting for `decode()`), a small image shown from a `data:` URL of its
 * bytes (no object URL), a card's body never downloaded, and images far from
 * the viewport let go (their object URLs revoked) and fetched again when scrolled back.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import type { DeepLakeClient, FileInfo } from '../../src/client/index.js';
import { quietLoad } from '../../src/file/file.js';
import { inline } from '../../src/file/url-cache.js';
import * as viewport from '../../src/file/viewport.js';
import { clientFor, makeBytes, type TestWorkspace } from './emulator-control.js';
import { makePng } from './file-fixtures.js';
import { mountFile, mountLoaded, nextTask, part, reads, settled, shown, spyRevoke, store, until, workspace, type DeepLakeFile } from './file-helpers.js';

type Answer = (url: string, res: Response) => Response | Promise<Response>;

/**
 * Wraps window.fetch until `restore()`: `hold(url)` returns a promise that, when it
 * resolves, lets that request go (an `info` request held back as long as the test wants);
 * `answer` may replace a response (headers a server left out). Records each URL.
 */
function interceptFetch({ hold, answer }: { hold?: (url: string) => Promise<void> | undefined; answer?: Answer } = {}) {
  const real = window.fetch;
  const urls: string[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    urls.push(url);
    await hold?.(url);
    const res = await real.call(window, input, init);
    return answer ? answer(url, res) : res;
  };
  return { urls, restore: () => void (window.fetch = real) };
}

/** The same answer without the named headers (a server that does not send them). */
const without = (res: Response, ...names: string[]) => {
  const headers = new Headers(res.headers);
  for (const name of names) headers.delete(name);
  return new Response(res.body, { status: res.status, headers });
};

const isInfo = (url: string, id: string) => new URL(url).pathname.endsWith(`/files/${id}`);

/** Every image through a Blob and its object URL while `fn` runs (`inline.max` below any size). */
async function withObjectUrls<T>(fn: () => Promise<T>): Promise<T> {
  const max = inline.max;
  inline.max = -1;
  try {
    return await fn();
  } finally {
    inline.max = max;
  }
}

/** Counts `URL.createObjectURL` calls until `restore()`, still creating for real. */
function spyCreate() {
  const real = URL.createObjectURL;
  const created: string[] = [];
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    const url = real.call(URL, obj);
    created.push(url);
    return url;
  };
  return { created, restore: () => void (URL.createObjectURL = real) };
}

describe('<deeplake-file> speed (issue 20)', () => {
  let ws: TestWorkspace;
  let client: DeepLakeClient;
  let png: FileInfo;

  beforeEach(async () => {
    ({ ws, client } = await workspace());
    png = await store(client, await makePng(), 'photo one.png', 'image/png');
  });

  it('sends one request before the first pixel of an image, and inserts it loaded', async () => {
    const el = mountFile({ 'file-id': png.id }, { client });
    // The <img> as it first appears in the shadow root: loaded, so the next frame shows it.
    const first: Array<{ complete: boolean; width: number }> = [];
    el.addController({
      hostUpdated: () => {
        const img = part<HTMLImageElement>(el, 'image');
        if (img && !first.length) first.push({ complete: img.complete, width: img.naturalWidth });
      },
    });
    const outcome = await settled(el);
    expect(outcome.type).to.equal('deeplake-load');
    expect(await reads(ws)).to.deep.equal([`content ${png.id}`]);
    expect(first).to.deep.equal([{ complete: true, width: 96 }]);
    // What the answer's headers said, Content-Disposition's name included.
    const info = outcome.type === 'deeplake-load' ? outcome.detail.info : undefined;
    expect([info?.id, info?.name, info?.contentType, info?.size]).to.deep.equal([png.id, 'photo one.png', 'image/png', png.size]);
    expect(part<HTMLImageElement>(el, 'image')!.alt).to.equal('photo one.png');
  });

  it('starts a lazy element already near the viewport without waiting for a frame; one far away or hidden waits', async () => {
    const [far, hidden] = [await store(client, await makePng(), 'far.png', 'image/png'), await store(client, await makePng(), 'hidden.png', 'image/png')];
    const fetches = interceptFetch();
    try {
      const root = fixtureSync<HTMLElement>(
        html`<div>
          <deeplake-file file-id=${png.id} .client=${client}></deeplake-file>
          <deeplake-file file-id=${hidden.id} .client=${client} style="display: none"></deeplake-file>
          <div style="block-size: 5000px"></div>
          <deeplake-file file-id=${far.id} .client=${client}></deeplake-file>
        </div>`,
      );
      const [near] = root.querySelectorAll('deeplake-file');
      const outcome = settled(near!);
      // The observer reports after a frame (its style, layout and paint, then a task): a
      // request already made when that frame's animation callbacks run did not wait for it.
      const atFirstFrame = await new Promise<string[]>((resolve) => requestAnimationFrame(() => resolve([...fetches.urls])));
      expect(atFirstFrame.map((url) => new URL(url).pathname.split('/').at(-2))).to.deep.equal([png.id]);
      expect((await outcome).type).to.equal('deeplake-load');
      expect(await reads(ws), 'nothing for the element far below or the hidden one').to.deep.equal([`content ${png.id}`]);
    } finally {
      fetches.restore();
    }
  });

  // A page's provider with the token at hand, as a string or a settled promise: its answer
  // is cached before the elements' first updates run, so the near element's request leaves
  // in its own first update, not after all of them rendered (which the provider's `await`
  // used to cost: the whole first screen waited for every element's first render).
  for (const [kind, provider] of [
    ['a string', (token: string) => () => token],
    ['a settled promise', (token: string) => () => Promise.resolve(token)],
  ] as const) {
    it(`sends a near element's request before any other element renders, when the provider returns ${kind}`, async () => {
      const fresh = clientFor(ws, { tokenProvider: provider(ws.token) });
      const els = Array.from({ length: 40 }, (_, i) => {
        const el = document.createElement('deeplake-file');
        el.fileId = png.id;
        el.client = fresh;
        // One near the viewport, sized by the page (as a gallery's tiles are: an element sized
        // by what it renders is measured again after the first renders); the others wait
        // for an observer that never reports them near.
        el.style.cssText = i ? 'display: none' : 'display: block; block-size: 100px';
        return el;
      });
      const renderedAtFetch: number[] = [];
      const real = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        renderedAtFetch.push(els.filter((el) => el.hasUpdated).length);
        return real.call(window, input, init);
      };
      const root = fixtureSync<HTMLElement>(html`<div></div>`);
      try {
        root.append(...els);
        expect((await settled(els[0]!)).type).to.equal('deeplake-load');
      } finally {
        window.fetch = real;
      }
      expect(renderedAtFetch, 'one request, sent before any element had rendered').to.deep.equal([0]);
    });
  }

  describe('in a box the page sized', () => {
    const ms = quietLoad.ms;
    afterEach(() => void (quietLoad.ms = ms));

    it('starts a lazy element in view before its first render, and renders nothing until its image is shown', async () => {
      quietLoad.ms = 60_000; // however slow this machine, no "Loading…" during this test
      const el = document.createElement('deeplake-file');
      Object.assign(el, { fileId: png.id, client });
      el.style.cssText = 'display: block; inline-size: 200px; block-size: 150px';
      const renders: string[] = [];
      el.addController({ hostUpdated: () => void renders.push(shown(el)) });
      const renderedAtFetch: boolean[] = [];
      const fetches = interceptFetch({ hold: () => void renderedAtFetch.push(el.hasUpdated) });
      try {
        const outcome = settled(el);
        fixtureSync(html`<div>${el}</div>`);
        expect((await outcome).type).to.equal('deeplake-load');
      } finally {
        fetches.restore();
      }
      // Started by the observer instead, the request would wait for a frame after the first render.
      expect(renderedAtFetch, 'its one request, sent before its first render').to.deep.equal([false]);
      // No placeholder that shows for a frame: the page's box, then the image.
      expect([...new Set(renders)]).to.deep.equal(['nothing', 'img']);
    });

    it('is not taken for one when connected again: sized by what it rendered, it keeps a height while it loads again', async () => {
      quietLoad.ms = 60_000;
      const el = await mountLoaded({ 'file-id': png.id }, { client });
      const height = el.offsetHeight;
      expect(height, 'sized by its image').to.be.greaterThan(0);
      const parent = el.parentElement!;
      el.remove();
      await nextTask(); // a later task: not a move within the page, its lease is let go
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const fetches = interceptFetch({ hold: () => held });
      try {
        parent.append(el);
        await el.updateComplete;
        // Its box at connect was its last render, not the page's: the placeholder, not nothing.
        expect([shown(el), el.offsetHeight > 0]).to.deep.equal(['placeholder', true]);
      } finally {
        release();
        fetches.restore();
      }
    });

    it('says "Loading…" once its load has taken a while, and passes axe then', async () => {
      quietLoad.ms = 50;
      const stalled = clientFor(ws, { tokenProvider: () => new Promise<string>(() => {}) });
      const el = fixtureSync<DeepLakeFile>(html`<deeplake-file file-id=${png.id} .client=${stalled} style="display: block; block-size: 150px"></deeplake-file>`);
      await el.updateComplete;
      expect([shown(el), el.matches(':state(loading)')]).to.deep.equal(['nothing', true]);
      const loading = await until(() => part(el, 'placeholder'), '"Loading…" after quietLoad.ms');
      expect([loading.textContent.trim(), el.getBoundingClientRect().height]).to.deep.equal(['Loading…', 150]);
      await expect(el).to.be.accessible();
    });
  });

  it('renders nothing for a lazy element far below in a box the page sized, until it is scrolled near', async () => {
    const [sized, unsized] = await Promise.all([store(client, await makePng(), 'far.png', 'image/png'), store(client, await makePng(), 'unsized.png', 'image/png')]);
    const root = fixtureSync<HTMLElement>(
      html`<div>
        <div style="block-size: 5000px"></div>
        <deeplake-file file-id=${sized.id} .client=${client} style="display: block; block-size: 150px"></deeplake-file>
        <deeplake-file file-id=${unsized.id} .client=${client}></deeplake-file>
        <deeplake-file file-id=${sized.id} .client=${client} style="display: block; block-size: 150px"><span slot="placeholder">blurred</span></deeplake-file>
      </div>`,
    );
    const [far, farUnsized, ownPlaceholder] = root.querySelectorAll('deeplake-file');
    await Promise.all([far!.updateComplete, farUnsized!.updateComplete, ownPlaceholder!.updateComplete]);
    // The page's own placeholder is shown from the start, far or near.
    expect(ownPlaceholder!.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=placeholder]')?.assignedElements().length).to.equal(1);
    // A far element's first render would be an empty box nobody sees; an element sized by
    // what it renders still renders its placeholder (the box that gives it a height).
    expect([shown(far!), far!.matches(':state(loading)'), far!.offsetHeight]).to.deep.equal(['nothing', true, 150]);
    expect([shown(farUnsized!), part(farUnsized!, 'placeholder')?.textContent?.trim()]).to.deep.equal(['placeholder', '']);
    expect(await reads(ws), 'nothing asked while both are far').to.deep.equal([]);
    const outcome = settled(far!);
    far!.scrollIntoView();
    expect((await outcome).type).to.equal('deeplake-load');
    expect(shown(far!)).to.equal('img');
  });

  it('never waits for info: without a name in the headers, the image shows first and info names it later', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const spy = interceptFetch({
      hold: (url) => (isInfo(url, png.id) ? held : undefined),
      answer: (url, res) => (url.endsWith('/content') ? without(res, 'Content-Disposition') : res),
    });
    try {
      const el = mountFile({ 'file-id': png.id }, { client });
      // A 5 s bound: an image that waited for the held info would never load.
      expect((await settled(el, 5_000)).type).to.equal('deeplake-load');
      expect(shown(el)).to.equal('img');
      expect(
        spy.urls.some((url) => isInfo(url, png.id)),
        'info asked beside the bytes',
      ).to.equal(true);
      expect(await reads(ws)).to.deep.equal([`content ${png.id}`]); // info is still held in the page
      release();
      await until(() => part<HTMLImageElement>(el, 'image')?.alt === 'photo one.png', 'the name from info becomes the alt text');
      expect(el.info?.name).to.equal('photo one.png');
    } finally {
      release();
      spy.restore();
    }
  });

  it('asks info when the content answer does not say its type, and shows the image', async () => {
    const spy = interceptFetch({ answer: (url, res) => (url.endsWith('/content') ? without(res, 'Content-Type', 'Content-Disposition') : res) });
    try {
      const el = await mountLoaded({ 'file-id': png.id }, { client });
      expect(shown(el)).to.equal('img');
      expect(part<HTMLImageElement>(el, 'image')!.alt).to.equal('photo one.png');
      expect((await reads(ws)).filter((r) => r.startsWith('info'))).to.deep.equal([`info ${png.id}`]);
    } finally {
      spy.restore();
    }
  });

  it('shows a small image from a data: URL of its bytes, not an object URL', async () => {
    const spy = spyCreate();
    try {
      const el = await mountLoaded({ 'file-id': png.id }, { client });
      const src = part<HTMLImageElement>(el, 'image')!.src;
      expect(src.startsWith('data:image/png;base64,')).to.equal(true);
      expect(atob(src.slice(src.indexOf(',') + 1)).length, 'the stored bytes').to.equal(png.size);
      expect(spy.created).to.deep.equal([]);
      expect(await reads(ws)).to.deep.equal([`content ${png.id}`]);
    } finally {
      spy.restore();
    }
  });

  it('still shows a small image from a data: URL in an engine without Uint8Array.prototype.toBase64 (read from its Blob)', async () => {
    const proto = Uint8Array.prototype as { toBase64?: unknown };
    const own = Object.getOwnPropertyDescriptor(proto, 'toBase64');
    delete proto.toBase64; // as in Safari before 18.2, Chromium before 140, Firefox before 133
    const spy = spyCreate();
    try {
      const el = await mountLoaded({ 'file-id': png.id }, { client });
      const src = part<HTMLImageElement>(el, 'image')!.src;
      expect(src.startsWith('data:image/png;base64,')).to.equal(true);
      expect(atob(src.slice(src.indexOf(',') + 1)).length).to.equal(png.size);
      expect(spy.created).to.deep.equal([]);
    } finally {
      if (own) Object.defineProperty(proto, 'toBase64', own);
      spy.restore();
    }
  });

  it('keeps the object URL for an image larger than inline.max', async () => {
    const spy = spyCreate();
    try {
      const el = await withObjectUrls(() => mountLoaded({ 'file-id': png.id }, { client }));
      const src = part<HTMLImageElement>(el, 'image')!.src;
      expect(src.startsWith('blob:')).to.equal(true);
      expect(spy.created).to.deep.equal([src]);
    } finally {
      spy.restore();
    }
  });

  it('never waits for decode(): the image shows once it has loaded', async () => {
    const real = HTMLImageElement.prototype.decode;
    HTMLImageElement.prototype.decode = () => new Promise<void>(() => {}); // settles only with a frame in Chromium; here never
    try {
      const el = await mountLoaded({ 'file-id': png.id }, { client });
      const img = part<HTMLImageElement>(el, 'image')!;
      expect([img.complete, img.naturalWidth]).to.deep.equal([true, 96]);
    } finally {
      HTMLImageElement.prototype.decode = real;
    }
  });

  it('never downloads the bytes of a video given resolveUrl', async () => {
    const video = await store(client, makeBytes(2 * 1024 * 1024), 'film.mp4', 'video/mp4');
    const resolved = URL.createObjectURL(new Blob([makeBytes(1024)], { type: 'video/mp4' })); // the host's proxy
    const spy = interceptFetch();
    try {
      const el = await mountLoaded({ 'file-id': video.id }, { client, resolveUrl: () => resolved });
      expect(part<HTMLVideoElement>(el, 'video')!.src).to.equal(resolved);
      expect(await reads(ws)).to.deep.equal([`info ${video.id}`]);
      expect(spy.urls.filter((url) => url.includes('/content'))).to.deep.equal([]);
    } finally {
      spy.restore();
      URL.revokeObjectURL(resolved);
    }
  });

  it('shows a card from the content answer’s headers and cancels its body', async () => {
    const zip = await store(client, makeBytes(4 * 1024 * 1024), 'archive.zip', 'application/zip');
    const cancelled: string[] = [];
    const spy = interceptFetch({
      answer: (url, res) => {
        const body = res.body!;
        const cancel = body.cancel.bind(body);
        body.cancel = (reason?: unknown) => (cancelled.push(url), cancel(reason));
        return res;
      },
    });
    try {
      const el = await mountLoaded({ 'file-id': zip.id }, { client });
      expect(shown(el)).to.equal('card');
      expect(part(el, 'name')!.title).to.equal('archive.zip');
      expect(part(el, 'size')!.textContent).to.match(/4(\.2)? MB/);
      expect(await reads(ws)).to.deep.equal([`content ${zip.id}`]);
      expect(cancelled.length, 'the body is cancelled, not read').to.equal(1);
    } finally {
      spy.restore();
    }
  });

  describe('far from the viewport', () => {
    const ms = viewport.far.ms;
    before(() => void (viewport.far.ms = 50));
    after(() => void (viewport.far.ms = ms));

    for (const objectUrl of [true, false]) {
      const how = objectUrl ? 'its object URL revoked' : 'its data: <img> dropped';
      it(`lets an image go (${how}, its box kept) and fetches it again when scrolled back`, async function () {
        this.timeout(120_000); // three waits sized for a loaded 2-core machine (WebKit under Xvfb is the slowest)
        const max = inline.max;
        if (objectUrl) inline.max = -1;
        const revokes = spyRevoke();
        try {
          const root = fixtureSync<HTMLElement>(
            html`<div>
              <deeplake-file file-id=${png.id} .client=${client}></deeplake-file>
              <div style="block-size: 20000px"></div>
            </div>`,
          );
          const el = root.querySelector<DeepLakeFile>('deeplake-file')!;
          el.scrollIntoView();
          await until(() => shown(el) === 'img', 'the image is shown', 30_000);
          const url = part<HTMLImageElement>(el, 'image')!.src;
          expect(url.startsWith(objectUrl ? 'blob:' : 'data:')).to.equal(true);
          const height = el.offsetHeight;
          window.scrollTo(0, 10_000); // many viewports away
          await until(() => shown(el) === 'nothing', 'the image is let go', 30_000);
          if (objectUrl) await until(() => revokes.revoked.includes(url), 'its object URL is revoked', 30_000);
          expect(revokes.revoked).to.deep.equal(objectUrl ? [url] : []);
          expect(el.offsetHeight, 'the box keeps its height').to.equal(height);
          expect(await reads(ws)).to.deep.equal([`content ${png.id}`]);
          el.scrollIntoView();
          await until(() => shown(el) === 'img', 'shown again when scrolled back', 30_000);
          if (objectUrl) expect(part<HTMLImageElement>(el, 'image')!.src).not.to.equal(url);
          expect(await reads(ws)).to.deep.equal([`content ${png.id}`, `content ${png.id}`]);
        } finally {
          inline.max = max;
          revokes.restore();
          window.scrollTo(0, 0);
        }
      });
    }

    it('keeps an image that stays near the viewport', async function () {
      this.timeout(120_000); // as above
      const revokes = spyRevoke();
      try {
        const el = await withObjectUrls(() => mountLoaded({ 'file-id': png.id }, { client }));
        const url = part<HTMLImageElement>(el, 'image')!.src;
        // Another image, far away, is let go: the observer has reported on both and far.ms
        // has passed, so a timer wrongly armed for the near one would have run too.
        const other = await store(client, await makePng(), 'far.png', 'image/png');
        const root = fixtureSync<HTMLElement>(
          html`<div>
            <div style="block-size: 20000px"></div>
            <deeplake-file loading="eager" file-id=${other.id} .client=${client}></deeplake-file>
          </div>`,
        );
        const far = root.querySelector<DeepLakeFile>('deeplake-file')!;
        expect((await withObjectUrls(() => settled(far))).type).to.equal('deeplake-load');
        const farUrl = part<HTMLImageElement>(far, 'image')!.src;
        await until(() => revokes.revoked.includes(farUrl), 'the far image is let go', 30_000);
        expect(revokes.revoked).to.deep.equal([farUrl]);
        expect(part<HTMLImageElement>(el, 'image')!.src).to.equal(url);
      } finally {
        revokes.restore();
      }
    });
  });
});
