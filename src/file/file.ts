/**
 * `<deeplake-file>`: shows one stored file by its UUID. It fetches the bytes with the
 * bearer token, and the content answer's headers say what they are (shared with every
 * other element showing the same file, see url-cache.ts); it renders them by type through
 * an object URL that is revoked when no element shows the file any more.
 */
import type { Listen } from '../shared/typed-listeners.js';
import { nothing, type PropertyValues } from 'lit';
import { DeepLakeError } from '../client/errors.js';
import { isFileId, type FileInfo } from '../client/wire.js';
import { secrets, type DeepLakeReader } from '../client/reader.js';
import { resolveClient, tryResolveClient } from '../config.js';
import { fileEn, fileErrorText } from '../i18n/file-strings.js';
import { fileEvent, type DeepLakeFileEventDetail, type DeepLakeFileEventMap } from './events.js';
import { kindOf } from './kind.js';
import { FileProperties } from './properties.js';
import { fileStyles } from './styles.js';
import { acquire, type Lease } from './url-cache.js';
import { failure, loaded, placeholder, type Loaded } from './views.js';
import { forget, sizedAtConnect, measureAtConnect, whenNear, whileShown } from './viewport.js';

type View = { state: 'idle' } | { state: 'loading'; busy?: boolean; quiet?: boolean } | Loaded | { state: 'error'; error: DeepLakeError; invalid?: boolean };

/** What changes only how the file looks; a change to any other property means another file, or another way to fetch it. */
const LOOK: PropertyKey[] = ['alt', 'strings'];

/** A content type that says nothing (missing, or bytes of any kind): only `info` can tell what the file is. */
const GENERIC = /^(application\/octet-stream)?$/;

/**
 * How long an element in a box the page sized stays quiet (renders nothing) while its file
 * loads before it says "Loading…": most images arrive sooner, and a placeholder that
 * shows for a frame is a flash, and a render and a layout of the whole grid before the
 * first answer can be handled. Tests shorten it.
 */
export const quietLoad = { ms: 400 };

/**
 * An `<img>` of `src`, loaded before anyone sees it: inserted, it paints in the next frame
 * (no empty box for a frame), decoded there as a plain `<img>` is. Not `decode()`: its
 * promise settles only with a frame after the decode (Chromium), a frame more before the
 * first pixel. A broken image is still shown, as the browser shows one.
 */
function loadedImage(src: string, priority?: 'high'): Promise<HTMLImageElement> {
  const img = new Image();
  img.part = 'image';
  if (priority) img.fetchPriority = priority; // a resolveUrl image is fetched by the <img> itself
  img.src = src;
  return new Promise((resolve) => (img.onload = img.onerror = () => resolve(img)));
}

const asError = (error: unknown): DeepLakeError => (error instanceof DeepLakeError ? error : new DeepLakeError('network', String(error), { cause: error }));

/**
 * Shows one stored file by its UUID: an image, video, audio, PDF or text preview, or a
 * download card, fetched with the bearer token from the token provider. Its state is also
 * a custom state for styling: `deeplake-file:state(loading|loaded|error)`.
 *
 * @fires deeplake-load - The file is shown (a card: ready to download): `{ info }`.
 * @fires deeplake-error - It could not be (404, 401/403, network, an id that is not a UUID): `{ error }`.
 * @slot placeholder - Shown until the file is loaded, instead of the default placeholder.
 * @csspart image @csspart video @csspart audio @csspart pdf - The rendered file, by kind.
 * @csspart text - Text files (the first 64 KiB). @csspart note - "Showing the first …" under a cut text.
 * @csspart card - Download card. @csspart icon @csspart name @csspart size @csspart download-button - Its pieces.
 * @csspart placeholder - The default placeholder: an empty box until the fetch starts (a lazy element not yet scrolled near), then "Loading…"; none for an element connected with its id in a box already sized (the page's CSS, or `fit`) until the load has taken 400 ms.
 * @csspart error - Error state. @csspart message - Its text. @csspart retry-button - Fetches again.
 * @cssprop --deeplake-file-height - Height of a PDF; the most a text file takes before it scrolls; with `fit`, the height of the tile.
 * @attr theme - `light`, `dark` or `auto` (the reader's preference): forces a palette; by default the page's `color-scheme` decides (light unless it says otherwise).
 * @cssprop --deeplake-accent @cssprop --deeplake-on-accent @cssprop --deeplake-background @cssprop --deeplake-surface
 * @cssprop --deeplake-color @cssprop --deeplake-muted-color @cssprop --deeplake-border-color @cssprop --deeplake-danger-color
 * @cssprop --deeplake-radius @cssprop --deeplake-spacing @cssprop --deeplake-font-family @cssprop --deeplake-font-size
 */
