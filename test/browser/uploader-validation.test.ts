/**
 * `<deeplake-uploader>` validation: `accept` (MIME type, wildcard, extension) on every
 * way in — the picker, a drop and a paste — and the size, count and emptiness limits,
 * the cancelable `deeplake-add` and single-file mode. A refused file fires
 * `deeplake-reject`, shows a row with a readable reason, and never reaches the server.
 */
import { expect } from '@open-wc/testing';
import type { DeepLakeUploaderEventDetail } from '../../src/uploader/events.js';
import {
  actionButton,
  alertText,
  deliver,
  fileOf,
  GESTURES,
  metaText,
  mount,
  posts,
  postsSoFar,
  rowNamed,
  rows,
  storedIds,
  when,
  type DeepLakeUploader,
} from './uploader-helpers.js';

type Reject = DeepLakeUploaderEventDetail['deeplake-reject'];

const ACCEPT_CASES = [
  { kind: 'a MIME type', accept: 'image/png', ok: ['ok.png', 'image/png'], bad: ['bad.txt', 'text/plain'] },
  { kind: 'a wildcard', accept: 'image/*', ok: ['ok.jpg', 'image/jpeg'], bad: ['bad.pdf', 'application/pdf'] },
  { kind: 'an extension', accept: '.pdf', ok: ['OK.PDF', ''], bad: ['bad.png', 'image/png'] },
] as const;

/** The details of every `deeplake-reject` of `el` from now on. */
function rejectLog(el: DeepLakeUploader): Reject[] {
  const log: Reject[] = [];
  el.addEventListener('deeplake-reject', (e) => log.push(e.detail));
  return log;
}

