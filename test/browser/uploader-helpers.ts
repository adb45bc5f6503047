/**
 * Shared helpers of the `<deeplake-uploader>` browser tests: mounting an element on its
 * own workspace, delivering files the ways a person does (picker, drop, paste), waiting
 * for the element's events, and reading its rows. Every element mounted here is reset
 * after each test, so no upload of one test keeps running into the next.
 */
import { fixtureSync, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/uploader/deeplake-uploader.js';
import type { DeepLakeUploader } from '../../src/uploader/deeplake-uploader.js';
import type { DeepLakeUploaderEventDetail } from '../../src/uploader/events.js';
import { clientFor, makeBytes, newWorkspace, requestsSoFar, type LoggedRequest, type TestWorkspace } from './emulator-control.js';
import { nextTask } from './wait.js';

// Defined once elsewhere (waits in wait.ts), imported from here by the element's tests too.
export { posts } from './emulator-control.js';
export { countOf, MID_BODY_SIZE, whenMidBody } from './queue-helpers.js';
export { nextTask, quietFor, until, when } from './wait.js';

export type { DeepLakeUploader };
export const MB = 1024 * 1024;

const mounted = new Set<DeepLakeUploader>();
afterEach(() => {
  for (const el of mounted) el.reset();
  mounted.clear();
});

/** Registers `el` for the after-each reset (for elements mounted by a custom template). */
export function track<T extends DeepLakeUploader>(el: T): T {
  mounted.add(el);
  return el;
}

/**
 * A new workspace and an uploader on it. `attrs`: attribute name → value (`true` = present).
 * Returns the element, its workspace and a client to check what the server holds.
 */
export async function mount(attrs: Record<string, string | number | boolean> = {}) {
  const ws = await newWorkspace();
  const el = document.createElement('deeplake-uploader');
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) el.setAttribute(name, '');
    else if (value !== false) el.setAttribute(name, String(value));
  }
  el.client = clientFor(ws);
  const placed = track(fixtureSync<DeepLakeUploader>(html`${el}`));
  await placed.updateComplete;
  return { el: placed, ws, client: el.client };
}

/**
 * Renders `template` and tracks every uploader inside it. `fixtureSync`, then the
 * uploaders' own render: `fixture()` waits for an animation frame for a non-Lit root,
 * and a test page in a background tab (files run two at a time) never gets one.
 */
export async function mountTemplate<T extends Element>(template: TemplateResult): Promise<T> {
  const root = fixtureSync<T>(template);
  const all = root.matches('deeplake-uploader') ? [root] : [...root.querySelectorAll('deeplake-uploader')];
  for (const el of all) track(el);
  await Promise.all(all.map((el) => el.updateComplete));
  return root;
}

/** A file of `size` deterministic bytes. */
export const fileOf = (size: number, name: string, type = '', seed = 1) => new File([makeBytes(size, seed)], name, { type });

/** The queue announces changes a microtask later and Lit renders after that: wait for both. */
export async function settled(el: DeepLakeUploader): Promise<void> {
  await nextTask();
  await el.updateComplete;
}

/** The POSTs that reached the server before now (requestsSoFar: no waiting a while). */
export const postsSoFar = async (ws: TestWorkspace): Promise<LoggedRequest[]> => (await requestsSoFar(ws)).filter((r) => r.method === 'POST');

type UploaderEventName = keyof DeepLakeUploaderEventDetail;

/** Records each `deeplake-*` event of `el` as [name, detail]. */
export function recordEvents(el: HTMLElement, names: UploaderEventName[]): Array<[UploaderEventName, unknown]> {
  const log: Array<[UploaderEventName, unknown]> = [];
  for (const name of names) el.addEventListener(name, (e) => log.push([name, (e as CustomEvent).detail]));
  return log;
}

/** Calls `check` after every render of `el` (a reactive controller, so no update is missed). */
export function onEveryUpdate(el: DeepLakeUploader, check: () => void): void {
  el.addController({ hostUpdated: check });
}

