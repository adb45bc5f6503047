/**
 * The queue's outcome events, told to the page and to assistive technology: each is
 * re-dispatched from the element as a bubbling, composed `deeplake-*` event at once, and
 * announced in the live region with the list's next update: files finished since then
 * together, progress at coarse milestones only (a screen reader reading every file or
 * every percent is unusable).
 *
 * Subscribed for the element's whole life: a framework may take the element out of the
 * document and put it back while files upload. Outcome events that fall meanwhile are
 * held and dispatched, in order, when it is connected again (a disconnected element's
 * events would reach no ancestor); progress events of that time are dropped.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { uploadErrorText } from '../../i18n/messages.js';
import { fill, type UploaderStrings } from '../../i18n/strings.js';
import type { UploadQueue, UploadQueueEventMap } from '../../queue/index.js';
import { uploaderEvent } from '../events.js';
import type { Announcer } from './announcer.js';

export class QueueBridge implements ReactiveController {
  #milestone = 0;
  /**
   * Files that finished since the list last updated: said together at the update, by name
   * when one, as a count when several. Hundreds of small files would otherwise queue
   * hundreds of "… uploaded" for a screen reader.
   */
  #finished: string[] = [];
  /** The progress milestone reached since the list last updated (only the latest is said). */
  #reached: number | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly queue: UploadQueue,
    private readonly announcer: Pick<Announcer, 'announce'>,
    /** The element's strings (merged with the defaults) when something is said. */
    private readonly strings: () => UploaderStrings,
  ) {
    host.addController(this);
    queue.addEventListener('progress', this.#onProgress);
    queue.addEventListener('success', this.#onSuccess);
    queue.addEventListener('error', this.#onError);
    queue.addEventListener('complete', this.#onComplete);
    queue.addEventListener('network', this.#onNetwork);
  }

  /** Events that fell while the element was out of the document. */
  #held: Event[] = [];

  /** Dispatches what was held; the element calls it once its rows, value and validity caught up. */
  flush(): void {
    const held = this.#held;
    this.#held = [];
    for (const event of held) this.host.dispatchEvent(event);
  }

  #dispatch(event: Event): void {
    if (this.host.isConnected) this.host.dispatchEvent(event);
    else this.#held.push(event);
  }

  hostUpdate(): void {
    this.#sayPending();
  }

  /** What waited for the update, in the order it happened: files finished, then how far the batch got. */
  #sayPending(): void {
    const s = this.strings();
    const names = this.#finished;
    this.#finished = [];
    if (names.length) this.announcer.announce(names.length === 1 ? fill(s.announceDone, { name: names[0]! }) : fill(s.announceDoneMany, { count: names.length }));
    if (this.#reached !== undefined) this.announcer.announce(fill(s.announceProgress, { percent: this.#reached }));
    this.#reached = undefined;
  }

  readonly #onProgress = (e: UploadQueueEventMap['progress']) => {
    const totals = this.queue.totals;
    if (this.host.isConnected) this.host.dispatchEvent(uploaderEvent('deeplake-progress', { item: e.detail.item, totals }));
    const milestone = Math.floor(totals.fraction * 4) * 25;
    if (milestone < this.#milestone) this.#milestone = milestone; // new files lowered the total
    if (milestone > this.#milestone && milestone < 100) {
      this.#milestone = this.#reached = milestone;
      this.host.requestUpdate();
    }
  };

  readonly #onSuccess = (e: UploadQueueEventMap['success']) => {
    this.#dispatch(uploaderEvent('deeplake-success', e.detail));
    this.#finished.push(e.detail.item.relativePath);
    this.host.requestUpdate();
  };

  readonly #onError = (e: UploadQueueEventMap['error']) => {
    this.#dispatch(uploaderEvent('deeplake-error', e.detail));
    const s = this.strings();
    this.#sayPending();
    this.announcer.announce(fill(s.announceFailed, { name: e.detail.item.relativePath, reason: uploadErrorText(e.detail.error, s) }));
  };

  readonly #onNetwork = (e: UploadQueueEventMap['network']) => {
    const { waiting } = e.detail;
    this.#dispatch(uploaderEvent('deeplake-network', { waiting }));
    this.announcer.announce(waiting ? this.strings().announceOffline : this.strings().announceOnline);
  };

  readonly #onComplete = (e: UploadQueueEventMap['complete']) => {
    this.#milestone = 0;
    this.#dispatch(uploaderEvent('deeplake-complete', e.detail));
    this.#reached = undefined; // "All uploads finished" says more than a last milestone
    this.#sayPending();
    this.announcer.announce(this.strings().announceComplete);
  };
}
