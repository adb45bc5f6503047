/**
 * `deeplake-elements/react` in React 19: props reach the elements as properties, the
 * typed `onDeeplake*` props are live listeners (replaced on re-render),
 * and refs point at the element.
 */
import { expect } from '@open-wc/testing';
// Default imports: the test server turns React's CommonJS into a default-export module.
import React from 'react';
import ReactDOM from 'react-dom';
import ReactDOMClient, { type Root } from 'react-dom/client';
import type { DeepLakeUploaderEventDetail } from '../../src/uploader/events.js';
import { DeepLakeFile, DeepLakeUploader } from '../../src/react.js';
import { clientFor, newWorkspace } from './emulator-control.js';
import { fileOf, storedIds, track, until } from './uploader-helpers.js';

const h = React.createElement;
type Success = DeepLakeUploaderEventDetail['deeplake-success'];

describe('deeplake-elements/react', () => {
  let container: HTMLDivElement;
  let root: Root;
  const render = (node: React.ReactNode) => ReactDOM.flushSync(() => root.render(node));
  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
    root = ReactDOMClient.createRoot(container);
  });
  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it('DeepLakeUploader sets props as properties and onDeeplakeSuccess/onChange/onDeeplakeComplete fire after an upload', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    const ref = React.createRef<HTMLElementTagNameMap['deeplake-uploader']>();
    const successes: Success[] = [];
    const changes: string[][] = [];
    let completes = 0;
    render(
      h(DeepLakeUploader, {
        ref,
        client,
        name: 'attachments',
        multiple: true,
        maxFiles: 4,
        accept: 'text/*',
        onDeeplakeSuccess: (event) => successes.push(event.detail),
        onChange: (event) => changes.push([...(event.target as HTMLElementTagNameMap['deeplake-uploader']).values]),
        onDeeplakeComplete: () => completes++,
      }),
    );
    const el = track(container.querySelector('deeplake-uploader')!);
    expect(ref.current, 'the ref is the element').to.equal(el);
    await el.updateComplete;
    expect(el.client === client, 'client set as a property').to.equal(true);
    expect([el.name, el.multiple, el.maxFiles, el.accept]).to.deep.equal(['attachments', true, 4, 'text/*']);

    el.addFiles([fileOf(1500, 'notes.txt', 'text/plain', 3)]);
    await until(() => completes === 1, 'onDeeplakeComplete fired');
    expect(successes).to.have.length(1);
    const [{ item, info }] = successes as [Success];
    expect([item.status, item.fileId, info.name, info.size]).to.deep.equal(['done', info.id, 'notes.txt', 1500]);
    expect(await storedIds(ws)).to.deep.equal([info.id]);
    await until(() => changes.length > 0, 'onChange fired');
    expect(changes.at(-1)).to.deep.equal([info.id]);
  });

  it('onDeeplakeReject fires for a refused file; a re-render swaps the listener and props', async () => {
    const ws = await newWorkspace();
    const first: string[] = [];
    const second: string[] = [];
    const props = { client: clientFor(ws), multiple: true, accept: 'image/*' };
    render(h(DeepLakeUploader, { ...props, onDeeplakeReject: (e) => first.push(e.detail.reason) }));
    const el = track(container.querySelector('deeplake-uploader')!);
    el.addFiles([fileOf(10, 'a.txt', 'text/plain', 1)]);
    expect(first).to.deep.equal(['type']);

    render(h(DeepLakeUploader, { ...props, maxFileSize: 5, onDeeplakeReject: (e) => second.push(e.detail.reason) }));
    expect(el.maxFileSize).to.equal(5);
    el.addFiles([fileOf(10, 'b.png', 'image/png', 2)]);
    expect([first, second], 'only the current listener runs').to.deep.equal([['type'], ['too-large']]);
  });

  it('DeepLakeFile fires onDeeplakeLoad with the info of its fileId, and onDeeplakeError for a bad id', async () => {
    const ws = await newWorkspace();
    const client = clientFor(ws);
    const stored = await client.upload(new File(['hello'], 'hello.txt', { type: 'text/plain' }));
    const loads: string[] = [];
    const errors: string[] = [];
    const onDeeplakeLoad = (e: CustomEvent<{ info: { id: string } }>) => loads.push(e.detail.info.id);
    const onDeeplakeError = (e: CustomEvent<{ error: { code: string } }>) => errors.push(e.detail.error.code);
    render(h(DeepLakeFile, { client, fileId: stored.id, loading: 'eager', onDeeplakeLoad, onDeeplakeError }));
    const el = container.querySelector('deeplake-file')!;
    expect([el.fileId, el.loading, el.client === client]).to.deep.equal([stored.id, 'eager', true]);
    await until(() => loads.length === 1, 'onDeeplakeLoad fired');
    expect(loads).to.deep.equal([stored.id]);

    render(h(DeepLakeFile, { client, fileId: 'not-a-uuid', loading: 'eager', onDeeplakeLoad, onDeeplakeError }));
    await until(() => errors.length === 1, 'onDeeplakeError fired');
    expect(errors).to.deep.equal(['not_found']);
  });
});
