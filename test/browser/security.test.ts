/**
 * Nobody in who does not belong, no credential out: the token never reaches a URL, an
 * attribute, the DOM, the console, an error or an event; another workspace's token is
 * refused; markup from names and files never becomes DOM; the elements run under a strict CSP.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../src/file/deeplake-file.js';
import type { DeepLakeClient as Client } from '../../src/client/index.js';
import { clientFor, injectFault, newWorkspace, rejectionOf } from './emulator-control.js';
import { mountFile, part, quietFor, settled, shown, spyAlert, store, until, workspace } from './file-helpers.js';
import { skipHere } from './engine.js';
import { phoneJpeg } from './jpeg-fixtures.js';
import { mount, when } from './uploader-helpers.js';
import { dump } from './dump.js';

/** Every attribute value and text node of the page, shadow roots included. */
function pageStrings(root: Node = document): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      for (const attr of node.attributes) out.push(attr.value);
      if (node.shadowRoot) walk(node.shadowRoot);
    } else if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '');
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return out;
}

const CONSOLE = ['log', 'info', 'warn', 'error', 'debug'] as const;

describe('the token never leaks', () => {
  it('not in URLs, attributes, DOM text, console, errors or event details', async () => {
    const urls: string[] = [];
    performance.clearResourceTimings(); // a full buffer (250 entries: the runner's modules) would take no more
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => urls.push(e.name)));
    observer.observe({ type: 'resource', buffered: true });
    const logged: string[] = [];
    const real = CONSOLE.map((name) => [name, console[name]] as const);
    for (const [name, fn] of real) console[name] = (...args: unknown[]) => (logged.push(args.map((a) => dump(a)).join(' ')), fn.apply(console, args));
    const details: string[] = [];
    const record = (e: Event) => details.push(dump((e as CustomEvent).detail));
    const names = ['deeplake-success', 'deeplake-error', 'deeplake-progress', 'deeplake-complete', 'deeplake-load', 'deeplake-reject'];
    for (const name of names) document.addEventListener(name, record, true);
    try {
      const { el, ws, client } = await mount({ multiple: true });
      const token = ws.token;
      // One upload that works, one refused by a server that echoes the token in its error.
      await injectFault(ws.workspace, { match: { method: 'POST' }, status: 400, body: `bad header Bearer ${token}`, contentType: 'text/plain' });
      const done = when(el, 'deeplake-complete');
      el.addFiles([new File(['echo'], 'refused.txt'), new File(['ok'], 'kept.txt')]);
      const { items } = await done;
      const id = items.find((i) => i.status === 'done')!.info!.id;
      const file = mountFile({ 'file-id': id }, { client });
      expect((await settled(file)).type).to.equal('deeplake-load');
      const missing = mountFile({ 'file-id': crypto.randomUUID() }, { client });
      expect((await settled(missing)).type).to.equal('deeplake-error');
      await injectFault(ws.workspace, { match: { method: 'GET' }, status: 500, body: `token=${token}`, contentType: 'text/plain' });
      const thrown = await rejectionOf(clientFor(ws, { retry: { retries: 0 } }).info(id));
      // That last request's entry comes once its answer is read: then every earlier one is in.
      await until(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith(`/files/${id}`)), 'the last request is in the resource timeline');
      for (const e of [...observer.takeRecords(), ...performance.getEntriesByType('resource')]) urls.push(e.name);

      expect(urls.some((u) => u.includes('/files'))).to.equal(true);
      const leaks = {
        urls: urls.filter((u) => u.includes(token)),
        dom: pageStrings().filter((s) => s.includes(token)),
        console: logged.filter((s) => s.includes(token)),
        events: details.filter((s) => s.includes(token)).length,
        thrown: dump(thrown).includes(token),
        itemErrors: items.map((i) => dump(i.error)).filter((s) => s.includes(token)),
      };
      expect(leaks).to.deep.equal({ urls: [], dom: [], console: [], events: 0, thrown: false, itemErrors: [] });
      expect(details.length).to.be.greaterThan(2);
    } finally {
      observer.disconnect();
      for (const [name, fn] of real) console[name] = fn;
      for (const name of names) document.removeEventListener(name, record, true);
    }
  });

  it('a token for workspace A gets 403 on workspace B', async () => {
    const [a, b] = [await newWorkspace(), await newWorkspace()];
    const intruder = clientFor(b, { tokenProvider: () => a.token, retry: { retries: 0 } });
    const own = await clientFor(b).upload(new File(['b'], 'b.txt'));
    for (const call of [() => intruder.list(), () => intruder.info(own.id), () => intruder.upload(new File(['x'], 'x.txt'))]) {
      const error = (await rejectionOf(call())) as { status: number; code: string };
      expect({ status: error.status, code: error.code }).to.deep.equal({ status: 403, code: 'forbidden' });
    }
    expect((await clientFor(b).list()).length).to.equal(1);
  });
});

