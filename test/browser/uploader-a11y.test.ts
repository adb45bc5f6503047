/**
 * `<deeplake-uploader>` accessibility: axe in every visible state, per-file progress
 * bars, the two live regions, and keyboard-only use with real key presses (focus
 * moves to a neighbour when a row is removed).
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { en, fill } from '../../src/i18n/strings.js';
import { clientFor, injectFault, newWorkspace } from './emulator-control.js';
import {
  $$,
  actionButton,
  alertText,
  browseButton,
  drag,
  focused,
  fileOf,
  MB,
  mount,
  mountTemplate,
  onEveryUpdate,
  politeText,
  rowNamed,
  settled,
  when,
  MID_BODY_SIZE,
  whenMidBody,
  type DeepLakeUploader,
} from './uploader-helpers.js';

describe('<deeplake-uploader> accessibility', () => {
  it('passes axe when idle and while files are dragged over', async () => {
    const { el } = await mount({ multiple: true });
    await expect(el).to.be.accessible();
    drag(el, 'dragenter', [fileOf(10, 'x.bin')]);
    await el.updateComplete;
    expect(el.hasAttribute('dragover')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('passes axe while uploading, with a labelled progress bar per file that has aria-valuenow', async () => {
    const { el, ws } = await mount({ multiple: true });
    await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 2 * MB });
    // On every render: a sending row's bar says its percent; a processing row's bar, or one
    // with no byte counted yet, has none (indeterminate).
    const wrong: string[] = [];
    onEveryUpdate(el, () => {
      for (const item of el.items) {
        const bar = el.shadowRoot!.querySelector(`li[data-id="${item.id}"] [role=progressbar]`);
        if (item.status !== 'uploading') continue;
        const now = bar?.getAttribute('aria-valuenow');
        const want = item.phase === 'processing' || item.loaded === 0 ? null : String(Math.floor((item.loaded / item.total) * 100));
        if (now !== want) wrong.push(`${item.phase} ${item.loaded}/${item.total}: ${now} != ${want}`);
      }
    });
    el.addFiles([fileOf(MID_BODY_SIZE, 'big.bin')]);
    await whenMidBody(el, 'big.bin');
    await settled(el);
    const bar = rowNamed(el, 'big.bin').querySelector('[role=progressbar]')!;
    expect(bar.getAttribute('aria-label')).to.equal('big.bin');
    expect([bar.getAttribute('aria-valuemin'), bar.getAttribute('aria-valuemax')]).to.deep.equal(['0', '100']);
    const now = Number(bar.getAttribute('aria-valuenow'));
    expect(now).to.be.within(0, 99);
    expect(bar.hasAttribute('aria-valuenow')).to.equal(true);
    await expect(el).to.be.accessible();
    expect(wrong).to.deep.equal([]);
    el.cancel();
  });

  it('passes axe with a failed file and with refused files', async () => {
    const { el, ws } = await mount({ multiple: true, retries: 0, accept: '.bin' });
    await injectFault(ws.workspace, { match: { method: 'POST' }, status: 500 });
    const failed = when(el, 'deeplake-error');
    el.addFiles([fileOf(100, 'fails.bin'), fileOf(100, 'refused.txt')]);
    await failed;
    await settled(el);
    expect(rowNamed(el, 'fails.bin').dataset.status).to.equal('error');
    expect(rowNamed(el, 'refused.txt').dataset.status).to.equal('rejected');
    await expect(el).to.be.accessible();
  });

  it('passes axe when done, with no progress bar left on the row', async () => {
    const { el } = await mount({ multiple: true });
    const complete = when(el, 'deeplake-complete');
    el.addFiles([fileOf(100, 'a.bin')]);
    await complete;
    await settled(el);
    expect(!!rowNamed(el, 'a.bin').querySelector('[role=progressbar]')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('announces added and finished files politely, and every one of them', async () => {
    const { el } = await mount({ multiple: true });
    const spoken: string[] = [];
    onEveryUpdate(el, () => {
      const text = politeText(el);
      if (text && spoken.at(-1) !== text) spoken.push(text);
    });
    const complete = when(el, 'deeplake-complete');
    el.addFiles([fileOf(100, 'one.bin')]);
    await settled(el);
    expect(spoken[0]).to.equal(fill(en.announceAddedOne, { name: 'one.bin' }));
    await complete;
    await settled(el);
    const regionTexts = spoken.join(' | ');
    expect(regionTexts).to.contain('one.bin uploaded');
    expect(regionTexts).to.contain('All uploads finished');
    expect(alertText(el), 'nothing assertive for good news').to.equal('');
  });

  it('says files that finish together as one count, not a flood of names', async () => {
    const { el } = await mount({ multiple: true });
    const region = () => el.shadowRoot!.querySelector('[role=status]')!;
    // Every announcement is a new node in the polite region: record them as they come.
    const said: string[] = [];
    const watcher = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLElement) said.push(n.textContent.trim());
    });
    watcher.observe(region(), { childList: true });
    let most = 0;
    onEveryUpdate(el, () => (most = Math.max(most, region().children.length)));
    const complete = when(el, 'deeplake-complete');
    el.addFiles(Array.from({ length: 40 }, (_, i) => fileOf(100, `f${i}.bin`)));
    await complete;
    await settled(el);
    watcher.disconnect();
    // An update says at most: the files finished since the last one (one message), a
    // progress milestone, and completion.
    expect(most, said.join(' | ')).to.be.at.most(3);
    // Every file is told, by name or in a count, exactly once.
    let told = 0;
    for (const m of said) {
      const many = /^(\d+) files uploaded$/.exec(m);
      if (many) told += Number(many[1]);
      else if (/^f\d+\.bin uploaded$/.test(m)) told++;
    }
    expect(told, said.join(' | ')).to.equal(40);
    expect(said.at(-1)).to.equal(en.announceComplete);
  });

  it('announces a refusal assertively', async () => {
    const { el } = await mount({ multiple: true, accept: 'image/*' });
    el.addFiles([fileOf(100, 'notes.txt', 'text/plain')]);
    await settled(el);
    expect(alertText(el)).to.equal('notes.txt was not added: This type of file is not accepted');
    expect(politeText(el)).to.equal('');
  });

  describe('keyboard only', () => {
    async function threeDoneFiles() {
      const ws = await newWorkspace();
      const root = await mountTemplate<HTMLElement>(
        html`<div>
          <button id="before">before</button>
          <deeplake-uploader multiple .client=${clientFor(ws)}></deeplake-uploader>
        </div>`,
      );
      const el = root.querySelector('deeplake-uploader')!;
      const complete = when(el, 'deeplake-complete');
      el.addFiles(['a.bin', 'b.bin', 'c.bin'].map((name, i) => fileOf(100, name, '', i + 1)));
      await complete;
      await settled(el);
      root.querySelector<HTMLButtonElement>('#before')!.focus();
      return el;
    }
    const removeOf = (el: DeepLakeUploader, name: string) => actionButton(rowNamed(el, name), 'remove')!;

    it('reaches the browse button, then each row’s buttons, with Tab', async () => {
      const el = await threeDoneFiles();
      const order: string[] = [];
      for (let i = 0; i < 4; i++) {
        await sendKeys({ press: 'Tab' });
        order.push(focused(el));
      }
      expect(order).to.deep.equal(['button: choose files', 'button: Remove a.bin', 'button: Remove b.bin', 'button: Remove c.bin']);
      expect(el.shadowRoot!.activeElement === removeOf(el, 'c.bin'), 'the row’s own button').to.equal(true);
    });

    it('removes rows with Enter and Space, moving focus to the next row, else the browse button', async () => {
      const el = await threeDoneFiles();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('button: Remove a.bin');

      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(el.items.map((i) => i.relativePath)).to.deep.equal(['b.bin', 'c.bin']);
      expect(focused(el)).to.equal('button: Remove b.bin');

      // ' ', not the key name 'Space', which puppeteer's Firefox keyboard does not know.
      await sendKeys({ press: ' ' });
      await settled(el);
      expect(el.items.map((i) => i.relativePath)).to.deep.equal(['c.bin']);
      expect(focused(el)).to.equal('button: Remove c.bin');

      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(el.items).to.deep.equal([]);
      expect($$(el, 'li').length).to.equal(0);
      expect(focused(el)).to.equal('button: choose files');
      expect(el.shadowRoot!.activeElement === browseButton(el)).to.equal(true);
    });

    it('moves focus to the previous row when the last row is removed', async () => {
      const el = await threeDoneFiles();
      for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('button: Remove c.bin');
      await sendKeys({ press: ' ' });
      await settled(el);
      expect(el.items.map((i) => i.relativePath)).to.deep.equal(['a.bin', 'b.bin']);
      expect(focused(el)).to.equal('button: Remove b.bin');
    });

    it('moves focus along refused rows too when one is dismissed', async () => {
      const { el } = await mount({ multiple: true, manual: true, accept: '.bin' });
      el.addFiles([fileOf(10, 'kept.bin'), fileOf(10, 'r1.txt'), fileOf(10, 'r2.txt')]);
      await settled(el);
      removeOf(el, 'r1.txt').focus();
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(el.shadowRoot!.textContent).to.not.contain('r1.txt');
      expect(focused(el), 'the next row').to.equal('button: Remove r2.txt');
      await sendKeys({ press: ' ' });
      await settled(el);
      expect(focused(el), 'the previous row').to.equal('button: Remove kept.bin');
    });

    it('keeps focus in a row whose buttons change under it', async () => {
      const { el, ws } = await mount({ multiple: true });
      await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 8 * MB });
      const complete = when(el, 'deeplake-complete');
      el.addFiles([fileOf(MID_BODY_SIZE, 'moving.bin')]);
      await whenMidBody(el, 'moving.bin');
      await settled(el);
      actionButton(rowNamed(el, 'moving.bin'), 'cancel')!.focus();
      expect(focused(el)).to.equal('button: Cancel moving.bin');
      // The upload finishes while its cancel button has focus: that button goes.
      await complete;
      await settled(el);
      expect(focused(el), 'focus stays in the row').to.equal('button: Remove moving.bin');
    });
  });
});
