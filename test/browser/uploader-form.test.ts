/**
 * `<deeplake-uploader>` as a form field, against the emulator: what its FormData holds,
 * when it keeps a form from submitting (and with which message), what `form.reset()`
 * does to a running upload, `delete-on-remove`, and the back/forward restore.
 */
import { makePng } from './file-fixtures.js';
import { expect } from '@open-wc/testing';
import type { DeepLakeError } from '../../src/client/index.js';
import { en } from '../../src/i18n/strings.js';
import { injectFault, rejectionOf, requestLog, requestsSoFar } from './emulator-control.js';
import { mountForm } from './form-helpers.js';
import { actionButton, fileOf, MB, posts, postsSoFar, rowNamed, rows, settled, storedIds, until, when, MID_BODY_SIZE, whenMidBody } from './uploader-helpers.js';

const two = () => [fileOf(1500, 'a.txt', 'text/plain', 1), fileOf(2500, 'b.txt', 'text/plain', 2)];

describe('<deeplake-uploader> in a form', () => {
  it('puts one FormData entry per uploaded UUID under its name, and none while empty', async () => {
    const { form, uploaders } = await mountForm({ name: 'attachments', multiple: true });
    const { el, ws } = uploaders[0]!;
    expect([...new FormData(form).keys()]).to.deep.equal([]);
    const complete = when(el, 'deeplake-complete');
    el.addFiles(two());
    await complete;
    await settled(el);
    const sent = new FormData(form).getAll('attachments');
    expect(sent).to.have.length(2);
    expect(sent).to.deep.equal(el.values);
    expect([...sent].sort()).to.deep.equal((await storedIds(ws)).sort());
  });

  it('keeps requestSubmit() from submitting while an upload runs, and submits once it is done', async () => {
    const { form, uploaders, submissions } = await mountForm({ name: 'attachments', multiple: true });
    const { el, ws } = uploaders[0]!;
    await injectFault(ws.workspace, { match: { method: 'POST' }, latencyMs: 800 });
    const complete = when(el, 'deeplake-complete');
    el.addFiles([fileOf(2000, 'slow.txt')]);
    await settled(el);
    expect(el.items[0]!.status).to.equal('uploading');
    expect([el.validity.customError, el.validationMessage]).to.deep.equal([true, en.validityUploading]);
    form.requestSubmit();
    expect(submissions.list.length, 'no submit event while uploading').to.equal(0);
    await complete;
    await settled(el);
    expect([el.validity.valid, el.validationMessage]).to.deep.equal([true, '']);
    form.requestSubmit();
    expect(submissions.list.map((s) => s.values.attachments)).to.deep.equal([el.values]);
    expect(el.values).to.have.length(1);
  });

  it('keeps the form from submitting while a failed upload is listed, until it is removed', async () => {
    const { form, uploaders, submissions } = await mountForm({ name: 'attachments', multiple: true, retries: '0' });
    const { el, ws } = uploaders[0]!;
    await injectFault(ws.workspace, { match: { method: 'POST' }, status: 500 });
    const failed = when(el, 'deeplake-error');
    el.addFiles([fileOf(2000, 'bad.txt')]);
    await failed;
    await settled(el);
    expect([el.validity.customError, el.validationMessage]).to.deep.equal([true, en.validityFailed]);
    form.requestSubmit();
    expect(submissions.list.length).to.equal(0);
    actionButton(rowNamed(el, 'bad.txt'), 'remove')!.click();
    await settled(el);
    expect(el.validity.valid).to.equal(true);
    form.requestSubmit();
    expect(submissions.list.map((s) => s.values.attachments)).to.deep.equal([[]]);
  });

  it('manual: files chosen but not sent keep the form from submitting (and are not sent)', async () => {
    const { form, uploaders, submissions } = await mountForm({ name: 'attachments', multiple: true, manual: true });
    const { el, ws } = uploaders[0]!;
    el.addFiles(two());
    await settled(el);
    expect([el.validity.customError, el.validationMessage]).to.deep.equal([true, en.validityWaiting]);
    form.requestSubmit();
    expect(submissions.list.length).to.equal(0);
    expect(await postsSoFar(ws), 'nothing uploaded by the refused submit').to.deep.equal([]);
    const complete = when(el, 'deeplake-complete');
    el.upload();
    await complete;
    await settled(el);
    form.requestSubmit();
    expect(submissions.list.map((s) => s.values.attachments!.length)).to.deep.equal([2]);
  });

  it('form.reset() cancels a running upload: nothing is stored and no `change` fires', async () => {
    const { form, uploaders } = await mountForm({ name: 'attachments', multiple: true });
    const { el, ws, client } = uploaders[0]!;
    await injectFault(ws.workspace, { match: { method: 'POST' }, throttleBytesPerSec: 4 * MB });
    let changes = 0;
    el.addEventListener('change', () => changes++);
    el.addFiles([fileOf(MID_BODY_SIZE, 'big.bin')]);
    await whenMidBody(el, 'big.bin');
    form.reset();
    await settled(el);
    expect([el.items.length, el.values, [...new FormData(form).keys()]]).to.deep.equal([0, [], []]);
    // A file added after it: when that one is stored, a `change` from the canceled one
    // would have come first. (Whether its request was aborted is upload-queue.test.ts's
    // check: the rest of this body would take seconds at 4 MB/s.)
    const later = when(el, 'deeplake-complete');
    el.addFiles([fileOf(100, 'later.bin')]);
    await later;
    await settled(el);
    expect((await client.list()).map((f) => f.id)).to.deep.equal(el.values);
    expect((await posts(ws)).map((r) => r.status)).to.deep.equal([0, 201]);
    expect(changes, 'one change: the later file').to.equal(1);
  });

  it('delete-on-remove: the remove button of a done row deletes the stored file', async () => {
    const { uploaders } = await mountForm({ name: 'attachments', multiple: true, 'delete-on-remove': true });
    const { el, ws, client } = uploaders[0]!;
    const complete = when(el, 'deeplake-complete');
    el.addFiles(two());
    await complete;
    await settled(el);
    const [removed, kept] = el.values as [string, string];
    actionButton(rowNamed(el, 'a.txt'), 'remove')!.click();
    await settled(el);
    expect(el.values).to.deep.equal([kept]);
    const deleted = async () => (await requestLog(ws.workspace)).some((r) => r.method === 'DELETE' && r.status > 0);
    await until(deleted, 'the DELETE was answered');
    const error = (await rejectionOf(client.info(removed))) as DeepLakeError;
    expect(error.code).to.equal('not_found');
    expect((await client.info(kept)).id, 'the other file stays').to.equal(kept);
  });

  it('without delete-on-remove, removing a done row keeps the stored file', async () => {
    const { uploaders } = await mountForm({ name: 'attachments', multiple: true });
    const { el, ws, client } = uploaders[0]!;
    const complete = when(el, 'deeplake-complete');
    el.addFiles([fileOf(1500, 'a.txt')]);
    await complete;
    await settled(el);
    const [id] = el.values as [string];
    actionButton(rowNamed(el, 'a.txt'), 'remove')!.click();
    await settled(el);
    expect(el.values).to.deep.equal([]);
    expect((await requestsSoFar(ws)).filter((r) => r.method === 'DELETE')).to.deep.equal([]);
    expect((await client.info(id)).id).to.equal(id);
  });

  it('restores stored UUIDs (back/forward) as done rows named from the server, without `change`', async () => {
    const { form, uploaders } = await mountForm({ name: 'attachments', multiple: true });
    const { el, client } = uploaders[0]!;
    const a = await client.upload(fileOf(1500, 'first.txt', 'text/plain', 1));
    const b = await client.upload(fileOf(2500, 'second.pdf', 'application/pdf', 2));
    let changes = 0;
    el.addEventListener('change', () => changes++);
    // As the browser calls it: (state, mode).
    const restore: (state: string, mode: 'restore' | 'autocomplete') => void = el.formStateRestoreCallback.bind(el);
    restore(`${a.id} ${b.id}`, 'restore');
    expect(el.values, 'the value is whole at once').to.deep.equal([a.id, b.id]);
    const shown = () => rows(el).map((r) => `${r.dataset.status} ${r.querySelector('[part=name]')?.textContent ?? ''}`);
    const named = () => rows(el).length === 2 && !shown().some((text) => text.includes(a.id) || text.includes(b.id));
    await until(named, 'the rows got their names from the server');
    expect(shown()).to.deep.equal(['done first.txt', 'done second.pdf']);
    expect(new FormData(form).getAll('attachments')).to.deep.equal([a.id, b.id]);
    expect([el.validity.valid, changes]).to.deep.equal([true, 0]);
  });

  it('shows a restored image through <deeplake-file>, and ignores autocomplete', async () => {
    const { uploaders } = await mountForm({ name: 'cover' });
    const { el, client } = uploaders[0]!;
    const image = await client.upload(new File([await makePng()], 'cover.png', { type: 'image/png' }));
    const restore: (state: string, mode: 'restore' | 'autocomplete') => void = el.formStateRestoreCallback.bind(el);
    restore(image.id, 'autocomplete');
    expect(el.values, 'autofill puts no stored files into a field').to.deep.equal([]);
    restore(image.id, 'restore');
    const preview = () => el.shadowRoot!.querySelector<HTMLElement & { info?: { id: string } }>('[part=thumbnail] deeplake-file');
    await until(() => preview()?.info?.id === image.id, 'the preview loaded the stored file');
    await until(() => !!preview()!.shadowRoot!.querySelector('img[src^="data:image/png"]'), 'the preview shows the image');
    expect(preview()!.getAttribute('file-id')).to.equal(image.id);
  });
});