describe('markup never becomes DOM', () => {
  // No "/": multipart names keep only their last path segment (see bad-input.test.ts).
  const MARKUP = '<img src=x onerror=alert(1)><script>alert(2)<b>&amp;';
  // Markup parsed off the page (innerHTML of a detached node) is in no tree to look at, and
  // its image fails to load in its own time: no event comes after that one (an image of
  // ours for the same URL can fail first; tried).
  const MARKUP_OFF_PAGE = 'no event follows a detached image failing to load';

  it('a stored name with markup renders as text on the card', async () => {
    const alerts = spyAlert();
    try {
      const { client } = await workspace();
      const info = await store(client, 'x', `${MARKUP}.bin`, 'application/octet-stream');
      const el = mountFile({ 'file-id': info.id }, { client });
      expect((await settled(el)).type).to.equal('deeplake-load');
      expect(shown(el)).to.equal('card');
      expect(el.shadowRoot!.querySelectorAll('script, img, b').length).to.equal(0);
      expect(el.shadowRoot!.textContent).to.include(`${MARKUP}.bin`);
      await quietFor(100, MARKUP_OFF_PAGE);
      expect(alerts.calls).to.deep.equal([]);
    } finally {
      alerts.restore();
    }
  });

  it('an SVG with a script, served as image/svg+xml, never executes and is never inline', async () => {
    const alerts = spyAlert();
    try {
      const { client } = await workspace();
      const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="5" height="5"/></svg>';
      const info = await store(client, svg, 'evil.svg', 'image/svg+xml');
      const el = mountFile({ 'file-id': info.id }, { client });
      expect((await settled(el)).type).to.equal('deeplake-load');
      expect(shown(el)).to.equal('img');
      expect(el.shadowRoot!.querySelectorAll('svg script, svg[onload], iframe, object').length).to.equal(0);
      const img = part<HTMLImageElement>(el, 'image')!;
      await until(() => img.complete && img.naturalWidth > 0, 'the SVG is drawn as an image');
      await quietFor(100, MARKUP_OFF_PAGE);
      expect(alerts.calls).to.deep.equal([]);
    } finally {
      alerts.restore();
    }
  });

  it('HTML content is a card, never rendered', async () => {
    const alerts = spyAlert();
    try {
      const { client } = await workspace();
      const info = await store(client, '<h1 id=owned>owned</h1><script>alert(1)</script>', 'page.html', 'text/html');
      const el = mountFile({ 'file-id': info.id }, { client });
      expect((await settled(el)).type).to.equal('deeplake-load');
      expect(shown(el)).to.equal('card');
      expect(el.shadowRoot!.querySelectorAll('h1, script, iframe, object, embed').length).to.equal(0);
      await quietFor(100, MARKUP_OFF_PAGE);
      expect(alerts.calls).to.deep.equal([]);
    } finally {
      alerts.restore();
    }
  });
});

type CspWindow = Window & typeof globalThis & { cspViolations: string[]; cspReady: Promise<{ DeepLakeClient: typeof Client }> };

async function cspFrame(query = ''): Promise<CspWindow> {
  const frame = fixtureSync<HTMLIFrameElement>(html`<iframe src=${`/__csp-page.html${query}`} title="csp"></iframe>`);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as CspWindow;
  await win.cspReady;
  return win;
}

/**
 * The violations reported before now: an image from another origin is refused (img-src
 * or default-src) and its report waits; reports are events of one task source, so any
 * earlier violation's comes first.
 */
