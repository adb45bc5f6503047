/**
 * The upload queue as a person drives it through `<deeplake-uploader>`: the concurrency
 * cap, per-item progress events, the row buttons (cancel, retry, pause, resume), the
 * manual Upload button and a token refresh in the middle of a batch — all against the
 * emulator, checking what it stored.
 */
import { expect, html } from '@open-wc/testing';
import type { UploadItem } from '../../src/queue/index.js';
import { FIRST_ROWS, ROWS_PER_FRAME } from '../../src/uploader/controllers/render-pacer.js';
import { apiUrl, clientFor, injectFault, newWorkspace, recordingProvider, sha256 } from './emulator-control.js';
import { makePng } from './file-fixtures.js';
import {
  $,
  $$,
  actionButton,
  countOf,
  fileOf,
  MB,
  metaText,
  mount,
  mountTemplate,
  onEveryUpdate,
  nextTask,
  posts,
  postsSoFar,
  rowNamed,
  rows,
  settled,
  storedIds,
  until,
  when,
  MID_BODY_SIZE,
  whenMidBody,
  type DeepLakeUploader,
} from './uploader-helpers.js';

describe('<deeplake-uploader> queue', () => {
  it('never has more than `concurrency` files uploading', async () => {
    const { el, ws } = await mount({ multiple: true, concurrency: 2 });
    await injectFault(ws.workspace, { match: { method: 'POST' }, latencyMs: 250, count: 6 });
    let maxOnProgress = 0;
    let maxRendered = 0;
    let progressEvents = 0;
    el.addEventListener('deeplake-progress', () => {
      progressEvents++;
      maxOnProgress = Math.max(maxOnProgress, countOf(el.items, 'uploading'));
    });
    onEveryUpdate(el, () => {
      maxRendered = Math.max(maxRendered, $$(el, 'li[data-status=uploading]').length, countOf(el.items, 'uploading'));
    });
    const complete = when(el, 'deeplake-complete');
    el.addFiles(Array.from({ length: 6 }, (_, i) => fileOf(20_000, `f${i}.bin`, '', i + 1)));
    expect(countOf(el.items, 'uploading')).to.equal(2);
    const { items } = await complete;
    expect(progressEvents).to.be.greaterThan(0);
    expect([maxOnProgress, maxRendered]).to.deep.equal([2, 2]);
    expect(countOf(items, 'done')).to.equal(6);
    expect((await storedIds(ws)).length).to.equal(6);
  });

  it('fires deeplake-progress per item, monotonic and ending at the file size', async () => {
    const { el, ws } = await mount({ multiple: true });
    await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 8 * MB, count: 2 });
    const seen = new Map<string, number[]>();
    const totals: number[] = [];
    el.addEventListener('deeplake-progress', ({ detail }) => {
      seen.set(detail.item.id, [...(seen.get(detail.item.id) ?? []), detail.item.loaded]);
      totals.push(detail.totals.loaded);
    });
    const complete = when(el, 'deeplake-complete');
    // Loopback sockets swallow ~5 MB at once, more on a loaded machine (see MID_BODY_SIZE):
    // files that size leave several MB to watch go.
    const added = el.addFiles([fileOf(MID_BODY_SIZE, 'a.bin', '', 1), fileOf(MID_BODY_SIZE, 'b.bin', '', 2)]);
    await complete;
    for (const { id, total } of added) {
      const loaded = seen.get(id) ?? [];
      expect(loaded, 'non-decreasing').to.deep.equal([...loaded].sort((x, y) => x - y));
      expect(
        loaded.some((n) => n > 0 && n < total),
        'a step in between',
      ).to.equal(true);
      expect(loaded.at(-1)).to.equal(total);
    }
    expect(totals, 'totals never go back').to.deep.equal([...totals].sort((x, y) => x - y));
    expect(totals.at(-1)).to.equal(2 * MID_BODY_SIZE);
  });

  it('moves its bars without transitions: nothing animates between renders of a running upload', async () => {
    const { el, ws } = await mount({ multiple: true });
    await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 8 * MB, count: 1 });
    const complete = when(el, 'deeplake-complete');
    el.addFiles([fileOf(MID_BODY_SIZE, 'a.bin', '', 1)]);
    // Two renders with the bytes moving: a transition on a bar would be running now. The
    // second is the next progress, or the end: the browser may have handed the whole body to
    // the socket by then (no progress is mid-body any more), and a bar filled to the end
    // would transition as well.
    await whenMidBody(el, 'a.bin');
    await settled(el);
    await Promise.race([when(el, 'deeplake-progress'), complete]);
    await settled(el);
    const fills = [...el.shadowRoot!.querySelectorAll('[part~=progress-fill], [part~=total-progress-fill]')];
    expect(fills.length).to.equal(2);
    const running = el.shadowRoot!.getAnimations().filter((a) => a instanceof CSSTransition);
    expect(running.length, 'every animation frame would have to be composited').to.equal(0);
    await complete;
  });

  it('changes a row’s icons in place: a file turning done keeps its <path>, with a new `d`', async () => {
    const { el, ws } = await mount({ multiple: true });
    await injectFault(ws.workspace, { match: { method: 'POST' }, latencyMs: 300, count: 1 });
    const complete = when(el, 'deeplake-complete');
    el.addFiles([fileOf(1000, 'a.bin')]);
    await settled(el);
    const paths = () => [$(el, '[part=thumbnail] svg path')!, $(el, '[part~=action] svg path')!];
    const [thumb, button] = paths();
    const before = [thumb!.getAttribute('d'), button!.getAttribute('d')];
    await complete;
    await settled(el);
    expect(rowNamed(el, 'a.bin').dataset.status).to.equal('done');
    expect(paths()).to.deep.equal([thumb, button]);
    expect(thumb!.getAttribute('d')).to.not.equal(before[0]);
    expect(button!.getAttribute('d'), 'pause became remove').to.not.equal(before[1]);
  });

  it('shows an added image’s own thumbnail in place of its file icon, whatever the page says of ::part(icon)', async () => {
    const { el } = await mount({ multiple: true });
    // A page rule for the icons: the icon behind a thumbnail must stay hidden anyway.
    const pageRule = document.head.appendChild(document.createElement('style'));
    pageRule.textContent = 'deeplake-uploader::part(icon) { display: block }';
    try {
      const complete = when(el, 'deeplake-complete');
      el.addFiles([new File([await makePng()], 'photo.png', { type: 'image/png' }), fileOf(100, 'notes.bin')]);
      await complete;
      let frames = 0;
      while (!rowNamed(el, 'photo.png').querySelector('[part=thumbnail] img') && frames++ < 100) {
        await new Promise(requestAnimationFrame);
        await el.updateComplete;
      }
      const shown = (row: Element) =>
        [...row.querySelectorAll('[part=thumbnail] > *')].filter((n) => getComputedStyle(n).display !== 'none').map((n) => n.localName);
      expect(shown(rowNamed(el, 'photo.png')), 'the image’s row').to.deep.equal(['img']);
      expect(shown(rowNamed(el, 'notes.bin')), 'a row with no image').to.deep.equal(['svg']);
    } finally {
      pageRule.remove();
    }
  });

  it('makes an image’s thumbnail as a data: URL, never an object URL (one is a synchronous IPC on the page’s thread)', async () => {
    const { el } = await mount({ multiple: true });
    const create = URL.createObjectURL;
    let made = 0;
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      made++;
      return create.call(URL, obj);
    };
    try {
      el.addFiles([new File([await makePng()], 'photo.png', { type: 'image/png' })]);
      const img = await until(() => $(el, '[part=thumbnail] img'), 'the row shows its thumbnail', 30_000);
      // WebP where the engine encodes it (Chromium, Firefox); WebKit's canvas answers with PNG.
      expect(img.getAttribute('src')).to.match(/^data:image\/(webp|png);base64,/);
      expect(made, 'object URLs made').to.equal(0);
    } finally {
      URL.createObjectURL = create;
    }
  });

  it('cancels an upload from its row mid-body and stores nothing', async () => {
    const { el, ws } = await mount({ multiple: true });
    await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 4 * MB });
    let outcomes = 0;
    for (const name of ['deeplake-success', 'deeplake-error'] as const) el.addEventListener(name, () => outcomes++);
    el.addFiles([fileOf(MID_BODY_SIZE, 'big.bin')]);
    await whenMidBody(el, 'big.bin');
    await el.updateComplete;
    actionButton(rowNamed(el, 'big.bin'), 'cancel')!.click();
    expect(el.items[0]!.status).to.equal('canceled');
    await settled(el);
    const row = rowNamed(el, 'big.bin');
    expect(row.dataset.status).to.equal('canceled');
    expect(metaText(row)).to.contain('Canceled');
    expect(!!actionButton(row, 'retry'), 'a canceled row can be retried').to.equal(true);
    // A file added after it: when that one is done, an outcome of the canceled one would
    // have come first. (Whether its request was aborted is upload-queue.test.ts's check:
    // the rest of this body would take seconds at 4 MB/s.)
    const later = when(el, 'deeplake-success');
    el.addFiles([fileOf(100, 'later.bin')]);
    const { info } = await later;
    expect(await storedIds(ws)).to.deep.equal([info.id]);
    expect((await posts(ws)).map((r) => r.status)).to.deep.equal([0, 201]);
    expect([outcomes, el.values]).to.deep.equal([1, [info.id]]);
  });

  it('shows a failure with its reason and a retry button that uploads it', async () => {
    const { el, ws } = await mount({ multiple: true, retries: 0 });
    await injectFault(ws.workspace, { match: { method: 'POST' }, status: 500, count: 1 });
    const failed = when(el, 'deeplake-error');
    el.addFiles([fileOf(3000, 'flaky.bin')]);
    const { error, item } = await failed;
    expect([error.status, item.status]).to.deep.equal([500, 'error']);
    expect(
      (await posts(ws)).map((r) => r.status),
      'retries="0": one attempt',
    ).to.deep.equal([500]);
    await el.updateComplete;
    const row = rowNamed(el, 'flaky.bin');
    expect(row.dataset.status).to.equal('error');
    expect(metaText(row)).to.contain('The server had a problem');
    const retry = actionButton(row, 'retry')!;
    expect(retry.getAttribute('aria-label')).to.equal('Retry flaky.bin');

    const done = when(el, 'deeplake-success');
    retry.click();
    const { info } = await done;
    await el.updateComplete;
    expect(rowNamed(el, 'flaky.bin').dataset.status).to.equal('done');
    expect(await storedIds(ws)).to.deep.equal([info.id]);
    expect(el.value).to.equal(info.id);
  });

  it('pauses from the row and resumes to done, storing one file', async () => {
    const { el, ws } = await mount({ multiple: true });
    await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 8 * MB, count: 2 });
    const file = fileOf(MID_BODY_SIZE, 'pause.bin', '', 9);
    el.addFiles([file]);
    await whenMidBody(el, 'pause.bin');
    await el.updateComplete;
    actionButton(rowNamed(el, 'pause.bin'), 'pause')!.click();
    expect(el.items[0]!.status).to.equal('paused');
    await settled(el);
    const paused = rowNamed(el, 'pause.bin');
    expect(paused.dataset.status).to.equal('paused');
    expect(metaText(paused)).to.contain('Paused');

    const done = when(el, 'deeplake-success');
    actionButton(paused, 'resume')!.click();
    const { info } = await done;
    // Both bodies are read at the same rate: a paused request that went on would be stored first.
    expect(await storedIds(ws)).to.deep.equal([info.id]);
    expect(await sha256(await clientFor(ws).content(info.id))).to.equal(await sha256(file));
    expect(el.items.map((i) => i.status)).to.deep.equal(['done']);
  });

  it('in manual mode sends nothing until the Upload button is clicked', async () => {
    const { el, ws } = await mount({ multiple: true, manual: true });
    expect(!!$(el, '[part=upload-button]')).to.equal(false);
    el.addFiles([fileOf(100, 'a.bin', '', 1), fileOf(200, 'b.bin', '', 2)]);
    await el.updateComplete;
    const button = $<HTMLButtonElement>(el, '[part=upload-button]')!;
    expect(button.localName).to.equal('button');
    expect(button.textContent.trim()).to.equal('Upload');
    expect(await postsSoFar(ws)).to.deep.equal([]);
    expect(el.items.map((i) => i.status)).to.deep.equal(['queued', 'queued']);

    const complete = when(el, 'deeplake-complete');
    button.click();
    await complete;
    await el.updateComplete;
    expect(el.items.map((i) => i.status)).to.deep.equal(['done', 'done']);
    expect(!!$(el, '[part=upload-button]'), 'nothing left to start').to.equal(false);
    expect((await storedIds(ws)).length).to.equal(2);
  });

  it('refreshes an expired token once in the middle of a batch (workspace + api-url + tokenProvider)', async () => {
    const ws = await newWorkspace();
    const provider = recordingProvider(ws);
    const el = (await mountTemplate<HTMLElement>(
      html`<deeplake-uploader multiple concurrency="2" workspace=${ws.workspace} api-url=${apiUrl} .tokenProvider=${provider}></deeplake-uploader>`,
    )) as DeepLakeUploader;
    const warm = when(el, 'deeplake-complete');
    el.addFiles([fileOf(100, 'warm.bin')]);
    await warm;
    const oldToken = ws.token;
    await injectFault(ws.workspace, { match: { method: 'POST' }, expireToken: true });
    const batch = when(el, 'deeplake-complete');
    el.addFiles([1, 2, 3, 4].map((seed) => fileOf(5000, `f${seed}.bin`, '', seed)));
    const { items } = await batch;
    expect(items.map((i: UploadItem) => i.status)).to.deep.equal(['done', 'done', 'done', 'done', 'done']);
    expect(provider.calls).to.deep.equal([{ forceRefresh: false }, { forceRefresh: true }]);
    expect(ws.token).to.not.equal(oldToken);
    const statuses = (await posts(ws)).map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).to.be.within(1, 2);
    expect(statuses.filter((s) => s === 201).length).to.equal(5);
    expect((await storedIds(ws)).sort()).to.deep.equal([...el.values].sort());
  });
});

