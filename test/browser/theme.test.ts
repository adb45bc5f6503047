/**
 * Light or dark follows the page's `color-scheme`, not the OS preference alone: a light-only
 * page (one that declares nothing) seen with a dark preference shows light elements; a page
 * that declares `light dark` follows the preference; `theme="…"` or CSS `color-scheme` on
 * the element forces either. Colors are read from the rendered shadow DOM, in both elements.
 * The preference is emulated where the engine lets the runner do it (Chromium); the tests
 * that need no emulation run everywhere.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { skipHere } from './engine.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/index.js';
import type { DeepLakeFile, DeepLakeUploader } from '../../src/index.js';

const LIGHT = { surface: 'rgb(246, 248, 250)', background: 'rgb(255, 255, 255)' };
const DARK = { surface: 'rgb(21, 27, 35)', background: 'rgb(13, 17, 23)' };

/** An uploader and a `<deeplake-file>` (an id that is not a UUID: an error box, no request). */
async function mount(theme?: string): Promise<{ uploader: DeepLakeUploader; file: DeepLakeFile; wrap: HTMLElement }> {
  const wrap = await fixture<HTMLElement>(
    html`<div>
      <deeplake-uploader aria-label="Files" theme=${ifDefined(theme)}></deeplake-uploader>
      <deeplake-file file-id="not-a-uuid" loading="eager" theme=${ifDefined(theme)}></deeplake-file>
    </div>`,
  );
  const uploader = wrap.querySelector('deeplake-uploader')!;
  const file = wrap.querySelector('deeplake-file')!;
  await uploader.updateComplete;
  await file.updateComplete;
  return { uploader, file, wrap };
}

/** The palette the elements drew with: the drop zone's surface and the file error box's background. */
function palette({ uploader, file }: { uploader: DeepLakeUploader; file: DeepLakeFile }) {
  const zone = uploader.shadowRoot!.querySelector('[part~="dropzone"]')!;
  const box = file.shadowRoot!.querySelector('[part~="error"]')!;
  // The drop zone's colors have a transition: read where a change of scheme ends.
  for (const animation of zone.getAnimations()) animation.finish();
  return { surface: getComputedStyle(zone).backgroundColor, background: getComputedStyle(box).backgroundColor };
}

/** Emulates the OS preference; false where the engine's launcher cannot. */
async function prefer(colorScheme: 'light' | 'dark'): Promise<boolean> {
  try {
    await emulateMedia({ colorScheme });
    return matchMedia(`(prefers-color-scheme: ${colorScheme})`).matches;
  } catch {
    return false;
  }
}

describe('theme: the page’s color-scheme decides', () => {
  const root = document.documentElement;

  afterEach(async () => {
    root.style.removeProperty('color-scheme');
    await prefer('light');
  });

  it('is light on a page that declares no color-scheme, even when the reader prefers dark', async function () {
    if (!(await prefer('dark'))) skipHere(this, 'the test runner cannot emulate prefers-color-scheme here');
    expect(getComputedStyle(root).colorScheme).to.equal('normal');
    expect(palette(await mount())).to.deep.equal(LIGHT);
  });

  it('follows the preference on a page that says color-scheme: light dark', async function () {
    root.style.setProperty('color-scheme', 'light dark');
    if (!(await prefer('dark'))) skipHere(this, 'the test runner cannot emulate prefers-color-scheme here');
    const els = await mount();
    expect(palette(els)).to.deep.equal(DARK);
    await prefer('light');
    expect(palette(els)).to.deep.equal(LIGHT);
  });

  it('is dark on a page that says color-scheme: dark, whatever the preference', async () => {
    root.style.setProperty('color-scheme', 'dark');
    expect(palette(await mount())).to.deep.equal(DARK);
  });

  it('theme="dark" forces dark on a light page, and theme="light" light on a dark one', async () => {
    expect(palette(await mount('dark'))).to.deep.equal(DARK);
    root.style.setProperty('color-scheme', 'dark');
    expect(palette(await mount('light'))).to.deep.equal(LIGHT);
  });

  it('theme="auto" follows the preference on a light-only page', async function () {
    const els = await mount('auto');
    expect(palette(els)).to.deep.equal(LIGHT);
    if (!(await prefer('dark'))) skipHere(this, 'the test runner cannot emulate prefers-color-scheme here');
    expect(palette(els)).to.deep.equal(DARK);
  });

  it('color-scheme set on the element by the page’s CSS forces it too', async () => {
    const els = await mount();
    for (const el of [els.uploader, els.file]) el.style.colorScheme = 'dark';
    expect(palette(els)).to.deep.equal(DARK);
  });

  it('the page’s --deeplake-* colors still win, in either scheme', async () => {
    const els = await mount('dark');
    els.wrap.style.setProperty('--deeplake-surface', 'rgb(1, 2, 3)');
    els.wrap.style.setProperty('--deeplake-background', 'rgb(4, 5, 6)');
    expect(palette(els)).to.deep.equal({ surface: 'rgb(1, 2, 3)', background: 'rgb(4, 5, 6)' });
  });

  it('passes axe in the dark palette', async () => {
    const { uploader, file } = await mount('dark');
    await expect(uploader).to.be.accessible();
    await expect(file).to.be.accessible();
  });
});