async function violationsBefore(win: CspWindow): Promise<string[]> {
  const probe = `https://csp-probe.invalid/${crypto.randomUUID()}.png`;
  const img = win.document.createElement('img');
  img.src = probe;
  const at = await until(() => win.cspViolations.findIndex((v) => v.endsWith(probe)) + 1, 'the probe image is reported');
  img.remove();
  return win.cspViolations.slice(0, at - 1);
}

describe("under a strict CSP (default-src 'self', in an iframe)", () => {
  it('the page really refuses inline scripts (the policy applies)', async () => {
    const win = await cspFrame();
    const script = win.document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    win.document.body.append(script);
    await until(() => win.cspViolations.some((v) => v.startsWith('script-src')), 'the inline script is reported');
    expect((win as unknown as { inlineRan?: boolean }).inlineRan).to.equal(undefined);
  });

  it('Trusted Types are enforced (?tt) (skipped in an engine without Trusted Types)', async function () {
    const win = await cspFrame('?tt');
    if (!('trustedTypes' in win)) this.skip(); // the elements still run under that CSP below
    expect(() => (win.document.body.innerHTML = '<b>x</b>')).to.throw();
  });

  for (const [label, query, name, type, expected] of [
    ['text', '', 'note.txt', 'text/plain', 'pre'],
    ['an image, with img-src blob: data:', '?img', 'dot.svg', 'image/svg+xml', 'img'],
    ["an image under Trusted Types (require-trusted-types-for 'script'; trusted-types lit-html deeplake-worker)", '?img&tt', 'dot.svg', 'image/svg+xml', 'img'],
  ] as const) {
    it(`an upload and a file render (${label}) work with no violation`, async () => {
      const win = await cspFrame(query);
      const { ws } = await workspace();
      const { DeepLakeClient } = await win.cspReady;
      const client = new DeepLakeClient({ apiUrl: location.origin, workspace: ws.workspace, tokenProvider: () => ws.token });
      const doc = win.document;
      const uploader = doc.createElement('deeplake-uploader');
      Object.assign(uploader, { client, multiple: true });
      doc.body.append(uploader);
      const body = type === 'text/plain' ? 'hello' : '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>';
      const success = when(uploader, 'deeplake-success');
      uploader.addFiles([new win.File([body], name, { type })]);
      const { info } = await success;
      const file = doc.createElement('deeplake-file');
      Object.assign(file, { client, loading: 'eager' });
      file.setAttribute('file-id', info.id);
      doc.body.append(file);
      const outcome = await settled(file as never);
      expect(outcome.type).to.equal('deeplake-load');
      expect(shown(file as never)).to.equal(expected);
      expect(await violationsBefore(win)).to.deep.equal([]);
    });
  }

  // The image worker (image-max): a Trusted Types sink, through the `deeplake-worker` policy.
  for (const [label, query, resized] of [
    ['a photo resized in the image worker, under Trusted Types with `deeplake-worker` allowed, with no violation', '?img&tt', true],
    ['a photo under Trusted Types without `deeplake-worker`: sent as it is, note "unsupported"', '?img&tt=lit', false],
    ["a photo resized under default-src 'self' (the worker file is same-origin script)", '?img', true],
  ] as const) {
    it(label, async function () {
      const win = await cspFrame(query);
      if (query.includes('tt') && !('trustedTypes' in win)) skipHere(this, 'no Trusted Types');
      const { ws } = await workspace();
      const { DeepLakeClient } = await win.cspReady;
      const client = new DeepLakeClient({ apiUrl: location.origin, workspace: ws.workspace, tokenProvider: () => ws.token });
      const uploader = win.document.createElement('deeplake-uploader');
      Object.assign(uploader, { client, imageMax: '100' });
      win.document.body.append(uploader);
      const photo = await phoneJpeg('photo.jpg', 400, 200);
      const success = when(uploader, 'deeplake-success');
      uploader.addFiles([new win.File([photo], photo.name, { type: photo.type })]);
      const { item } = await success;
      if (resized) {
        expect(item.prepared).to.deep.equal({ originalSize: photo.size, note: undefined });
        expect(item.total).to.be.below(photo.size);
        expect(await violationsBefore(win)).to.deep.equal([]);
      } else {
        expect(item.prepared?.note).to.equal('unsupported');
        expect(item.total).to.equal(photo.size);
        expect(win.cspViolations.some((v) => v.startsWith('trusted-types'))).to.equal(true);
      }
    });
  }
});
