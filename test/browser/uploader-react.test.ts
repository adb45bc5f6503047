/**
 * `<deeplake-uploader>` inside a React 19 form: React sets `client` as a property (19
 * sets properties for custom elements), and the form's own `onSubmit` reads the uploaded
 * UUIDs with `new FormData(form)`, as it would any native field.
 */
import { expect } from '@open-wc/testing';
// Default imports: React ships CommonJS, which the test server turns into a module with
// only a default export (its entry picks a build at run time, so no named exports).
import React, { type FormEvent } from 'react';
import ReactDOM from 'react-dom';
import ReactDOMClient, { type Root } from 'react-dom/client';
import type { DeepLakeClient } from '../../src/client/index.js';
import { clientFor, newWorkspace } from './emulator-control.js';
import { fileOf, storedIds, track, until, when, type DeepLakeUploader } from './uploader-helpers.js';

const h = React.createElement;

interface FormProps {
  client: DeepLakeClient;
  onSubmit: (values: string[], submitter: string) => void;
  uploadOnSubmit?: boolean;
}

function UploadForm({ client, onSubmit, uploadOnSubmit = false }: FormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    // upload-on-submit holds the first submit back before React sees it: this runs once.
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter?.id ?? '';
    onSubmit(new FormData(event.currentTarget).getAll('attachments').map(String), submitter);
  };
  return h(
    'form',
    { onSubmit: submit },
    h('label', { htmlFor: 'files' }, 'Attachments'),
    h('deeplake-uploader', { id: 'files', name: 'attachments', multiple: true, manual: uploadOnSubmit, uploadOnSubmit, client }),
    h('button', { id: 'send', type: 'submit' }, 'Send'),
  );
}

describe('<deeplake-uploader> in a React 19 form', () => {
  let container: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
    root = ReactDOMClient.createRoot(container);
  });
  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it('React passes the client as a property and onSubmit sees the UUIDs in FormData', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    const submissions: Array<{ values: string[]; submitter: string }> = [];
    ReactDOM.flushSync(() => root.render(h(UploadForm, { client, onSubmit: (values, submitter) => submissions.push({ values, submitter }) })));
    const el = track(container.querySelector<DeepLakeUploader>('deeplake-uploader')!);
    await el.updateComplete;
    expect(el.client === client, 'client set as a property').to.equal(true);
    expect([el.name, el.multiple, el.getAttribute('name')]).to.deep.equal(['attachments', true, 'attachments']);

    const complete = when(el, 'deeplake-complete');
    el.addFiles([fileOf(2000, 'a.txt', 'text/plain', 1), fileOf(3000, 'b.txt', 'text/plain', 2)]);
    await complete;
    await el.updateComplete;
    expect(el.values).to.have.length(2);
    expect([...el.values].sort()).to.deep.equal((await storedIds(ws)).sort());

    const form = container.querySelector('form')!;
    form.requestSubmit(container.querySelector<HTMLButtonElement>('#send'));
    await until(() => submissions.length > 0, 'React onSubmit ran');
    expect(submissions).to.deep.equal([{ values: el.values, submitter: 'send' }]);
  });

  it('with upload-on-submit, the submit uploads first and onSubmit then sees the UUIDs once', async () => {
    const ws = await newWorkspace();
    const submissions: Array<{ values: string[]; submitter: string }> = [];
    const onSubmit = (values: string[], submitter: string) => submissions.push({ values, submitter });
    ReactDOM.flushSync(() => root.render(h(UploadForm, { client: clientFor(ws), onSubmit, uploadOnSubmit: true })));
    const el = track(container.querySelector<DeepLakeUploader>('deeplake-uploader')!);
    await el.updateComplete;
    expect([el.manual, el.uploadOnSubmit]).to.deep.equal([true, true]);
    el.addFiles([fileOf(2000, 'a.txt', 'text/plain', 1)]);
    await el.updateComplete;
    container.querySelector('form')!.requestSubmit(container.querySelector<HTMLButtonElement>('#send'));
    await until(() => submissions.length > 0, 'React onSubmit ran');
    expect(el.values).to.have.length(1);
    expect(submissions).to.deep.equal([{ values: el.values, submitter: 'send' }]);
    expect(await storedIds(ws)).to.deep.equal(el.values);
  });
});
