/**
 * `<deeplake-file>` renders each kind of file with the right element, from real files
 * stored on the emulator: PNG, WAV, WebM, PDF, text, an SVG and an HTML page that try to
 * run script, and an unknown binary. Axe passes on every one of them.
 */
import { expect } from '@open-wc/testing';
import type { DeepLakeClient, FileInfo } from '../../src/client/index.js';
import { inline } from '../../src/file/url-cache.js';
import { skipHere } from './engine.js';
import { canEncodeWebm, HOSTILE_HTML, HOSTILE_SVG, makePdf, makePng, makeWav, makeWebm, TEXT } from './file-fixtures.js';
import { mountLoaded, part, shown, spyAlert, store, until, workspace, type DeepLakeFile } from './file-helpers.js';

describe('<deeplake-file> kinds', () => {
  let client: DeepLakeClient;
  const files: Record<string, FileInfo> = {};
  let webm = false;

  before(async () => {
    ({ client } = await workspace());
    webm = await canEncodeWebm();
    const fixtures: Array<[string, BlobPart, string, string]> = [
      ['png', await makePng(), 'sunset.png', 'image/png'],
      ['wav', makeWav(), 'tone.wav', 'audio/wav'],
      ['pdf', makePdf(), 'report.pdf', 'application/pdf'],
      ['text', TEXT, 'notes.txt', 'text/plain'],
      ['long', 'x'.repeat(70 * 1024), 'long.log', 'text/plain'],
      ['svg', HOSTILE_SVG, 'logo.svg', 'image/svg+xml'],
      ['html', HOSTILE_HTML, 'page.html', 'text/html'],
      ['zip', new Uint8Array(1500).fill(7), 'Résumé 2026 "final".zip', 'application/zip'],
    ];
    if (webm) fixtures.push(['webm', await makeWebm(), 'clip.webm', 'video/webm']);
    for (const [key, bytes, name, type] of fixtures) files[key] = await store(client, bytes, name, type);
  });

  const mountKind = (key: string, attrs: Record<string, string | boolean> = {}) => mountLoaded({ 'file-id': files[key]!.id, ...attrs }, { client });

  // A small image: a data: URL of its bytes (url-cache.ts); over inline.max, an object URL.
  for (const max of [inline.max, -1]) {
    const scheme = max < 0 ? 'blob:' : 'data:image/png;base64,';
    it(`shows a PNG as an <img> from a ${scheme.split(':')[0]}: URL${max < 0 ? ' (over inline.max)' : ''}, with the file name as alt text`, async () => {
      const was = inline.max;
      inline.max = max;
      try {
        const el = await mountKind('png');
        const img = part<HTMLImageElement>(el, 'image')!;
        expect(shown(el)).to.equal('img');
        expect(img.src.startsWith(scheme)).to.equal(true);
        expect(img.alt).to.equal('sunset.png');
        await until(() => img.complete && img.naturalWidth > 0, 'the PNG decodes');
        expect([img.naturalWidth, img.naturalHeight]).to.deep.equal([96, 64]);
        expect(el.info?.id).to.equal(files.png!.id);
        expect(el.info?.name).to.equal('sunset.png');
      } finally {
        inline.max = was;
      }
    });
  }

  it('takes alt from the attribute, and alt="" marks the image decorative', async () => {
    const described = await mountKind('png', { alt: 'A sunset over the lake' });
    expect(part<HTMLImageElement>(described, 'image')!.alt).to.equal('A sunset over the lake');
    const decorative = await mountKind('png', { alt: '' });
    expect(part<HTMLImageElement>(decorative, 'image')!.getAttribute('alt')).to.equal('');
  });

  it('plays a WAV in <audio controls>', async () => {
    const el = await mountKind('wav');
    const audio = part<HTMLAudioElement>(el, 'audio')!;
    expect(shown(el)).to.equal('audio');
    expect(audio.controls).to.equal(true);
    expect(audio.src.startsWith('blob:')).to.equal(true);
  });

  it('plays a WebM in <video controls>', async function () {
    if (!webm) skipHere(this, 'no WebCodecs VP8 encoder to make the WebM with');
    const el = await mountKind('webm');
    const video = part<HTMLVideoElement>(el, 'video')!;
    expect(shown(el)).to.equal('video');
    expect(video.controls).to.equal(true);
    expect(video.src.startsWith('blob:')).to.equal(true);
    // The muxed file is real: the browser reads its size from the container.
    await until(() => video.videoWidth > 0 || !!video.error, 'the video metadata loads');
    expect(video.error?.message ?? '').to.equal('');
    expect([video.videoWidth, video.videoHeight]).to.deep.equal([96, 64]);
  });

  it('embeds a PDF in <object>, with a download card as its fallback', async () => {
    const el = await mountKind('pdf');
    const object = part<HTMLObjectElement>(el, 'pdf')!;
    expect(shown(el)).to.equal('object');
    expect(object.type).to.equal('application/pdf');
    expect(object.data.startsWith('blob:')).to.equal(true);
    const fallback = object.querySelector<HTMLAnchorElement>('[part~=download-button]')!;
    expect(fallback.getAttribute('download')).to.equal('report.pdf');
    expect(fallback.href).to.equal(object.data);
  });

  it('shows text as escaped, preformatted text', async () => {
    const el = await mountKind('text');
    const pre = part(el, 'text')!;
    expect(shown(el)).to.equal('pre');
    expect(pre.textContent).to.equal(TEXT);
    expect(pre.children.length, 'no element made out of the text').to.equal(0);
    expect(part(el, 'note')).to.equal(null);
  });

  it('shows the first 64 KiB of a longer text, and says so', async () => {
    const el = await mountKind('long');
    expect(part(el, 'text')!.textContent.length).to.equal(64 * 1024);
    expect(part(el, 'note')!.textContent.trim()).to.equal('Showing the first 66 kB of 72 kB');
  });

  describe('files that carry script', () => {
    let alerts: ReturnType<typeof spyAlert>;
    beforeEach(() => (alerts = spyAlert()));
    afterEach(() => alerts.restore());

    it('draws an SVG only through <img>: never inlined, its script and onload never run', async () => {
      const el = await mountKind('svg');
      const img = part<HTMLImageElement>(el, 'image')!;
      expect(shown(el)).to.equal('img');
      await until(() => img.complete && img.naturalWidth > 0, 'the SVG is drawn');
      expect(img.naturalWidth).to.equal(120);
      // A data: URL, not blob: (see url-cache.ts): opened in a tab it gets no origin to script.
      expect(img.src.startsWith('data:image/svg+xml;base64,')).to.equal(true);
      expect(el.shadowRoot!.querySelectorAll('svg, script, iframe, object').length).to.equal(0);
      expect(document.querySelectorAll('svg script, body > script:not([src])').length).to.equal(0);
      expect(alerts.calls).to.deep.equal([]);
    });

    it('offers HTML only as a download card, typed so it cannot render', async () => {
      const el = await mountKind('html');
      expect(shown(el)).to.equal('card');
      expect(el.shadowRoot!.querySelectorAll('iframe, object, pre, img').length).to.equal(0);
      const link = part<HTMLAnchorElement>(el, 'download-button')!;
      expect(link.getAttribute('download')).to.equal('page.html');
      const href = await followDownload(el);
      expect((await (await fetch(href)).blob()).type).to.equal('application/octet-stream');
      expect(alerts.calls).to.deep.equal([]);
    });
  });

  it('shows anything else as a card: icon, name, size, and a link that saves under the original name', async () => {
    const el = await mountKind('zip');
    expect(shown(el)).to.equal('card');
    expect(part(el, 'name')!.textContent).to.equal('Résumé 2026 "final".zip');
    expect(part(el, 'size')!.textContent).to.equal('1.5 kB');
    expect(!!part(el, 'icon')).to.equal(true);
    const link = part<HTMLAnchorElement>(el, 'download-button')!;
    expect(link.getAttribute('download')).to.equal('Résumé 2026 "final".zip');
    expect(link.getAttribute('aria-label')).to.equal('Download Résumé 2026 "final".zip');
    // The bytes are fetched on the first click only, then the same link saves them.
    const href = await followDownload(el);
    expect(href.startsWith('blob:')).to.equal(true);
    expect((await (await fetch(href)).arrayBuffer()).byteLength).to.equal(1500);
  });

  it('shows a card for any type when the download attribute is set', async () => {
    const el = await mountKind('png', { download: true });
    expect(shown(el)).to.equal('card');
    expect(part(el, 'download-button')!.getAttribute('download')).to.equal('sunset.png');
  });

  it('passes axe in every loaded kind', async () => {
    for (const key of ['png', 'wav', 'pdf', 'text', 'long', 'svg', 'html', 'zip', ...(webm ? ['webm'] : [])]) {
      const el = await mountKind(key);
      await expect(el, key).to.be.accessible();
      el.remove();
    }
  });
});

/**
 * Clicks the card's download link and returns where it then points. The real download is
 * cancelled (a capture listener on the document sees the link's second, programmatic click
 * first); the element's own first-click handler runs at the link itself, after it.
 */
async function followDownload(el: DeepLakeFile): Promise<string> {
  const clicks: string[] = [];
  const cancel = (event: Event) => {
    const link = event.composedPath()[0] as HTMLAnchorElement;
    if (link.localName !== 'a') return;
    clicks.push(link.href);
    if (link.href.startsWith('blob:')) event.preventDefault();
  };
  document.addEventListener('click', cancel, true);
  try {
    part<HTMLAnchorElement>(el, 'download-button')!.click();
    await until(() => clicks.length === 2, 'the link is followed once its bytes are there');
    return clicks[1]!;
  } finally {
    document.removeEventListener('click', cancel, true);
  }
}