// While uploads run, renders of the queue's own changes are held (200–500 ms): what must not wait.
describe('<deeplake-uploader> held renders', () => {
  it('a deeplake-complete listener reads the final list, even synchronously', async () => {
    const { el } = await mount({ multiple: true, concurrency: 3 });
    const seen = new Promise<string[]>((resolve) => el.addEventListener('deeplake-complete', () => resolve(rows(el).map((r) => r.dataset.status!))));
    el.addFiles(Array.from({ length: 20 }, (_, i) => fileOf(100, `f${i}.bin`)));
    expect(await seen).to.deep.equal(Array(20).fill('done'));
  });

  it('shows the first rows of a big batch at once, and every row a few frames later', async () => {
    const { el, ws } = await mount({ multiple: true, concurrency: 2 });
    await injectFault(ws.workspace, { match: { method: 'POST' }, latencyMs: 2_000, count: 4 });
    el.addFiles(Array.from({ length: 450 }, (_, i) => fileOf(10, `f${i}.bin`)));
    await el.updateComplete;
    expect(el.items.length).to.equal(450);
    expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(el.items.slice(0, FIRST_ROWS).map((i) => i.id));
    const counts: number[] = [];
    while (rows(el).length < 450 && counts.length < 30) {
      await new Promise(requestAnimationFrame);
      await el.updateComplete;
      counts.push(rows(el).length);
    }
    expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(el.items.map((i) => i.id));
    expect(counts, 'rows after each frame').to.deep.equal([FIRST_ROWS + ROWS_PER_FRAME, 450]);
    el.reset();
  });

  it('a <fieldset disabled> set while uploads run disables the buttons at once', async () => {
    const ws = await newWorkspace();
    await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: MB, count: 2 });
    const root = await mountTemplate<HTMLElement>(
      html`<form>
        <fieldset>
          <deeplake-uploader multiple .client=${clientFor(ws)}></deeplake-uploader>
        </fieldset>
      </form>`,
    );
    const el = root.querySelector('deeplake-uploader')!;
    el.addFiles([fileOf(MID_BODY_SIZE, 'a.bin'), fileOf(MID_BODY_SIZE, 'b.bin')]);
    await whenMidBody(el, 'a.bin'); // bytes moving: progress asks for renders, held between them
    expect(el.items.map((i) => i.status)).to.deep.equal(['uploading', 'uploading']);
    root.querySelector('fieldset')!.disabled = true;
    await nextTask(); // one task: no held render may still be waiting
    expect($(el, '.browse')!.hasAttribute('disabled'), 'browse').to.equal(true);
    expect(actionButton(rowNamed(el, 'a.bin'), 'cancel')!.disabled, 'cancel').to.equal(true);
    el.reset();
  });

  it('disabled and enabled again: a click that reaches a disabled row button’s icon does nothing, an enabled one acts', async () => {
    const { el } = await mount({ multiple: true });
    const complete = when(el, 'deeplake-complete');
    el.addFiles([fileOf(1000, 'a.bin')]);
    await complete;
    await settled(el);
    const clickIcon = () =>
      actionButton(rowNamed(el, 'a.bin'), 'remove')!
        .querySelector('path')!
        .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    el.disabled = true;
    await settled(el);
    expect(actionButton(rowNamed(el, 'a.bin'), 'remove')!.disabled).to.equal(true);
    clickIcon();
    expect(el.items.length, 'disabled: the file stays').to.equal(1);
    el.disabled = false;
    await settled(el);
    expect(actionButton(rowNamed(el, 'a.bin'), 'remove')!.disabled, 'enabled again').to.equal(false);
    clickIcon();
    expect(el.items.length, 'the list handles the button’s clicks').to.equal(0);
  });

  it('a row button pressed while uploads run shows its result at once', async () => {
    const { el, ws } = await mount({ multiple: true });
    await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: MB, count: 2 });
    el.addFiles([fileOf(MID_BODY_SIZE, 'a.bin'), fileOf(MID_BODY_SIZE, 'b.bin')]);
    await whenMidBody(el, 'a.bin'); // bytes moving: progress asks for renders, held between them
    actionButton(rowNamed(el, 'a.bin'), 'pause')!.click();
    await nextTask(); // one task: the click's render is not held
    expect(rowNamed(el, 'a.bin').dataset.status).to.equal('paused');
    expect(actionButton(rowNamed(el, 'a.bin'), 'resume'), 'resume button').to.not.equal(null);
    el.reset();
  });
});
