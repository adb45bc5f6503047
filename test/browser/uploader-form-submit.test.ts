/**
 * `upload-on-submit` (with `manual`): submitting uploads the waiting files first, then
 * submits once, with the same submitter; a failure stops the submission. Submissions are
 * the submit events that reached the page's listener not prevented (see form-helpers).
 */
import { expect } from '@open-wc/testing';
import { en } from '../../src/i18n/strings.js';
import { injectFault } from './emulator-control.js';
import { mountForm, submitButton } from './form-helpers.js';
import { countOf, fileOf, nextTask, settled, storedIds, when } from './uploader-helpers.js';

const onSubmit = { multiple: true, manual: true, 'upload-on-submit': true } as const;

describe('<deeplake-uploader upload-on-submit>', () => {
  it('uploads the waiting files, then submits once, by the same button, with their UUIDs', async () => {
    const { form, uploaders, submissions } = await mountForm({ name: 'attachments', ...onSubmit });
    const { el, ws } = uploaders[0]!;
    el.addFiles([fileOf(1500, 'a.txt', 'text/plain', 1), fileOf(2500, 'b.txt', 'text/plain', 2)]);
    await settled(el);
    expect(el.validity.valid, 'waiting files do not block: submitting uploads them').to.equal(true);
    const submitted = submissions.next();
    form.requestSubmit(submitButton(form));
    expect(submissions.list.length, 'the first submit is held back').to.equal(0);
    const { byButton, values } = await submitted;
    expect(countOf(el.items, 'done')).to.equal(2);
    expect(byButton, 'event.submitter is the button').to.equal(true);
    expect(values.attachments).to.deep.equal(el.values);
    expect([...values.attachments!].sort()).to.deep.equal((await storedIds(ws)).sort());
    // The held submit is sent again in one promise callback: a second one would have come
    // with it, before the next task.
    await nextTask();
    expect(submissions.list.length).to.equal(1);
  });

  it('a required field with files waiting lets the submit through to upload them', async () => {
    const { form, uploaders, submissions } = await mountForm({ name: 'attachments', ...onSubmit, required: true });
    const { el } = uploaders[0]!;
    await settled(el);
    expect(el.validity.valueMissing, 'empty and required').to.equal(true);
    el.addFiles([fileOf(1500, 'a.txt', 'text/plain', 1)]);
    await settled(el);
    expect(el.validity.valid, 'files that will be sent on submit count').to.equal(true);
    const submitted = submissions.next();
    form.requestSubmit(submitButton(form));
    const { values } = await submitted;
    expect(values.attachments).to.deep.equal(el.values);
    expect(values.attachments).to.have.length(1);
  });

  it('does not submit when an upload fails, and reports it', async () => {
    const { form, uploaders, submissions } = await mountForm({ name: 'attachments', ...onSubmit, retries: '0' });
    const { el, ws } = uploaders[0]!;
    await injectFault(ws.workspace, { match: { method: 'POST' }, status: 500 });
    let invalid = 0;
    el.addEventListener('invalid', () => invalid++);
    el.addFiles([fileOf(1500, 'a.txt')]);
    await settled(el);
    // The failure is reported (`invalid`) in the callback that would otherwise submit again.
    const reported = when(el, 'invalid');
    form.requestSubmit(submitButton(form));
    await reported;
    await settled(el);
    expect([submissions.list.length, countOf(el.items, 'error')]).to.deep.equal([0, 1]);
    expect([el.validationMessage, invalid > 0]).to.deep.equal([en.validityFailed, true]);
  });

  it('two uploaders in one form: one submission, after both finished', async () => {
    const { form, uploaders, submissions } = await mountForm({ name: 'photos', ...onSubmit }, { name: 'docs', ...onSubmit });
    const [photos, docs] = uploaders as [(typeof uploaders)[0], (typeof uploaders)[0]];
    await injectFault(docs.ws.workspace, { match: { method: 'POST' }, latencyMs: 600 });
    photos.el.addFiles([fileOf(1500, 'p.png', 'image/png')]);
    docs.el.addFiles([fileOf(2500, 'd.pdf', 'application/pdf'), fileOf(500, 'e.pdf', 'application/pdf', 3)]);
    await Promise.all([settled(photos.el), settled(docs.el)]);
    const submitted = submissions.next();
    form.requestSubmit(submitButton(form));
    const { values, byButton } = await submitted;
    expect([countOf(photos.el.items, 'done'), countOf(docs.el.items, 'done'), byButton]).to.deep.equal([1, 2, true]);
    expect(values).to.deep.equal({ photos: photos.el.values, docs: docs.el.values });
    expect([values.photos!.length, values.docs!.length]).to.deep.equal([1, 2]);
    await nextTask(); // a second submission would have come in the same callback
    expect(submissions.list.length).to.equal(1);
  });

  it('without upload-on-submit, the same submit is refused and nothing is sent', async () => {
    const { form, uploaders, submissions } = await mountForm({ name: 'attachments', multiple: true, manual: true });
    const { el, ws } = uploaders[0]!;
    el.addFiles([fileOf(1500, 'a.txt')]);
    await settled(el);
    // requestSubmit() validates and dispatches `submit` synchronously; a start would change
    // the record at once.
    form.requestSubmit(submitButton(form));
    await settled(el);
    expect([submissions.list.length, el.validationMessage, countOf(el.items, 'queued')]).to.deep.equal([0, en.validityWaiting, 1]);
    expect(await storedIds(ws)).to.deep.equal([]);
  });
});
