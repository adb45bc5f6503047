/**
 * `<deeplake-file>` layout: a download card keeps its name readable on a phone (the start
 * of a long name gives way, its end and extension stay, the size sits under it and the
 * button wraps below before the name starves), and `fit="cover"` makes every kind of file
 * the same tile: images and video cropped to cover, text, cards, PDFs and states filling it.
 */
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import type { DeepLakeClient, FileInfo } from '../../src/client/index.js';
import { makePdf, makePng, makeWav, TEXT } from './file-fixtures.js';
import { mountLoaded, part, reads, settled, shown, store, until, workspace, type DeepLakeFile } from './file-helpers.js';
import { clientFor, type TestWorkspace } from './emulator-control.js';

const LONG = 'quarterly-financial-report-for-the-board-2026-Q3-final.zip';

const box = (el: Element) => el.getBoundingClientRect();

describe('<deeplake-file> layout', () => {
  let client: DeepLakeClient;
  let ws: TestWorkspace;
  const files: Record<string, FileInfo> = {};

  before(async () => {
    ({ client, ws } = await workspace());
    const fixtures: Array<[string, BlobPart, string, string]> = [
      ['long', new Uint8Array(2_345_678), LONG, 'application/zip'],
      ['short', new Uint8Array(10), 'a.zip', 'application/zip'],
      ['png', await makePng(), 'photo.png', 'image/png'],
      ['wav', makeWav(), 'tone.wav', 'audio/wav'],
      ['pdf', makePdf(), 'report.pdf', 'application/pdf'],
      ['text', TEXT.repeat(40), 'notes.txt', 'text/plain'],
    ];
    for (const [key, bytes, name, type] of fixtures) files[key] = await store(client, bytes, name, type);
  });

  /** A loaded element inside a box `width` px wide (`display` as the page lays it out). */
  async function inBox(key: string, width: number, attrs: Record<string, string> = {}, display = 'block'): Promise<DeepLakeFile> {
    const wrap = await fixture<HTMLElement>(html`<div style="inline-size: ${width}px; display: ${display}; font: 16px/1.5 sans-serif"></div>`);
    const el = await mountLoaded({ 'file-id': files[key]!.id, ...attrs }, { client });
    wrap.append(el);
    await el.updateComplete;
    return el;
  }

  for (const width of [320, 390]) {
    it(`keeps a long name readable in a card ${width} px wide: its start gives way, its end stays`, async () => {
      const el = await inBox('long', width);
      const card = part(el, 'card')!;
      const name = part(el, 'name')!;
      const tail = el.shadowRoot!.querySelector('.tail')!;
      expect(name.title).to.equal(LONG);
      expect(name.textContent).to.equal(LONG);
      // Half the card's width or more goes to the name, not 2–3 letters of it.
      expect(box(name).width).to.be.greaterThan(box(card).width * 0.45);
      // The end of the name, with its extension, is shown whole, inside the card.
      expect(tail.textContent.endsWith('.zip')).to.equal(true);
      expect(box(tail).right).to.be.at.most(box(card).right);
      expect(box(tail).left).to.be.at.least(box(name).left);
      // The size is shown, and not beside the name, where it would take its room.
      const size = part(el, 'size')!;
      expect(size.textContent).to.match(/2\.3\s?MB/);
      expect(box(size).top).to.be.at.least(box(name).bottom - 1);
      // The button is whole and inside the card.
      const button = part(el, 'download-button')!;
      expect(box(button).right).to.be.at.most(box(card).right);
      expect(button.scrollWidth).to.be.at.most(button.clientWidth + 1);
    });
  }

  it('keeps a short name on one line with its button beside it at 390 px', async () => {
    const el = await inBox('short', 390);
    const name = part(el, 'name')!;
    const button = part(el, 'download-button')!;
    expect(Math.abs(box(name).top - box(button).top)).to.be.lessThan(box(button).height);
  });

  it('cards in a column are all as wide as the column', async () => {
    const wrap = await fixture<HTMLElement>(html`<div style="display: grid; inline-size: 360px"></div>`);
    const els = await Promise.all(['long', 'short'].map((key) => mountLoaded({ 'file-id': files[key]!.id }, { client })));
    wrap.append(...els);
    const widths = els.map((el) => Math.round(box(part(el, 'card')!).width));
    expect(widths).to.deep.equal([360, 360]);
  });

  it('shows a PDF as a card, without downloading its bytes, where the browser has no inline PDF viewer (most phones)', async () => {
    Object.defineProperty(navigator, 'pdfViewerEnabled', { value: false, configurable: true });
    try {
      const el = await mountLoaded({ 'file-id': files.pdf!.id }, { client });
      expect(shown(el)).to.equal('card');
      // One request, whose headers say it is a PDF; its body is cancelled (file-speed.test.ts checks that).
      expect((await reads(ws)).filter((r) => r.endsWith(files.pdf!.id))).to.deep.equal([`content ${files.pdf!.id}`]);
    } finally {
      delete (navigator as { pdfViewerEnabled?: boolean }).pdfViewerEnabled;
    }
    expect(navigator.pdfViewerEnabled).to.be.a('boolean');
  });

  describe('fit="cover"', () => {
    /** Every kind in a 200 × 150 tile: the element's box and what it rendered. */
    async function tile(key: string, fit = 'cover') {
      const wrap = await fixture<HTMLElement>(html`<div style="inline-size: 200px; --deeplake-file-height: 150px"></div>`);
      const el = await mountLoaded({ 'file-id': files[key]!.id, fit }, { client });
      wrap.append(el);
      await el.updateComplete;
      const shownNode = el.shadowRoot!.querySelector('img, video, audio, object, pre, [part~=card]')!;
      return { el, host: box(el), node: box(shownNode), shownNode };
    }

    it('crops an image to cover the whole tile', async () => {
      const { host, node, shownNode } = await tile('png');
      expect([host.width, host.height]).to.deep.equal([200, 150]);
      expect([node.width, node.height]).to.deep.equal([200, 150]);
      expect(getComputedStyle(shownNode).objectFit).to.equal('cover');
    });

    it('letterboxes with fit="contain"', async () => {
      const { node, shownNode } = await tile('png', 'contain');
      expect([node.width, node.height]).to.deep.equal([200, 150]);
      expect(getComputedStyle(shownNode).objectFit).to.equal('contain');
    });

    for (const key of ['long', 'text', 'pdf']) {
      it(`fills the same tile with ${key === 'long' ? 'a download card' : key === 'pdf' ? 'a PDF (as a card)' : 'text'}`, async () => {
        const { el, host, node } = await tile(key);
        expect([host.width, host.height]).to.deep.equal([200, 150]);
        expect([node.width, node.height]).to.deep.equal([200, 150]);
        if (key === 'pdf') expect(shown(el)).to.equal('card');
        await expect(el).to.be.accessible();
      });
    }

    it('keeps audio inside the tile', async () => {
      const { host, node } = await tile('wav');
      expect([host.width, host.height]).to.deep.equal([200, 150]);
      expect(node.top).to.be.at.least(host.top);
      expect(node.bottom).to.be.at.most(host.bottom);
    });

    it('fills the tile while it waits and when it fails', async () => {
      // fixtureSync, and the listener at once: the eager one's 404 may come before a render is awaited.
      // Waiting: for a token that never comes, so "Loading…" stays as long as the test looks.
      const stalled = clientFor(ws, { tokenProvider: () => new Promise<string>(() => {}) });
      const wrap = fixtureSync<HTMLElement>(
        html`<div style="inline-size: 200px; --deeplake-file-height: 150px">
          <deeplake-file fit="cover" loading="eager" .client=${stalled} file-id=${files.png!.id}></deeplake-file>
          <deeplake-file fit="cover" loading="eager" .client=${client} file-id=${crypto.randomUUID()}></deeplake-file>
        </div>`,
      );
      const [waiting, failing] = [...wrap.querySelectorAll('deeplake-file')];
      const failed = settled(failing!);
      await waiting!.updateComplete;
      // Sized by the tile, it waits quietly at first (file.ts quietLoad), the tile's size all the same…
      expect([shown(waiting!), box(waiting!).width, box(waiting!).height]).to.deep.equal(['nothing', 200, 150]);
      // …then says it is loading, filling the tile.
      const loading = await until(() => part(waiting!, 'placeholder'), '"Loading…" once the load takes a while');
      expect([box(loading).height, loading.textContent.trim()]).to.deep.equal([150, 'Loading…']);
      expect((await failed).type).to.equal('deeplake-error');
      expect([box(part(failing!, 'error')!).width, box(part(failing!, 'error')!).height]).to.deep.equal([200, 150]);
    });
  });
});