export class DeepLakeFile extends FileProperties {
  static override styles = fileStyles;

  #view: View = { state: 'idle' };
  #info: FileInfo | undefined;
  #lease: Lease | undefined;
  /** Bumped on every (re)start: an answer for an older run is dropped, never rendered. */
  #run = 0;
  #armed = false;
  readonly #internals = this.attachInternals();

  /** The file's metadata once `info` answered (read-only). */
  get info(): FileInfo | undefined {
    return this.#info;
  }

  override connectedCallback(): void {
    // Before Lit queues the first render: the box is read before any element renders (viewport.ts).
    measureAtConnect(this);
    // The token asked for now, before Lit queues the first render: one the provider has at
    // hand is cached before a near element's first update, whose request then leaves at
    // once, not behind every other element's first render (auth.ts `warm`).
    try {
      const client = isFileId(this.fileId) ? tryResolveClient<DeepLakeReader>(this) : undefined;
      if (client) secrets(client)[0].warm();
    } catch {
      /* a `client` that is no DeepLakeReader (a framework's Proxy of one): its first request says so */
    }
    super.connectedCallback();
    if (!this.#armed) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move within the page (disconnected and connected again in one task) keeps its lease.
    queueMicrotask(() => this.isConnected || this.#stop());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.isConnected && (!this.#armed || [...changed.keys()].some((key) => !LOOK.includes(key)))) this.#start();
  }

  /** Drops the current file: the lease (aborting and revoking when it was the last), the observer, late answers. */
  #stop(): void {
    this.#run++;
    this.#armed = false;
    this.#info = undefined;
    forget(this);
    this.#lease?.release();
    this.#lease = undefined;
  }

  /** `held`: an image let go far from the viewport (#park), back when near, eager or not. */
  #start(held?: boolean): void {
    this.#stop();
    this.#armed = true;
    const run = this.#run;
    const id = this.fileId;
    if (!id) return this.#show({ state: 'idle' }, run);
    if (!isFileId(id)) return this.#fail(new DeepLakeError('not_found', 'Not a file id (expected a UUID)'), run, true);
    // Quiet until the fetch starts: nothing is loading yet. Held: an empty box, no placeholder.
    // First connected in a box already sized (the page's CSS, or `fit`): nothing rendered at
    // all (on a gallery's first screen, renders and a layout that would hold up the first
    // answers; far away, a box nobody sees) until the load has taken a while (quietLoad);
    // unless the page gave a placeholder of its own, which shows from the start. Not once it
    // has rendered: connected again, its box is what it last rendered, no size of the page's.
    const quiet = !this.hasUpdated && sizedAtConnect(this) && !(this.firstElementChild && this.querySelector(':scope > [slot=placeholder]'));
    this.#show(held ? { state: 'idle' } : { state: 'loading', quiet }, run);
    if (this.loading === 'eager' && !held) void this.#load(run);
    else whenNear(this, () => void this.#load(run, held));
  }

  /**
   * Far from the viewport for a while (viewport.ts): the image lets its lease go (the
   * bytes, its object URL revoked, its bitmap) and comes back when scrolled near, so a
   * long gallery does not hold every image scrolled past. Meanwhile it is an empty box
   * of the same height, or content above the viewport would move (Safari has no scroll
   * anchoring), with no "Loading…" placeholder until the image is back.
   */
  readonly #park = () => {
    this.style.setProperty('--_held', `${this.offsetHeight}px`);
    this.#start(true);
  };

