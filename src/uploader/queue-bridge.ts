/**
 * The queue's outcome events, told to the page and to assistive technology: each is
 * re-dispatched from the element as a bubbling, composed `deeplake-*` event and
 * announced in the live region (progress at coarse milestones only: a screen reader
 * reading every percent is unusable). Subscribed only while the element is connected.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fill, type UploaderStrings } from '../i18n/strings.js';
import type { UploadQueue, UploadQueueEventMap } from '../upload/index.js';
import { uploaderEvent } from './events.js';
import { errorText } from './row.js';

export class QueueBridge implements ReactiveController {
  #milestone = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly queue: UploadQueue,
    private readonly announce: (message: string) => void,
    private readonly strings: () => UploaderStrings,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.queue.addEventListener('progress', this.#onProgress);
    this.queue.addEventListener('success', this.#onSuccess);
    this.queue.addEventListener('error', this.#onError);
    this.queue.addEventListener('complete', this.#onComplete);
  }

  hostDisconnected(): void {
    this.queue.removeEventListener('progress', this.#onProgress);
    this.queue.removeEventListener('success', this.#onSuccess);
    this.queue.removeEventListener('error', this.#onError);
    this.queue.removeEventListener('complete', this.#onComplete);
  }

  readonly #onProgress = (e: UploadQueueEventMap['progress']) => {
    const totals = this.queue.totals;
    this.host.dispatchEvent(uploaderEvent('deeplake-progress', { item: e.detail.item, totals }));
    const milestone = Math.floor(totals.fraction * 4) * 25;
    if (milestone < this.#milestone) this.#milestone = milestone; // new files lowered the total
    if (milestone > this.#milestone && milestone < 100) {
      this.#milestone = milestone;
      this.announce(fill(this.strings().announceProgress, { percent: milestone }));
    }
  };

  readonly #onSuccess = (e: UploadQueueEventMap['success']) => {
    this.host.dispatchEvent(uploaderEvent('deeplake-success', e.detail));
    this.announce(fill(this.strings().announceDone, { name: e.detail.item.relativePath }));
  };

  readonly #onError = (e: UploadQueueEventMap['error']) => {
    this.host.dispatchEvent(uploaderEvent('deeplake-error', e.detail));
    const s = this.strings();
    this.announce(fill(s.announceFailed, { name: e.detail.item.relativePath, reason: errorText(e.detail.error, s) }));
  };

  readonly #onComplete = (e: UploadQueueEventMap['complete']) => {
    this.#milestone = 0;
    this.host.dispatchEvent(uploaderEvent('deeplake-complete', e.detail));
    this.announce(this.strings().announceComplete);
  };
}
