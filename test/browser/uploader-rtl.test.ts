/**
 * `<deeplake-uploader>` in right-to-left pages and other languages: the row mirrors
 * (actions on the left of the name), and `strings` replaces the visible text.
 */
import { expect, html } from '@open-wc/testing';
import { clientFor, newWorkspace } from './emulator-control.js';
import { $, actionButton, browseButton, fileOf, metaText, mountTemplate, rowNamed, settled, when, type DeepLakeUploader } from './uploader-helpers.js';

async function inDirection(dir: 'ltr' | 'rtl', lang = 'en') {
  const ws = await newWorkspace();
  const root = await mountTemplate<HTMLElement>(
    html`<div dir=${dir} lang=${lang} style="inline-size: 480px">
      <deeplake-uploader multiple manual .client=${clientFor(ws)}></deeplake-uploader>
    </div>`,
  );
  const el = root.querySelector('deeplake-uploader')!;
  el.addFiles([fileOf(1500, 'report.bin')]);
  await settled(el);
  return el;
}

const rectOf = (el: DeepLakeUploader, part: string) => rowNamed(el, 'report.bin').querySelector(`[part=${part}]`)!.getBoundingClientRect();

describe('<deeplake-uploader> direction and language', () => {
  it('puts the row’s actions right of the name in LTR', async () => {
    const el = await inDirection('ltr');
    const [name, actions, thumb] = [rectOf(el, 'name'), rectOf(el, 'actions'), rectOf(el, 'thumbnail')];
    expect(actions.left).to.be.at.least(name.right);
    expect(thumb.right).to.be.at.most(name.left);
  });

  it('puts the row’s actions left of the name under dir="rtl"', async () => {
    const el = await inDirection('rtl');
    const [name, actions, thumb] = [rectOf(el, 'name'), rectOf(el, 'actions'), rectOf(el, 'thumbnail')];
    expect(actions.width).to.be.greaterThan(0);
    expect(actions.right).to.be.at.most(name.left);
    expect(thumb.left, 'the thumbnail leads, on the right').to.be.at.least(name.right);
  });

  it('fills progress bars from the right under dir="rtl"', async () => {
    const el = await inDirection('rtl');
    // The total bar of a queued batch is empty: set its fill by hand to see where it grows from.
    const bar = $(el, '[part=total-progress]')!;
    const fill = $(el, '[part=total-progress-fill]')!;
    fill.style.setProperty('--p', '50');
    // The fill slides in (translate) and the bar clips it: what shows is the overlap.
    const [b, f] = [bar.getBoundingClientRect(), fill.getBoundingClientRect()];
    const shown = { left: Math.max(b.left, f.left), right: Math.min(b.right, f.right) };
    expect(shown.right - shown.left).to.be.closeTo(b.width / 2, 1);
    expect(Math.abs(shown.right - b.right)).to.be.below(1);
  });

  it('shows the strings it is given (Hebrew), in the list and the live region too', async () => {
    const el = await inDirection('rtl', 'he');
    const { strings: he } = await import('../../src/i18n/locales/he.js');
    expect(browseButton(el).textContent.trim()).to.equal('choose files');
    el.strings = he;
    await settled(el);
    expect(browseButton(el).textContent.trim()).to.equal(he.browse);
    expect($(el, '[part=hint]')!.textContent.trim()).to.equal(he.dropHint);
    const row = rowNamed(el, 'report.bin');
    expect(metaText(row)).to.contain(he.statusQueued);
    expect(actionButton(row, 'remove')!.getAttribute('aria-label')).to.equal(he.remove.replace('{name}', 'report.bin'));
    expect($(el, '[part=upload-button]')!.textContent.trim()).to.equal(he.uploadAll);
    expect($(el, 'ul')!.getAttribute('aria-label')).to.equal(he.listLabel);

    const complete = when(el, 'deeplake-complete');
    $<HTMLButtonElement>(el, '[part=upload-button]')!.click();
    await complete;
    await settled(el);
    expect(metaText(rowNamed(el, 'report.bin'))).to.contain(he.statusDone);
    expect($(el, '[role=status]')!.textContent).to.contain(he.announceComplete);

    // A partial override keeps English for the rest.
    el.strings = { browse: 'Pick files' };
    await settled(el);
    expect(browseButton(el).textContent.trim()).to.equal('Pick files');
    expect($(el, '[part=hint]')!.textContent.trim()).to.equal('Drag files here or');
  });

  it('formats sizes for the page language', async () => {
    const el = await inDirection('rtl', 'he');
    const size = new Intl.NumberFormat('he', { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(1.5);
    expect(metaText(rowNamed(el, 'report.bin'))).to.contain(size);
  });
});
