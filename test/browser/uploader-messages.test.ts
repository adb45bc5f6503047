/**
 * Messages that point the right way: what a row and the total say for each kind of
 * failure, and which failures offer Retry (only where a second try can change the answer).
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../src/uploader/deeplake-uploader.js';
import { en } from '../../src/i18n/strings.js';
import { clientFor, injectFault } from './emulator-control.js';
import { $, actionButton, fileOf, metaText, mount, rowNamed, settled, track, when, type DeepLakeUploader } from './uploader-helpers.js';

const upload = { method: 'POST' };

async function failOne(el: DeepLakeUploader, name = 'a.txt') {
  const done = when(el, 'deeplake-complete');
  el.addFiles([fileOf(100, name)]);
  await done;
  await settled(el);
  return rowNamed(el, name);
}

describe('uploader messages', () => {
  for (const [status, code, text] of [
    [413, 'too_large', en.errorTooLarge],
    [403, 'forbidden', en.errorForbidden],
    [400, 'bad_request', en.errorBadRequest],
  ] as const) {
    it(`a ${status} row says why and offers Remove, not Retry`, async () => {
      const { el, ws } = await mount({ retries: 0 });
      await injectFault(ws.workspace, { match: upload, status });
      const row = await failOne(el);
      expect([el.items[0]!.error!.code, metaText(row).includes(text)]).to.deep.equal([code, true]);
      expect([!!actionButton(row, 'retry'), !!actionButton(row, 'remove')]).to.deep.equal([false, true]);
    });
  }

  it('a 500 after its retries still offers Retry', async () => {
    const { el, ws } = await mount({ retries: 0 });
    await injectFault(ws.workspace, { match: upload, status: 500 });
    const row = await failOne(el);
    expect([metaText(row).includes(en.errorServer), !!actionButton(row, 'retry')]).to.deep.equal([true, true]);
  });

  it('a server that is not there: "Could not reach the server", not a lost connection, with Retry', async () => {
    const { el, ws } = await mount({ retries: 0 });
    // Port 9 (discard) on loopback: nothing listens, nothing ever connects.
    el.client = clientFor(ws, { apiUrl: 'http://127.0.0.1:9', retry: { retries: 0 } });
    const row = await failOne(el);
    expect([el.items[0]!.error!.code, metaText(row).includes(en.errorNetwork), !!actionButton(row, 'retry')]).to.deep.equal(['network', true, true]);
    expect(en.errorNetwork).to.equal('Could not reach the server');
  });

  it('a token the server refuses (even after a refresh) is not called an expired session', async () => {
    const { el, ws } = await mount({ retries: 0 });
    el.client = clientFor(ws, { tokenProvider: () => 'dl_not-a-token' });
    const row = await failOne(el);
    expect([el.items[0]!.error!.code, metaText(row).endsWith(en.errorUnauthorized)]).to.deep.equal(['unauthorized', true]);
    expect(metaText(row)).to.not.match(/expired/i);
  });

  it('one failed file: the total says "1 failed", never "0 of 0 uploaded"', async () => {
    const { el, ws } = await mount({ retries: 0, multiple: true });
    await injectFault(ws.workspace, { match: upload, status: 500 });
    await failOne(el);
    expect($(el, '[part=total-text]')!.textContent.trim()).to.equal('1 failed');
    const done = when(el, 'deeplake-complete');
    el.addFiles([fileOf(50, 'b.txt')]);
    await done;
    await settled(el);
    expect($(el, '[part=total-text]')!.textContent.trim()).to.equal('1 of 1 uploaded · 1 failed');
  });

  it('forgetting configure(): the row says it cannot sign in, and the console says what to call', async () => {
    const warned: string[] = [];
    const real = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args.map(String).join(' '));
    try {
      const el = track(fixtureSync<DeepLakeUploader>(html`<deeplake-uploader></deeplake-uploader>`));
      await el.updateComplete;
      const row = await failOne(el);
      expect([el.items[0]!.error!.code, metaText(row).includes(en.errorAuth)]).to.deep.equal(['auth', true]);
      expect(warned.join('\n')).to.include('configure({ workspace, tokenProvider })');
    } finally {
      console.warn = real;
    }
  });
});