  async #load(run: number, held?: boolean): Promise<void> {
    if (!held) this.#busy(run);
    try {
      const id = this.fileId;
      const lease = (this.#lease = acquire(resolveClient<DeepLakeReader>(this), id));
      const priority = this.loading === 'eager' ? 'high' : undefined;
      // A PDF viewer does not fit a tile: there it is a card, like any document. So where
      // the browser cannot show PDFs inline (most phones): no bytes fetched for nothing.
      // Asked only of a PDF: the first read of pdfViewerEnabled is a plugin lookup (~1 ms).
      const pdf = () => !this.fit && navigator.pdfViewerEnabled !== false;
      let info: FileInfo | undefined;
      let url: string | null | undefined;
      // No bytes through the client for a forced card or a resolved URL (a video streams
      // from it): `info` alone says what the file is, asked beside resolveUrl.
      if (this.download || this.resolveUrl) [info, url] = await Promise.all([lease.info(), this.resolveUrl?.(id)]);
      if (!info) {
        // One round trip to the bytes: the content answer's headers say what they are.
        const head = await lease.open(pdf, priority);
        info = GENERIC.test(head.contentType) ? await lease.info() : head;
        // A name (alt text, a card) or a size the headers left out: `info`, beside the bytes, never before them.
        if (!info.name || info.size < 0) {
          lease.info().then((full) => {
            if (run === this.#run) this.#info = (this.#view as Loaded).info = full;
            this.requestUpdate();
          }, Boolean);
        }
      }
      if (run !== this.#run) return;
      this.#info ??= info;
      let kind = this.download ? 'card' : kindOf(info.contentType);
      if (kind === 'pdf' && !pdf()) kind = 'card';
      const view: Loaded = { state: 'loaded', kind, info: this.#info };
      if (kind === 'text') Object.assign(view, await lease.text());
      else view.url = url || (kind === 'card' ? undefined : await lease.url(info.contentType));
      if (kind === 'image') view.image = await loadedImage(view.url!, priority);
      this.#show(view, run, 'deeplake-load', { info: view.info });
      if (kind === 'image' && run === this.#run) whileShown(this, this.#park);
    } catch (error) {
      this.#fail(asError(error), run);
    }
  }

  /** "Loading…": at once, or after quietLoad.ms for an element that renders nothing while it waits. */
  #busy(run: number): void {
    const view = this.#view;
    const busy = () => view === this.#view && this.#show({ state: 'loading', busy: true }, run);
    if (view.state === 'loading' && view.quiet) setTimeout(busy, quietLoad.ms);
    else busy();
  }

  #fail(error: DeepLakeError, run: number, invalid?: boolean): void {
    this.#show({ state: 'error', error, invalid }, run, 'deeplake-error', { error });
  }

  /** Shows `view` if `run` is still current; the event follows once it is rendered. */
  #show<K extends keyof DeepLakeFileEventDetail>(view: View, run: number, event?: K, detail?: DeepLakeFileEventDetail[K]): void {
    if (run !== this.#run) return;
    this.#view = view;
    if (view.state !== 'idle') this.style.removeProperty('--_held');
    const states = this.#internals.states;
    states.clear();
    states.add(view.state);
    this.requestUpdate();
    if (event) void this.updateComplete.then(() => run === this.#run && this.dispatchEvent(fileEvent(event, detail!)));
  }

  readonly #retry = () => this.#start();

  /** A card's first download: fetch the bytes, then follow the link once it points at them. */
  readonly #save = async (event: Event) => {
    event.preventDefault();
    const view = this.#view as Loaded;
    const run = this.#run;
    try {
      const url = await this.#lease!.download();
      this.#show({ ...view, url }, run);
      await this.updateComplete;
      if (run === this.#run) this.renderRoot.querySelector<HTMLElement>('[part~=download-button]')!.click();
    } catch (error) {
      this.#fail(asError(error), run);
    }
  };

  protected override render() {
    const strings = { ...fileEn, ...this.strings };
    const view = this.#view;
    switch (view.state) {
      case 'idle':
        return nothing;
      case 'loading':
        return view.quiet ? nothing : placeholder(strings, !!view.busy);
      case 'error':
        return failure(view.invalid ? strings.errorInvalidId : fileErrorText(view.error, strings), strings, view.invalid ? undefined : this.#retry);
      default:
        return loaded(view, {
          strings,
          locale: this.closest<HTMLElement>('[lang]')?.lang || undefined,
          alt: this.alt,
          save: this.#save,
        });
    }
  }
}

/** Listeners on the element are typed by event name, as `<video>`'s are (shared/typed-listeners.ts). */
export interface DeepLakeFile {
  addEventListener: Listen<DeepLakeFile, DeepLakeFileEventMap>;
  removeEventListener: Listen<DeepLakeFile, DeepLakeFileEventMap, EventListenerOptions>;
}
