/**
 * `<deeplake-uploader>`: a thin Lit view over an UploadQueue. It turns gestures (picker,
 * drop, paste) into validated `addFiles()` calls, renders the queue's immutable records,
 * and re-dispatches the queue's events as `deeplake-*` events. No upload logic lives here.
 */
import type { Listen } from '../shared/typed-listeners.js';
import { html, LitElement, nothing, type PropertyDeclaration, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { isFileId } from '../client/index.js';
import { resolveClient, tryResolveClient } from '../config.js';
import { getFormAnchor, getFormState, syncForm, type FieldState } from '../form/form-associated.js';
import { en, fill, type UploaderStrings } from '../i18n/strings.js';
import type { ImageOptions } from '../optimize/optimize.js';
import { UploadQueue, withPath, type UploadItem } from '../queue/index.js';
import { warmFormatters } from '../shared/format.js';
import { icons } from '../shared/icons.js';
import { uploaderEvent, type DeepLakeUploaderEventMap, type PendingFile } from './events.js';
import { uploaderFormState } from './form-state.js';
import { UploaderProperties } from './properties.js';
import { uploaderStyles } from './styles.js';
import { FileGestures } from './intake/gestures.js';
import { Rejections, screenFiles } from './intake/rejections.js';
import { Announcer } from './controllers/announcer.js';
import { needFileElement } from './controllers/file-element.js';
import { FocusKeeper } from './controllers/focus-keeper.js';
import { imagePrepare } from './controllers/lazy-optimize.js';
import { LazyThumbnails } from './controllers/lazy-thumbnails.js';
import { LeaveGuard } from './controllers/leave-guard.js';
import { QueueBridge } from './controllers/queue-bridge.js';
import { RenderPacer } from './controllers/render-pacer.js';
import { SubmitGuard } from './controllers/submit-guard.js';
import { memoRow, stableContext } from './templates/row-memo.js';
import { rejectionRow, rowAction, type RowContext } from './templates/row.js';
import { summaryRow } from './templates/summary.js';

/** `n` when a whole number of at least `min`, else `fallback` (the queue throws on anything else). */
const whole = (n: number, min: number, fallback: number) => (Number.isInteger(n) && n >= min ? n : fallback);

// The manifest (custom-elements.json) and the README's API reference are generated from
// this comment: one tag per line.
/**
 * Pick, drop or paste files; they are validated, uploaded with progress, and the stored
 * files' UUIDs become the element's form value.
 *
 * @fires deeplake-add - Cancelable. Files passed validation: `{ items, veto(file, message?), optimize(file, options | false) }`.
 * @fires deeplake-reject - A file was refused: `{ file, reason, message }`.
 * @fires deeplake-progress - Bytes moved: `{ item, totals }`.
 * @fires deeplake-success - A file is stored: `{ item, info }` (`info.id` is its UUID).
 * @fires deeplake-error - A file failed after retries: `{ item, error }`.
 * @fires deeplake-complete - Nothing left to upload: `{ items }`.
 * @fires deeplake-network - Uploads wait for the network (`{ waiting: true }`: the browser is offline), or go on (`{ waiting: false }`).
 * @fires change - The set of uploaded UUIDs (`values`) changed.
 * @slot - Extra content inside the drop zone (help text, limits).
 * @csspart dropzone - The drop area.
 * @csspart hint - The drop area's text.
 * @csspart browse-button - Opens the file picker.
 * @csspart icon - Every icon (an `<svg>`).
 * @csspart summary - The total progress row.
 * @csspart total-progress - The total progress bar.
 * @csspart total-progress-fill - The total bar's fill.
 * @csspart total-text - "2 of 5 uploaded".
 * @csspart upload-button - Starts the waiting files in `manual` mode.
 * @csspart list - The file list.
 * @csspart item - One row; also `item-<status>` (`item-uploading`, `item-error`, `item-rejected`, …).
 * @csspart thumbnail - Image preview or file icon.
 * @csspart name - File name.
 * @csspart meta - Size, status, speed or the reason for a failure.
 * @csspart progress - Per-file progress bar.
 * @csspart progress-fill - The per-file bar's fill.
 * @csspart actions - The row's buttons.
 * @csspart action - One row button; also `cancel-button`, `pause-button`, `resume-button`, `retry-button`, `remove-button`.
 * @cssprop --deeplake-accent - Accent: links, bars, focus ring.
 * @cssprop --deeplake-on-accent - Text on the accent.
 * @cssprop --deeplake-background - Background of the element.
 * @cssprop --deeplake-surface - Background of the drop zone and rows.
 * @cssprop --deeplake-color - Text.
 * @cssprop --deeplake-muted-color - Secondary text (sizes, status).
 * @cssprop --deeplake-border-color - Borders.
 * @cssprop --deeplake-danger-color - Failures and refusals.
 * @cssprop --deeplake-success-color - Done rows.
 * @cssprop --deeplake-radius - Corner radius.
 * @cssprop --deeplake-spacing - Base gap between parts.
 * @cssprop --deeplake-font-family - Font (inherited by default).
 * @cssprop --deeplake-font-size - Font size (inherited by default).
 * @attr theme - `light`, `dark` or `auto` (the reader's preference): forces a palette; by default the page's `color-scheme` decides (light unless it says otherwise).
 */
export class DeepLakeUploader extends UploaderProperties {
  static override styles = uploaderStyles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  private get input(): HTMLInputElement {
    return this.renderRoot.querySelector('input[type=file]')!;
  }

  /** Per-file image options a `deeplake-add` listener chose. */
  readonly #optimize = new WeakMap<File, ImageOptions | false>();
  readonly #queue: UploadQueue = new UploadQueue({ client: () => resolveClient(this), autoStart: true, prepare: imagePrepare(this, this.#optimize) });
  readonly #announcer = new Announcer(this);
  readonly #pacer = new RenderPacer(this, this.#queue);
  readonly #thumbnails = new LazyThumbnails(this);
  readonly #rejections = new Rejections(this, this.#announcer);
  readonly #bridge: QueueBridge;
  /** The stored UUIDs `change` last told of (the same array while they stay the same). */
  #toldValues: readonly string[] = this.#queue.fileIds;

  constructor() {
    super();
    new LeaveGuard(this, this.#queue);
    new FocusKeeper(this, '.browse');
    new FileGestures(this);
    this.#bridge = new QueueBridge(this, this.#queue, this.#announcer, () => this.#strings);
    new SubmitGuard(this, this.#queue);
  }

  /** The queue's records, newest last (read-only). */
  get items(): readonly UploadItem[] {
    return this.#queue.items;
  }
  /** UUIDs of the uploaded files, in list order. */
  get values(): string[] {
    return [...this.#queue.fileIds];
  }
  /** The first uploaded file's UUID, or "". */
  get value(): string {
    return this.#queue.fileIds[0] ?? '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#queue.addEventListener('change', this.#onChange);
    warmFormatters(this.#locale);
    // Moved in the DOM (a portal, a keyed list): the queue went on meanwhile. Rows, value,
    // validity and `change` catch up with it now (a first connection changes nothing),
    // then the outcome events held while it was away are dispatched.
    if (this.hasUpdated) this.#onChange();
    this.#bridge.flush();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#queue.removeEventListener('change', this.#onChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed); // `disabled` reaches the attribute first (properties.ts)
    if (changed.has('concurrency')) this.#queue.concurrency = whole(this.concurrency, 1, 3);
    if (changed.has('retries')) this.#queue.retries = whole(this.retries, 0, 3);
    if (changed.has('stallTimeout')) this.#queue.stallTimeoutMs = this.stallTimeout >= 0 ? this.stallTimeout * 1000 : undefined;
    if (changed.has('manual')) this.#queue.autoStart = !this.manual;
    if (['transport', 'tusEndpoint', 'chunkSize', 'client', 'tokenProvider', 'workspace', 'apiUrl'].some((k) => changed.has(k as keyof DeepLakeUploader))) {
      const tus = this.transport === 'tus';
      this.#queue.tus = tus ? { endpoint: this.tusEndpoint || undefined, chunkSize: this.chunkSize > 0 ? this.chunkSize : undefined } : undefined;
      // Uploads a reload cut off become "re-select to resume" rows (once a client can be resolved).
      if (tus)
        Promise.resolve()
          .then(() => this.#queue.listUnfinished())
          .catch(() => undefined);
    }
    if (this.#disabled) this.dragover = false;
    this.#thumbnails.track(this.#queue.items); // per render, not per queue change: rows come and go with renders
  }

  /** Opens the native file picker. */
  showPicker(): void {
    if (this.#disabled) return;
    this.input.value = ''; // so choosing the same file again still fires `change`
    try {
      this.input.showPicker();
    } catch {
      this.input.click(); // older engines, or no user activation for showPicker()
    }
  }

  /**
   * Validates and adds files (as the picker, a drop or a paste would). Refused files fire
   * `deeplake-reject`; the rest fire a cancelable `deeplake-add`, then join the queue.
   */
  addFiles(files: Iterable<File | PendingFile> | ArrayLike<File>): UploadItem[] {
    if (this.#disabled) return [];
    this.#pacer.urgent(); // refused files show at once too
    const s = this.#strings;
    const pending = Array.from(files as Iterable<File | PendingFile>, withPath);
    // Without `multiple`, files past the first are refused as `too-many` (and said so).
    const limits = { maxFileSize: this.maxFileSize, maxFiles: this.multiple ? this.maxFiles : 1, locale: this.#locale };
    const screened = screenFiles(pending, { accept: this.accept, ...limits }, this.multiple ? this.#queue.totals.kept : 0, s, limits);
    let { accepted } = screened;
    const { refused } = screened;

    if (accepted.length) {
      const vetoes = new Map<File, string>();
      const optimize = (file: File, options: ImageOptions | false) => this.#optimize.set(file, options);
      const event = uploaderEvent('deeplake-add', { items: accepted, veto: (file, message) => vetoes.set(file, message || s.rejectVetoed), optimize }, true);
      if (!this.dispatchEvent(event)) accepted = [];
      for (const [file, message] of vetoes) refused.push({ file, reason: 'vetoed', message });
      accepted = accepted.filter((p) => !vetoes.has(p.file));
    }
    // A single-file field's new file replaces the old choice, refusals of it included.
    if (!this.multiple && accepted.length) this.#rejections.clear();
    this.#rejections.add(refused, this.#strings);
    if (!accepted.length) return [];
    // A single-file field works like <input type=file>: a new choice replaces the old one.
    const added = this.multiple ? this.#queue.add(accepted) : this.#queue.replace(accepted);
    this.#thumbnails.added(added);
    this.#announcer.announce(added.length === 1 ? fill(s.announceAddedOne, { name: added[0]!.relativePath }) : fill(s.announceAdded, { count: added.length }));
    return added;
  }

  /** Starts files waiting in `manual` mode. */
  upload(): void {
    this.#pacer.urgent();
    this.#queue.start();
  }
  /** Cancels the upload `id` (queued, running or paused); without an id, all of them. */
  cancel(id?: string): void {
    this.#pacer.urgent();
    this.#queue.cancel(id);
  }
  /** Uploads the failed or canceled file `id` again; without an id, all of them. */
  retry(id?: string): void {
    this.#pacer.urgent();
    this.#queue.retry(id);
  }
  /** Pauses `id` (or all): `tus` keeps the sent bytes, `xhr` sends the file again on resume. */
  pause(id?: string): void {
    this.#pacer.urgent();
    this.#queue.pause(id);
  }
  /** Resumes the paused `id` (or all). */
  resume(id?: string): void {
    this.#pacer.urgent();
    this.#queue.resume(id);
  }
  /** Removes the row `id` from the list; without an id, removes the element itself (as `Element.remove()`). */
  override remove(id?: string): void {
    if (id === undefined) return super.remove();
    this.#pacer.urgent();
    this.#queue.remove(id);
  }
  /** Stops every upload and empties the list (stored files stay on the server). */
  reset(): void {
    this.#pacer.urgent();
    this.#queue.reset();
    this.#rejections.clear();
    this.requestUpdate();
  }

  /** Its own `disabled`, or a disabled `<fieldset>` around it (which `:disabled` also covers). */
  get #disabled(): boolean {
    return this.disabled || this.matches(':disabled');
  }

  override [getFormState](): FieldState {
    return uploaderFormState(this.#queue, this.uploadOnSubmit, this.#strings);
  }

  override [getFormAnchor](): HTMLElement | undefined {
    return this.renderRoot.querySelector<HTMLElement>('.browse') ?? undefined;
  }

  /** `form.reset()`: stop uploads and empty the list, without a `change` event (as native controls). */
  formResetCallback(): void {
    this.reset();
    this.#toldValues = this.#queue.fileIds;
    this[syncForm](); // the form reads the field right after reset(), before any render
  }

  /**
   * Back/forward (or autofill) hands back the UUIDs the field held: they come back as
   * done rows at once, so the value is whole (the queue looks up their names and sizes).
   */
  formStateRestoreCallback(state: string | File | FormData | null, mode: 'restore' | 'autocomplete'): void {
    // Autofill has no business putting stored files into a field: only real restores count.
    if (mode !== 'restore' || typeof state !== 'string') return;
    const restored = this.#queue.restore(state.split(/\s+/).filter(isFileId));
    this.#toldValues = this.#queue.fileIds; // a restore is not a user's change
    // Restored images are shown by <deeplake-file> (controllers/file-element.ts: loaded only when a
    // form restores, where the page does not have it yet).
    if (restored.length) needFileElement();
  }

  // Merged once per change of `strings`: a stable object lets unchanged rows skip rendering.
  #mergedFor: Partial<UploaderStrings> | undefined;
  #merged: UploaderStrings = en;
  get #strings(): UploaderStrings {
    if (this.#mergedFor !== this.strings) {
      this.#mergedFor = this.strings;
      this.#merged = { ...en, ...this.strings };
    }
    return this.#merged;
  }

  get #locale(): string | undefined {
    return this.closest<HTMLElement>('[lang]')?.lang || undefined;
  }

  readonly #onChange = () => {
    this.requestUpdate();
    if (!this.#queue.busy) {
      // The batch ended: render now, every row, so `deeplake-complete` listeners
      // (dispatched right after this change) read the final list, even synchronously.
      this.#pacer.idle();
      if (this.hasUpdated) this.performUpdate();
    }
    // The form sees every change now, not at the next (throttled) render.
    this[syncForm]();
    if (this.#queue.fileIds === this.#toldValues) return;
    this.#toldValues = this.#queue.fileIds;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  };

  /** A row's remove button; with `delete-on-remove` the stored file goes too. */
  #removeByUser(id: string): void {
    const item = this.#queue.get(id);
    this.remove(id);
    if (!this.deleteOnRemove || !item?.fileId) return;
    const name = item.relativePath;
    const fileId = item.fileId;
    Promise.resolve()
      .then(() => resolveClient(this).delete(fileId))
      .catch(() => this.#announcer.announce(fill(this.#strings.errorDelete, { name }), true));
  }

  readonly #onPicked = () => {
    this.addFiles(Array.from(this.input.files ?? []));
    this.input.value = '';
  };

  /**
   * Only the queue's own changes are held: a property the page sets (`disabled`,
   * `strings`, …) shows at once. (Lit sets defaults before this class's fields exist.)
   */
  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    super.requestUpdate(name, oldValue, options);
    if (name !== undefined && #pacer in this) this.#pacer.urgent();
  }

  /** A `<fieldset disabled>` around it: its buttons go disabled at once, uploads or not. */
  override formDisabledCallback(disabled: boolean): void {
    super.formDisabledCallback(disabled);
    this.#pacer.urgent();
  }

  /** The rows' buttons: one listener for the list (templates/row.ts). */
  readonly #onListClick = (event: Event) => {
    const hit = rowAction(event);
    if (hit?.key !== undefined) this.#rejections.dismiss(hit.key);
    else if (hit?.id !== undefined) {
      if (hit.action === 'remove') this.#removeByUser(hit.id);
      else this[hit.action](hit.id);
    }
  };
  /** The last render's row context: the same object while nothing in it changed. */
  #rowContext: RowContext | undefined;

  /** Lit's hook for when to render: paced while uploads run (controllers/render-pacer.ts). */
  protected override async scheduleUpdate(): Promise<void> {
    await this.#pacer.pace();
    void super.scheduleUpdate();
  }

  protected override render() {
    const s = this.#strings;
    const items = this.#queue.items;
    const next = { strings: s, locale: this.#locale, disabled: this.#disabled, retries: this.#queue.retries, client: tryResolveClient(this) };
    const ctx = (this.#rowContext = stableContext(this.#rowContext, next));
    return html`<div class="dropzone" part="dropzone">
        ${icons.upload}
        <span part="hint">${this.dragover ? s.dropActive : this.multiple ? s.dropHint : s.dropHintOne}</span>
        <button class="browse" part="browse-button" type="button" ?disabled=${this.#disabled} @click=${this.showPicker}>
          ${this.multiple ? s.browse : s.browseOne}
        </button>
        <input
          type="file"
          tabindex="-1"
          aria-hidden="true"
          ?multiple=${this.multiple}
          accept=${this.accept || nothing}
          capture=${this.capture || nothing}
          ?disabled=${this.#disabled}
          @change=${this.#onPicked}
        />
        <slot></slot>
      </div>
      ${items.length ? summaryRow(this.#queue.totals, { strings: s, manual: this.manual, disabled: this.#disabled, upload: () => this.upload() }) : nothing}
      ${
        items.length || this.#rejections.rows.length
          ? html`<ul class="list" part="list" aria-label=${s.listLabel} @click=${this.#onListClick}>
              ${repeat(
                this.#pacer.take(items),
                (i) => i.id,
                (i) => memoRow(i, ctx, this.#thumbnails.url(i.id)),
              )}
              ${repeat(
                this.#rejections.rows,
                (r) => r.key,
                (r) => rejectionRow(r, ctx),
              )}
            </ul>`
          : nothing
      }
      ${this.#announcer.render()}`;
  }
}

/** Listeners on the element are typed by event name, as `<video>`'s are (shared/typed-listeners.ts). */
export interface DeepLakeUploader {
  addEventListener: Listen<DeepLakeUploader, DeepLakeUploaderEventMap>;
  removeEventListener: Listen<DeepLakeUploader, DeepLakeUploaderEventMap, EventListenerOptions>;
}
