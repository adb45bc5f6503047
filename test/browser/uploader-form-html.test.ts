/**
 * A plain HTML form, no script of its own: `<form method="post">` posting into an iframe
 * to the emulator's `/__emulator/echo`, which answers with the fields it received. What
 * the server gets is read back from the iframe's document.
 */
import { expect, html } from '@open-wc/testing';
import type { EchoBody } from '../../src/emulator/echo.js';
import { clientFor, newWorkspace } from './emulator-control.js';
import { fileOf, mountTemplate, settled, storedIds, when, type DeepLakeUploader } from './uploader-helpers.js';

let frames = 0;

async function mountPostingForm(enctype: string, uploaderAttrs: { required?: boolean; manual?: boolean; uploadOnSubmit?: boolean } = {}) {
  const ws = await newWorkspace();
  const target = `echo-frame-${++frames}`;
  const root = await mountTemplate<HTMLElement>(
    html`<div>
      <iframe name=${target} title="Echo"></iframe>
      <form method="post" action="/__emulator/echo" target=${target} enctype=${enctype}>
        <label>Title <input name="title" value="Trip" /></label>
        <label for="attachments">Attachments</label>
        <deeplake-uploader
          id="attachments"
          name="attachments"
          multiple
          ?required=${uploaderAttrs.required ?? true}
          ?manual=${uploaderAttrs.manual}
          ?upload-on-submit=${uploaderAttrs.uploadOnSubmit}
          .client=${clientFor(ws)}
        ></deeplake-uploader>
        <button type="submit">Send</button>
      </form>
    </div>`,
  );
  const iframe = root.querySelector('iframe')!;
  const loads: EchoBody[] = [];
  const loaded = new Promise<EchoBody>((resolve) =>
    iframe.addEventListener('load', () => {
      const text = iframe.contentDocument?.body.textContent ?? '';
      loads.push(JSON.parse(text) as EchoBody);
      resolve(loads[0]!);
    }),
  );
  const el = root.querySelector<DeepLakeUploader>('deeplake-uploader')!;
  const form = root.querySelector('form')!;
  // Every submit event that went through (nothing prevented it) starts a post: counted as
  // it bubbles past the form (the uploader's listener is on the window, capturing).
  const posted: boolean[] = [];
  root.addEventListener('submit', (e) => void (e.defaultPrevented || posted.push(true)));
  return { ws, el, form, button: root.querySelector('button')!, loads, loaded, posted };
}

const files = () => [fileOf(1500, 'a.txt', 'text/plain', 1), fileOf(2500, 'b.txt', 'text/plain', 2)];

describe('<deeplake-uploader> in a plain HTML form', () => {
  for (const enctype of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
    it(`posts the uploaded UUIDs under its name (${enctype})`, async () => {
      const { ws, el, button, loads, loaded } = await mountPostingForm(enctype);
      const complete = when(el, 'deeplake-complete');
      el.addFiles(files());
      await complete;
      await settled(el);
      button.click();
      const echo = await loaded;
      expect(echo.fields).to.deep.equal({ title: ['Trip'], attachments: el.values });
      expect(echo.files, 'no file bytes posted').to.deep.equal({});
      expect([...echo.fields.attachments!].sort()).to.deep.equal((await storedIds(ws)).sort());
      expect(loads.length).to.equal(1);
    });
  }

  it('does not post while empty and required', async () => {
    const { el, button, loads, posted } = await mountPostingForm('multipart/form-data');
    let invalid = 0;
    el.addEventListener('invalid', () => invalid++);
    // The click validates the form and dispatches `submit` (or `invalid`) before it returns.
    button.click();
    expect([posted.length, invalid, loads.length, el.validity.valueMissing]).to.deep.equal([0, 1, 0, true]);
  });

  // Not `required` here: with files chosen but not uploaded yet, a required uploader
  // reports valueMissing and the browser refuses the submit before upload-on-submit runs.
  it('upload-on-submit: the button uploads the chosen files, then the form posts once', async () => {
    const attrs = { required: false, manual: true, uploadOnSubmit: true };
    const { el, button, loads, loaded, posted } = await mountPostingForm('multipart/form-data', attrs);
    el.addFiles(files());
    await settled(el);
    button.click();
    const echo = await loaded;
    expect(echo.fields.attachments).to.deep.equal(el.values);
    expect(el.values).to.have.length(2);
    // The held submit is sent again in one promise callback, long before its answer loads:
    // a second post would have been submitted by now.
    expect([posted.length, loads.length]).to.deep.equal([1, 1]);
  });
});