// ---- gestures ----------------------------------------------------------------------------

export function transfer(files: File[]): DataTransfer {
  const dt = new DataTransfer();
  for (const file of files) dt.items.add(file);
  return dt;
}

export const dropzone = (el: DeepLakeUploader) => el.shadowRoot!.querySelector<HTMLElement>('[part=dropzone]')!;

/** A drag event of `type` carrying `files`, dispatched on the drop zone (as under a pointer). */
export function drag(el: DeepLakeUploader, type: 'dragenter' | 'dragover' | 'dragleave' | 'drop', files: File[]): DragEvent {
  const event = new DragEvent(type, { dataTransfer: transfer(files), bubbles: true, cancelable: true, composed: true });
  dropzone(el).dispatchEvent(event);
  return event;
}

export const drop = (el: DeepLakeUploader, files: File[]) => drag(el, 'drop', files);

/**
 * A synthetic paste event carrying `data`. Firefox replaces a `clipboardData` given to the
 * ClipboardEvent constructor with an empty DataTransfer; a property defined on the event
 * carries it in every engine.
 */
export function pasteEvent(data: DataTransfer): ClipboardEvent {
  const event = new ClipboardEvent('paste', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'clipboardData', { value: data });
  return event;
}

export function paste(target: EventTarget, files: File[]): ClipboardEvent {
  const event = pasteEvent(transfer(files));
  target.dispatchEvent(event);
  return event;
}

export const fileInput = (el: DeepLakeUploader) => el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;

/** Chooses `files` through the hidden `<input type=file>`, as the native picker does. */
export function pick(el: DeepLakeUploader, files: File[]): void {
  const input = fileInput(el);
  input.files = transfer(files).files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export type Gesture = 'picker' | 'drop' | 'paste';
export const GESTURES: Gesture[] = ['picker', 'drop', 'paste'];

export function deliver(el: DeepLakeUploader, how: Gesture, files: File[]): void {
  if (how === 'picker') pick(el, files);
  else if (how === 'drop') drop(el, files);
  else paste(el, files);
}

// ---- reading the view ----------------------------------------------------------------------

export const $ = <T extends Element = HTMLElement>(el: DeepLakeUploader, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: DeepLakeUploader, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

export const rows = (el: DeepLakeUploader) => $$<HTMLLIElement>(el, 'li.item');

/** The row whose name reads `name`. */
export function rowNamed(el: DeepLakeUploader, name: string): HTMLLIElement {
  const row = rows(el).find((r) => r.querySelector('[part=name]')?.textContent === name);
  if (!row) throw new Error(`no row named ${name}`);
  return row;
}

export const actionButton = (row: Element, action: string) => row.querySelector<HTMLButtonElement>(`[part~="${action}-button"]`);
export const metaText = (row: Element) => row.querySelector('[part=meta]')!.textContent.trim();
export const browseButton = (el: DeepLakeUploader) => $<HTMLButtonElement>(el, '[part=browse-button]')!;
export const politeText = (el: DeepLakeUploader) => $(el, '[role=status]')!.textContent.trim();
export const alertText = (el: DeepLakeUploader) => $(el, '[role=alert]')!.textContent.trim();

/**
 * What has focus, as text ("button: Remove a.bin"): DOM nodes in a failed assertion would
 * be serialized by the test runner, which a shadow root's cycles can bring down.
 */
export function focused(el: DeepLakeUploader): string {
  if (document.activeElement !== el) return `outside the element (${document.activeElement?.localName ?? 'nothing'})`;
  const inner = el.shadowRoot!.activeElement;
  if (!inner) return 'nothing inside the element';
  return `${inner.localName}: ${inner.getAttribute('aria-label') ?? inner.textContent.trim()}`;
}

export const storedIds = async (ws: TestWorkspace) => (await clientFor(ws).list({ limit: 100 })).map((f) => f.id);
