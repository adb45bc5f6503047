/**
 * The client an element makes from the page's `configure()` (config.ts): `<deeplake-file>`
 * alone gets the reads (DeepLakeReader, no upload code); once the uploader's module is in,
 * clients are made as DeepLakeClient and shared by every element of the page, one token.
 * A client made for files before the uploader loaded is replaced when the uploader asks,
 * so a page that loads the uploader late still uploads.
 *
 * The tests run in order on one page: the first one before the uploader's module is loaded.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import { configure } from '../../src/config.js';
import type { DeepLakeUploader } from '../../src/uploader/deeplake-uploader.js';
import { apiUrl, clientFor, newWorkspace, recordingProvider, type TestWorkspace } from './emulator-control.js';
// file-helpers loads <deeplake-file> only; the uploader's module is imported by the first test.
import { mountLoaded } from './file-helpers.js';

/** An uploader configured by the page alone; resolves with the stored id of `file` (or fails with the row's error). */
async function uploaded(file: File): Promise<string> {
  const el = fixtureSync<DeepLakeUploader>(html`<deeplake-uploader></deeplake-uploader>`);
  await el.updateComplete;
  el.addFiles([file]);
  const outcome = await new Promise<Event>((resolve) => {
    el.addEventListener('deeplake-success', resolve, { once: true });
    el.addEventListener('deeplake-error', resolve, { once: true });
  });
  const error = (outcome as CustomEvent<{ error?: Error }>).detail.error;
  expect(outcome.type, error && `${error.name}: ${error.message}`).to.equal('deeplake-success');
  return el.values[0]!;
}

const shownFile = (id: string) => mountLoaded({ 'file-id': id });

async function configured(): Promise<{ ws: TestWorkspace; calls: unknown[]; stored: string }> {
  const ws = await newWorkspace();
  const stored = (await clientFor(ws).upload(new File(['hello'], 'hello.txt', { type: 'text/plain' }))).id;
  const tokenProvider = recordingProvider(ws);
  configure({ apiUrl, workspace: ws.workspace, tokenProvider });
  return { ws, calls: tokenProvider.calls, stored };
}

describe('clients made from configure()', function () {
  this.timeout(60_000); // a first dynamic import, uploads and renders on a loaded machine

  it('a page that loads the uploader after showing files still uploads through the page defaults', async () => {
    const { calls, stored } = await configured();
    await shownFile(stored);
    expect(calls, 'the file element asked for one token').to.have.length(1);

    await import('../../src/uploader/deeplake-uploader.js');
    const id = await uploaded(new File(['late'], 'late.txt', { type: 'text/plain' }));
    expect(id).to.match(/^[0-9a-f-]{36}$/);
    // The uploader's client replaced the reads-only one; from now on everyone shares it.
    await shownFile(id);
    expect(calls, 'one token for the first client, one for the one that uploads, none after').to.have.length(2);
  });

  it('a page with both elements shares one client: one token for files shown and uploaded', async () => {
    await import('../../src/uploader/deeplake-uploader.js'); // loaded by the test above, unless it ran alone
    const { calls, stored } = await configured();
    await shownFile(stored);
    const id = await uploaded(new File(['both'], 'both.txt', { type: 'text/plain' }));
    await shownFile(id);
    expect(calls).to.have.length(1);
  });
});