describe('<deeplake-uploader> validation', () => {
  for (const how of GESTURES) {
    for (const { kind, accept, ok, bad } of ACCEPT_CASES) {
      it(`checks accept="${accept}" (${kind}) on a ${how}`, async () => {
        const { el, ws } = await mount({ multiple: true, accept });
        const refused = rejectLog(el);
        const badFile = fileOf(100, bad[0], bad[1]);
        const rejected = when(el, 'deeplake-reject');
        deliver(el, how, [badFile]);
        const detail = await rejected;
        expect([detail.file, detail.reason, detail.message]).to.deep.equal([badFile, 'type', 'This type of file is not accepted']);
        await el.updateComplete;
        expect(el.items.length).to.equal(0);
        expect(metaText(rowNamed(el, bad[0]))).to.equal('This type of file is not accepted');
        expect(await postsSoFar(ws)).to.deep.equal([]);

        const done = when(el, 'deeplake-success');
        deliver(el, how, [fileOf(100, ok[0], ok[1])]);
        const { info } = await done;
        expect(info.name).to.equal(ok[0]);
        expect(refused.length, 'only the bad file was refused').to.equal(1);
        expect((await posts(ws)).length).to.equal(1);
      });
    }
  }

  it('refuses files over max-file-size, keeps those at the limit', async () => {
    const { el, ws } = await mount({ multiple: true, 'max-file-size': 1000, manual: true });
    const refused = rejectLog(el);
    el.addFiles([fileOf(1001, 'big.bin'), fileOf(1000, 'edge.bin')]);
    await el.updateComplete;
    expect(refused.map((r) => [r.file.name, r.reason, r.message])).to.deep.equal([['big.bin', 'too-large', 'Larger than the 1 kB limit']]);
    expect(el.items.map((i) => i.relativePath)).to.deep.equal(['edge.bin']);
    expect(metaText(rowNamed(el, 'big.bin'))).to.equal('Larger than the 1 kB limit');
    expect(alertText(el)).to.equal('big.bin was not added: Larger than the 1 kB limit');
    expect(await postsSoFar(ws)).to.deep.equal([]);
  });

  it('refuses files past max-files, counting what the element already holds', async () => {
    const { el, ws } = await mount({ multiple: true, 'max-files': 2, manual: true });
    const refused = rejectLog(el);
    el.addFiles([fileOf(10, '1.bin'), fileOf(10, '2.bin'), fileOf(10, '3.bin')]);
    await el.updateComplete;
    expect(refused.map((r) => [r.file.name, r.reason, r.message])).to.deep.equal([['3.bin', 'too-many', 'No more than 2 files']]);
    el.addFiles([fileOf(10, '4.bin')]);
    await el.updateComplete;
    expect(refused.map((r) => r.file.name)).to.deep.equal(['3.bin', '4.bin']);
    expect(el.items.map((i) => i.relativePath)).to.deep.equal(['1.bin', '2.bin']);
    expect(metaText(rowNamed(el, '4.bin'))).to.equal('No more than 2 files');
    expect(await postsSoFar(ws)).to.deep.equal([]);

    // Removing one makes room for one.
    el.remove(el.items[0]!.id);
    el.addFiles([fileOf(10, '5.bin'), fileOf(10, '6.bin')]);
    expect(el.items.map((i) => i.relativePath)).to.deep.equal(['2.bin', '5.bin']);
    expect(refused.map((r) => r.file.name)).to.deep.equal(['3.bin', '4.bin', '6.bin']);
  });

  it('refuses empty files', async () => {
    const { el, ws } = await mount({ multiple: true });
    const refused = rejectLog(el);
    el.addFiles([new File([], 'empty.txt', { type: 'text/plain' })]);
    await el.updateComplete;
    expect(refused.map((r) => [r.file.name, r.reason, r.message])).to.deep.equal([['empty.txt', 'empty', 'The file is empty']]);
    expect(metaText(rowNamed(el, 'empty.txt'))).to.equal('The file is empty');
    expect(el.items.length).to.equal(0);
    expect(await postsSoFar(ws)).to.deep.equal([]);
  });

  it('says how many were refused when several are, and lets a refused row be dismissed', async () => {
    const { el } = await mount({ multiple: true, accept: '.txt' });
    el.addFiles([fileOf(10, 'a.bin'), new File([], 'b.txt'), fileOf(10, 'c.png', 'image/png')]);
    await el.updateComplete;
    expect(alertText(el)).to.equal('3 files were not added');
    expect(rows(el).map((r) => r.dataset.status)).to.deep.equal(['rejected', 'rejected', 'rejected']);
    actionButton(rowNamed(el, 'b.txt'), 'remove')!.click();
    await el.updateComplete;
    expect(rows(el).map((r) => r.querySelector('[part=name]')!.textContent)).to.deep.equal(['a.bin', 'c.png']);
  });

  it('refuses the whole batch when deeplake-add is canceled', async () => {
    const { el, ws } = await mount({ multiple: true });
    let offered: string[] = [];
    el.addEventListener('deeplake-add', (e) => {
      offered = e.detail.items.map((p) => p.relativePath);
      e.preventDefault();
    });
    expect(el.addFiles([fileOf(10, 'a.bin'), fileOf(10, 'b.bin')])).to.deep.equal([]);
    expect(offered).to.deep.equal(['a.bin', 'b.bin']);
    await el.updateComplete;
    expect(el.items.length).to.equal(0);
    expect(await postsSoFar(ws)).to.deep.equal([]);
  });

  it('refuses one file through detail.veto() with the page’s message', async () => {
    const { el, ws } = await mount({ multiple: true });
    const refused = rejectLog(el);
    el.addEventListener('deeplake-add', (e) => {
      const secret = e.detail.items.find((p) => p.file.name === 'secret.bin');
      if (secret) e.detail.veto(secret.file, 'No secrets here');
    });
    const done = when(el, 'deeplake-complete');
    el.addFiles([fileOf(10, 'secret.bin'), fileOf(20, 'fine.bin')]);
    await done;
    expect(refused.map((r) => [r.file.name, r.reason, r.message])).to.deep.equal([['secret.bin', 'vetoed', 'No secrets here']]);
    expect(el.items.map((i) => [i.relativePath, i.status])).to.deep.equal([['fine.bin', 'done']]);
    expect(metaText(rowNamed(el, 'secret.bin'))).to.equal('No secrets here');
    expect(await storedIds(ws)).to.deep.equal(el.values);
    expect((await posts(ws)).length).to.equal(1);
  });

  it('keeps one file without `multiple`: the first of a batch, replaced by a later choice', async () => {
    const { el, ws } = await mount();
    const first = when(el, 'deeplake-complete');
    const refusals: string[] = [];
    el.addEventListener('deeplake-reject', (e) => refusals.push(`${e.detail.file.name}:${e.detail.reason}`));
    el.addFiles([fileOf(10, 'one.bin', '', 1), fileOf(10, 'two.bin', '', 2)]);
    // The extra file is refused out loud, not dropped silently.
    expect(refusals).to.deep.equal(['two.bin:too-many']);
    await first;
    expect(el.items.map((i) => i.relativePath)).to.deep.equal(['one.bin']);
    expect(el.values.length).to.equal(1);

    const second = when(el, 'deeplake-complete');
    el.addFiles([fileOf(10, 'three.bin', '', 3)]);
    const { items } = await second;
    expect(items.map((i) => i.relativePath)).to.deep.equal(['three.bin']);
    expect(el.values).to.deep.equal([items[0]!.fileId]);
    // One file row: the refusal that came with the first choice went with it.
    expect(rows(el).map((r) => r.dataset.status)).to.deep.equal(['done']);
    // Only the two chosen files were ever sent.
    expect((await posts(ws)).length).to.equal(2);
  });

  it('clears a stale "not accepted" row when a single-file field then gets a file it takes', async () => {
    const { el } = await mount({ accept: 'image/*' });
    el.addFiles([fileOf(10, 'notes.txt', 'text/plain')]);
    await el.updateComplete;
    expect(rows(el).map((r) => [r.dataset.status, metaText(r)])).to.deep.equal([['rejected', 'This type of file is not accepted']]);

    const done = when(el, 'deeplake-complete');
    el.addFiles([fileOf(10, 'photo.png', 'image/png')]);
    await done;
    await el.updateComplete;
    expect(rows(el).map((r) => r.querySelector('[part=name]')?.textContent)).to.deep.equal(['photo.png']);

    // A refused choice alone does not take the accepted file's row away.
    el.addFiles([fileOf(10, 'more.txt', 'text/plain')]);
    await el.updateComplete;
    expect(rows(el).map((r) => r.dataset.status)).to.deep.equal(['done', 'rejected']);
  });
});
