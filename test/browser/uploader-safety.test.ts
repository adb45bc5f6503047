/**
 * `<deeplake-uploader>` safety: a hostile file name is only ever text, and the
 * leave-page guard asks before unloading only while an upload really runs.
 */
import { expect } from '@open-wc/testing';
import { injectFault } from './emulator-control.js';
import { $$, fileOf, MB, MID_BODY_SIZE, mount, quietFor, rowNamed, settled, when, whenMidBody } from './uploader-helpers.js';

const HOSTILE = '<img src=x onerror=alert(1)>.png';

/** Whether a page-level `beforeunload` would ask the person to stay. */
function unloadIsBlocked(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('<deeplake-uploader> safety', () => {
  let alerts: unknown[];
  const realAlert = window.alert;
  beforeEach(() => {
    alerts = [];
    window.alert = (message?: unknown) => void alerts.push(message);
  });
  afterEach(() => {
    window.alert = realAlert;
  });

  it('shows a hostile file name as text, in the list and in a refusal', async () => {
    const { el } = await mount({ multiple: true, 'max-file-size': 1000 });
    const done = when(el, 'deeplake-complete');
    el.addFiles([fileOf(200, HOSTILE, 'image/png', 1), fileOf(2000, HOSTILE, 'image/png', 2)]);
    await done;
    await settled(el);
    const names = $$(el, '[part=name]');
    expect(names.map((n) => n.textContent)).to.deep.equal([HOSTILE, HOSTILE]);
    expect(names.map((n) => n.getAttribute('title'))).to.deep.equal([HOSTILE, HOSTILE]);
    expect(
      names.every((n) => n.children.length === 0),
      'no element made out of the name',
    ).to.equal(true);
    expect(rowNamed(el, HOSTILE).dataset.status).to.equal('done');
    expect(!!el.shadowRoot!.querySelector('img[src=x], [onerror]')).to.equal(false);
    expect(!!document.querySelector('img[src=x], [onerror]')).to.equal(false);
    expect(el.shadowRoot!.innerHTML).to.not.contain('<img src="x"');
    // The live regions speak the name too.
    expect(!!el.shadowRoot!.querySelector('[role=status] img, [role=alert] img')).to.equal(false);
    // Markup parsed off the page (innerHTML of a detached node) is in no tree to look at, and
    // its image fails to load in its own time: no event of ours comes after that one.
    await quietFor(50, 'no event follows a detached image failing to load');
    expect(alerts).to.deep.equal([]);
  });

  describe('leave-page guard', () => {
    it('does not ask when idle', async () => {
      await mount({ multiple: true });
      expect(unloadIsBlocked()).to.equal(false);
    });

    it('asks while an upload runs, and no longer once it is done', async () => {
      const { el, ws } = await mount({ multiple: true });
      await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 12 * MB });
      const complete = when(el, 'deeplake-complete');
      el.addFiles([fileOf(MID_BODY_SIZE, 'long.bin')]);
      await whenMidBody(el, 'long.bin');
      await settled(el);
      expect(unloadIsBlocked()).to.equal(true);
      await complete;
      await settled(el);
      expect(el.items[0]!.status).to.equal('done');
      expect(unloadIsBlocked()).to.equal(false);
    });

    it('stops asking when the upload is canceled, and when the element leaves the page', async () => {
      const { el, ws } = await mount({ multiple: true });
      await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 2 * MB, count: 2 });
      el.addFiles([fileOf(MID_BODY_SIZE, 'a.bin')]);
      await whenMidBody(el, 'a.bin');
      await settled(el);
      expect(unloadIsBlocked()).to.equal(true);
      el.cancel();
      await settled(el);
      expect(unloadIsBlocked()).to.equal(false);

      el.retry(el.items[0]!.id);
      await settled(el);
      expect(unloadIsBlocked(), 'armed again by the retry').to.equal(true);
      el.remove();
      expect(unloadIsBlocked()).to.equal(false);
    });

    it('does not ask for files waiting in manual mode', async () => {
      const { el } = await mount({ multiple: true, manual: true });
      el.addFiles([fileOf(100, 'waiting.bin')]);
      await settled(el);
      expect(unloadIsBlocked()).to.equal(false);
    });
  });
});
