/**
 * `<deeplake-uploader>`: how files get in (addFiles, the picker, drop, paste, paste into
 * a form) and what comes out (`value`/`values`, native `change`, `deeplake-success`),
 * checked against what the emulator really stored.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { isFileId } from '../../src/client/index.js';
import { clientFor, injectFault, newWorkspace } from './emulator-control.js';
import {
  browseButton,
  drag,
  drop,
  fileInput,
  fileOf,
  focused,
  mount,
  mountTemplate,
  paste,
  pasteEvent,
  pick,
  posts,
  postsSoFar,
  recordEvents,
  storedIds,
  when,
  type DeepLakeUploader,
} from './uploader-helpers.js';

describe('<deeplake-uploader> selection', () => {
  it('uploads files from addFiles() and exposes the stored UUIDs as value/values', async () => {
    const { el, ws } = await mount({ multiple: true });
    expect([el.value, el.values]).to.deep.equal(['', []]);
    const log = recordEvents(el, ['deeplake-success', 'deeplake-complete']);
    const complete = when(el, 'deeplake-complete');
    const added = el.addFiles([fileOf(1500, 'a.bin', '', 1), fileOf(2500, 'b.bin', '', 2)]);
    expect(added.map((i) => i.relativePath)).to.deep.equal(['a.bin', 'b.bin']);
    await complete;

    expect(el.items.map((i) => i.status)).to.deep.equal(['done', 'done']);
    expect(el.values).to.deep.equal(el.items.map((i) => i.fileId));
    expect(el.values.every(isFileId)).to.equal(true);
    expect(el.value).to.equal(el.values[0]);
    expect([...(await storedIds(ws))].sort()).to.deep.equal([...el.values].sort());

    const successes = log
      .filter(([name]) => name === 'deeplake-success')
      .map(([, d]) => d as { item: { id: string; fileId: string; status: string }; info: { id: string; name: string; size: number } });
    expect(successes.length).to.equal(2);
    for (const { item, info } of successes) {
      expect(item.status).to.equal('done');
      expect(item.fileId).to.equal(info.id);
      expect(el.values).to.include(info.id);
    }
    expect(successes.map(({ info }) => [info.name, info.size]).sort()).to.deep.equal([
      ['a.bin', 1500],
      ['b.bin', 2500],
    ]);
    expect(log.at(-1)![0]).to.equal('deeplake-complete');
  });

  it('fires a native `change` once per change of values, bubbling, and never for progress alone', async () => {
    const { el, ws } = await mount({ multiple: true, concurrency: 1 });
    // Answers 150 ms apart: each stored file is its own batch of the queue's events.
    await injectFault(ws.workspace, { match: { method: 'POST' }, latencyMs: 150, count: 2 });
    const seen: string[] = [];
    let bubbled = 0;
    let custom = 0;
    el.addEventListener('change', (e) => {
      if (e instanceof CustomEvent) custom++;
      seen.push(el.values.join(' '));
    });
    el.parentElement!.addEventListener('change', () => bubbled++);
    const complete = when(el, 'deeplake-complete');
    el.addFiles([fileOf(3000, 'a.bin', '', 1), fileOf(3000, 'b.bin', '', 2)]);
    await complete;
    const [a, b] = el.values;
    expect(seen).to.deep.equal([a, `${a} ${b}`]);
    expect([bubbled, custom]).to.deep.equal([2, 0]);

    // Removing a stored row changes the values once more; removing nothing does not: the
    // next change seen is the reset's, which comes after.
    const removed = new Promise((resolve) => el.addEventListener('change', resolve, { once: true }));
    el.remove(el.items[0]!.id);
    await removed;
    expect(seen).to.deep.equal([a, `${a} ${b}`, b]);
    el.remove('no-such-id');
    const cleared = new Promise((resolve) => el.addEventListener('change', resolve, { once: true }));
    el.reset();
    await cleared;
    expect(seen).to.deep.equal([a, `${a} ${b}`, b, '']);
  });

  it('offers a real <button> to browse, reachable by Tab', async () => {
    const root = await mountTemplate<HTMLElement>(
      html`<div>
        <button id="before">before</button>
        <deeplake-uploader multiple></deeplake-uploader>
      </div>`,
    );
    const el = root.querySelector('deeplake-uploader')!;
    root.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('button: choose files');
    const button = browseButton(el);
    expect(el.shadowRoot!.activeElement === button, 'the browse control itself').to.equal(true);
    expect(button.type).to.equal('button');
    // Activating it with the keyboard opens the native picker of the hidden input.
    let opened = 0;
    fileInput(el).showPicker = () => void opened++;
    await sendKeys({ press: 'Enter' });
    expect(opened).to.equal(1);
    // The hidden input is not a second tab stop.
    expect(fileInput(el).tabIndex).to.equal(-1);
  });

  it('adds files chosen through the hidden file input, with its multiple and accept set', async () => {
    const { el, ws } = await mount({ multiple: true, accept: '.bin' });
    const input = fileInput(el);
    expect([input.multiple, input.accept]).to.deep.equal([true, '.bin']);
    const complete = when(el, 'deeplake-complete');
    pick(el, [fileOf(100, 'p1.bin', '', 1), fileOf(200, 'p2.bin', '', 2)]);
    expect(el.items.map((i) => i.relativePath)).to.deep.equal(['p1.bin', 'p2.bin']);
    expect(input.value, 'cleared so the same file can be chosen again').to.equal('');
    await complete;
    expect((await storedIds(ws)).length).to.equal(2);
  });

  it('adds dropped files and prevents the browser from opening them', async () => {
    const { el, ws } = await mount({ multiple: true });
    const complete = when(el, 'deeplake-complete');
    const event = drop(el, [fileOf(100, 'd1.bin', '', 1), fileOf(300, 'd2.bin', '', 2)]);
    expect(event.defaultPrevented).to.equal(true);
    await complete;
    expect(el.items.map((i) => [i.relativePath, i.status])).to.deep.equal([
      ['d1.bin', 'done'],
      ['d2.bin', 'done'],
    ]);
    expect([...(await storedIds(ws))].sort()).to.deep.equal([...el.values].sort());
  });

  it('shows `dragover` while files hover, cleared by dragleave and by drop', async () => {
    const { el } = await mount({ multiple: true, manual: true });
    const file = fileOf(10, 'h.bin');
    expect(el.hasAttribute('dragover')).to.equal(false);
    const enter = drag(el, 'dragenter', [file]);
    await el.updateComplete;
    expect(enter.defaultPrevented).to.equal(true);
    expect(el.hasAttribute('dragover')).to.equal(true);
    expect(drag(el, 'dragover', [file]).defaultPrevented, 'dragover must be canceled to allow the drop').to.equal(true);
    drag(el, 'dragleave', [file]);
    await el.updateComplete;
    expect(el.hasAttribute('dragover')).to.equal(false);

    drag(el, 'dragenter', [file]);
    await el.updateComplete;
    expect(el.hasAttribute('dragover')).to.equal(true);
    drop(el, [file]);
    await el.updateComplete;
    expect(el.hasAttribute('dragover')).to.equal(false);

    // Text being dragged is not a file drag.
    const text = new DataTransfer();
    text.setData('text/plain', 'hello');
    el.dispatchEvent(new DragEvent('dragenter', { dataTransfer: text, bubbles: true, cancelable: true, composed: true }));
    await el.updateComplete;
    expect(el.hasAttribute('dragover')).to.equal(false);
  });

  it('adds pasted files and cancels the paste', async () => {
    const { el, ws } = await mount({ multiple: true });
    const complete = when(el, 'deeplake-complete');
    const event = paste(el, [fileOf(400, 'clip.bin')]);
    expect(event.defaultPrevented).to.equal(true);
    await complete;
    expect(el.items.map((i) => [i.relativePath, i.status])).to.deep.equal([['clip.bin', 'done']]);
    expect(await storedIds(ws)).to.deep.equal(el.values);
  });

  it('sends files pasted elsewhere in the form to its first enabled uploader, once', async () => {
    const [ws1, ws2, ws3] = await Promise.all([newWorkspace(), newWorkspace(), newWorkspace()]);
    const form = await mountTemplate<HTMLFormElement>(
      html`<form>
        <input name="title" />
        <deeplake-uploader id="off" disabled multiple .client=${clientFor(ws1)}></deeplake-uploader>
        <deeplake-uploader id="first" multiple .client=${clientFor(ws2)}></deeplake-uploader>
        <deeplake-uploader id="second" multiple .client=${clientFor(ws3)}></deeplake-uploader>
      </form>`,
    );
    const [off, first, second] = (['off', 'first', 'second'] as const).map((id) => form.querySelector<DeepLakeUploader>(`#${id}`)!);
    let adds = 0;
    form.addEventListener('deeplake-add', () => adds++);
    const complete = when(first!, 'deeplake-complete');
    const event = paste(form.querySelector('input')!, [fileOf(500, 'into-form.bin')]);
    expect(event.defaultPrevented).to.equal(true);
    await complete;
    expect(adds).to.equal(1);
    expect(first!.items.map((i) => i.relativePath)).to.deep.equal(['into-form.bin']);
    expect([off!.items.length, second!.items.length]).to.deep.equal([0, 0]);
    expect((await storedIds(ws2)).length).to.equal(1);
    expect([(await posts(ws1)).length, (await posts(ws3)).length]).to.deep.equal([0, 0]);

    // A paste with focus inside the second uploader goes there, not also to the first.
    const secondDone = when(second!, 'deeplake-complete');
    paste(browseButton(second!), [fileOf(600, 'direct.bin')]);
    await secondDone;
    expect(adds).to.equal(2);
    expect(first!.items.length).to.equal(1);
    expect(second!.items.map((i) => i.relativePath)).to.deep.equal(['direct.bin']);

    // A text-only paste in the form is left alone.
    const text = new DataTransfer();
    text.setData('text/plain', 'just text');
    const textPaste = pasteEvent(text);
    form.querySelector('input')!.dispatchEvent(textPaste);
    expect(textPaste.defaultPrevented).to.equal(false);
  });

  it('stops taking the form’s pastes once it leaves the form', async () => {
    const ws = await newWorkspace();
    const root = await mountTemplate<HTMLElement>(
      html`<div>
        <form><input /><deeplake-uploader multiple manual .client=${clientFor(ws)}></deeplake-uploader></form>
        <section></section>
      </div>`,
    );
    const el = root.querySelector('deeplake-uploader')!;
    const input = root.querySelector('input')!;
    const added = when(el, 'deeplake-add');
    paste(input, [fileOf(10, 'in-form.bin')]);
    await added;
    expect(el.items.length).to.equal(1);
    root.querySelector('section')!.append(el);
    // A paste it takes is prevented in the event itself: not prevented, it was left alone.
    const event = paste(input, [fileOf(10, 'after-move.bin')]);
    expect([el.items.length, event.defaultPrevented]).to.deep.equal([1, false]);
  });

  it('is inert while disabled: no picker files, drops, pastes or addFiles', async () => {
    const { el, ws } = await mount({ multiple: true, disabled: true });
    expect(browseButton(el).disabled).to.equal(true);
    expect(el.addFiles([fileOf(10, 'x.bin')])).to.deep.equal([]);
    drop(el, [fileOf(10, 'y.bin')]);
    expect(paste(el, [fileOf(10, 'z.bin')]).defaultPrevented, 'a paste it takes is prevented').to.equal(false);
    expect(await postsSoFar(ws)).to.deep.equal([]);
    // A drop's files are read after the event: enabled again, a later drop's add comes
    // after anything the first one would have added.
    el.disabled = false;
    await el.updateComplete;
    const added = when(el, 'deeplake-add');
    drop(el, [fileOf(10, 'later.bin')]);
    await added;
    expect(el.items.map((i) => i.relativePath)).to.deep.equal(['later.bin']);
  });
});
